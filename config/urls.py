from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static as static_url
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.signin import document_password, page_password, site_sign_in
from config.api import api_router
from home.sitemap import sitemap

# The site's error pages in the request's language, JSON on the API's paths (config/errors.py).
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"


def favicon(request):
    # Resolved per request, not at import: with hashed static files the name is only known
    # once collectstatic has run, and importing the URLs must not depend on that.
    return HttpResponsePermanentRedirect(static_url("img/favicon.svg"))


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms, rate limited like the sign-in (accounts/signin.py).
    path("documents/authenticate_with_password/<int:restriction_id>/", document_password),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap),
    path("favicon.ico", favicon),
]

if settings.DEBUG or getattr(settings, "MOSHARAKA_SERVE_MEDIA", False):
    # The demo serves its uploads itself (it runs with DEBUG off to show the site's own 404).
    urlpatterns += [
        re_path(
            r"^" + settings.MEDIA_URL.lstrip("/") + r"(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Everything the public reads carries its language in the URL: /ar/…, /fr/…, /fa-af/…
# A visitor to / is redirected to the best language for their browser.
urlpatterns += i18n_patterns(
    path("account/", include("accounts.urls")),
    path("account/", include("allauth.urls")),
    path("_util/login/", site_sign_in),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
    ),
    path("", include("search.urls")),
    path("", include("consultations.urls")),
    path("", include("actionplans.urls")),
    path("", include("actionplans.monitoring.urls")),
    path("", include("actionplans.evaluation.urls")),
    path("", include("home.urls")),
    prefix_default_language=True,
)
