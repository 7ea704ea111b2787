"""The WSGI entry point answers cached pages itself, with the same rules as the middleware."""

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory

from pagecache import generation
from pagecache.wsgi import CachedPages

pytestmark = pytest.mark.django_db


class Counting:
    def __init__(self):
        self.django, self.calls = WSGIHandler(), 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


def call(app, path="/fr/", **headers):
    environ = RequestFactory().get(path, headers=headers).environ
    # As a WSGI server hands it over: the path as latin-1 text of its UTF-8 bytes (the request
    # object RequestFactory built has already written the decoded path into its environ).
    environ["PATH_INFO"] = path.encode().decode("iso-8859-1")
    seen = {}

    def start_response(status, response_headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(response_headers)

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


@pytest.fixture
def app():
    # As Django's test client does: the test's transaction must outlive each request.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    inner = Counting()
    yield CachedPages(inner), inner
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_a_cached_page_is_answered_without_django(page_cache, home_pages, app):
    outer, inner = app
    status, headers, body = call(outer)
    assert (status, headers["X-Page-Cache"], inner.calls) == ("200 OK", "miss", 1)
    status, again, cached = call(outer)
    assert (status, again["X-Page-Cache"], inner.calls) == ("200 OK", "hit", 1)
    assert cached == body and again["ETag"] == headers["ETag"]
    assert again["Content-Security-Policy"] == headers["Content-Security-Policy"]


def test_revalidation_is_answered_not_modified(page_cache, home_pages, app):
    outer, inner = app
    etag = call(outer)[1]["ETag"]
    status, headers, body = call(outer, If_None_Match=etag)
    assert (status, body, headers["ETag"], inner.calls) == ("304 Not Modified", b"", etag, 1)


def test_signed_in_visitors_and_new_generations_go_to_django(page_cache, home_pages, app):
    outer, inner = app
    call(outer)
    call(outer, Cookie="sessionid=abc")
    assert inner.calls == 2
    generation.bump()
    assert call(outer)[1]["X-Page-Cache"] == "miss"
    assert inner.calls == 3
    assert call(outer, path="/admin/login/")[0] in {"200 OK", "302 Found"}
    assert inner.calls == 4


def test_a_non_ascii_address_reaches_django_intact(page_cache, home_pages, app):
    # Arabic theme slugs: the cache's look-up must not leave a decoded path for Django.
    outer, inner = app
    status, headers, body = call(outer, path="/ar/programmes/theme/البيانات-المفتوحة/")
    assert inner.calls == 1
    assert status.split()[0] in {"200", "404"}
