"""The error pages (400, 403, 404, 429, 500) speak the request's language: `<html lang>` and
`dir` follow it and the message is the catalogue's (the strings may still be untranslated:
what is checked is that the page asks gettext in that language). On the API's paths they
answer JSON; on the admin's, HTML."""

import json

import pytest
from allauth.core.internal.ratelimit import respond_429
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.test import RequestFactory
from django.urls import get_resolver
from django.utils import translation
from django.utils.html import escape

LANGUAGES = {"ar": "rtl", "fr": "ltr", "fa-af": "rtl"}
MESSAGES = {
    400: "The address or the form contains something this site cannot read. Please check it "
    "and try again.",
    403: "You are not allowed to see this page. If you think you should be, sign in with the "
    "account that may, or contact the council.",
    404: "We could not find that page. It may have moved, or the address may be mistyped.",
    429: "You have done this many times in a short time. Please wait a few minutes, then try "
    "again.",
    500: "Something went wrong on the server. Please try again shortly.",
}
EXCEPTIONS = {
    400: SuspiciousOperation("bad"),
    403: PermissionDenied(),
    404: Http404(),
}


def render_error(status: int, path: str, language: str):
    """The response the configured handler gives, as it does inside a request: the language
    middleware has activated the language of the path."""
    request = RequestFactory().get(path)
    request.LANGUAGE_CODE = language
    with translation.override(language):
        if status == 429:
            return respond_429(request)
        handler = get_resolver().resolve_error_handler(status)
        if status == 500:
            return handler(request)
        return handler(request, EXCEPTIONS[status])


@pytest.mark.parametrize("status", [400, 403, 404, 429, 500])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_error_pages_are_in_the_request_language(home_pages, status, language):
    response = render_error(status, f"/{language}/somewhere/", language)
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{LANGUAGES[language]}">' in html
    with translation.override(language):
        message = translation.gettext(MESSAGES[status])
    assert message in html or escape(message) in html


def test_a_page_language_shows_in_a_real_404(client, home_pages):
    response = client.get("/fa-af/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="fa-af" dir="rtl">' in response.content.decode()


@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_api_errors_answer_json(db, status):
    response = render_error(status, "/api/v2/pages/", "ar")
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["message"]


def test_an_unknown_api_path_is_a_json_404(client, db):
    response = client.get("/api/v2/no-such-endpoint/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_admin_errors_answer_html(home_pages, status):
    response = render_error(status, "/admin/no-such-screen/", "fr")
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert '<html lang="fr"' in response.content.decode()


def test_the_admin_404_is_an_html_404(admin_client):
    response = admin_client.get("/admin/no-such-screen/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_real_server_error_is_in_the_page_language_or_json_on_the_api(
    client, home_pages, monkeypatch
):
    from wagtail.api.v2.views import PagesAPIViewSet

    from home.models import HomePage

    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "serve", fail)
    monkeypatch.setattr(PagesAPIViewSet, "listing_view", fail)
    client.raise_request_exception = False
    response = client.get("/fr/")
    assert response.status_code == 500
    assert '<html lang="fr" dir="ltr">' in response.content.decode()
    response = client.get("/api/v2/pages/")
    assert response.status_code == 500
    assert response.json() == {"message": "server error"}
