"""The two reference servers of benchmarks/site_benchmark.py, serving the same 30 KB page:

- ``ceiling``: a bare WSGI callable (what this machine and gunicorn can do at best);
- ``floor_app()``: the same bytes through a Django view with the middleware of a new Django
  project (``startproject``), the least any Django site pays per request.

    gunicorn 'benchmarks.baselines:ceiling'
    gunicorn 'benchmarks.baselines:floor_app()'
"""

BODY = (
    b"<!doctype html><html lang=en><meta charset=utf-8><title>30 KB</title><body>"
    + b"<p>Mosharaka benchmark reference page.</p>\n" * 700
)[: 30 * 1024]
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def ceiling(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]


def _page(request):
    from django.http import HttpResponse

    return HttpResponse(BODY)


def floor_app():
    import django
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.urls import path

    settings.configure(
        DEBUG=False,
        SECRET_KEY="benchmark-floor-not-secret",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=[
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    )
    django.setup()
    globals()["urlpatterns"] = [path("", _page)]
    return get_wsgi_application()
