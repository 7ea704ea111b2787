"""Who is served from the cache and what the cached responses say to browsers and proxies."""

import pytest
from django.test import Client

from pagecache import generation

from .conftest import get, state

pytestmark = pytest.mark.django_db


def test_anonymous_page_is_stored_then_served_with_validators(page_cache, home_pages):
    first = get("/fr/")
    second = get("/fr/")
    assert (first.status_code, state(first)) == (200, "miss")
    assert (second.status_code, state(second)) == (200, "hit")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"] and first["ETag"].startswith('"')
    assert second["Last-Modified"] == first["Last-Modified"]
    control = second["Cache-Control"]
    assert "public" in control and "max-age=0" in control and "s-maxage=0" in control
    # Headers of the middleware further in are kept: a hit is the same response.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert not second.cookies


def test_pages_rendered_with_debug_on_are_not_stored(page_cache, home_pages, settings):
    """Django's debug pages (its technical 404) must not be served after a restart without
    DEBUG."""
    settings.DEBUG = True
    assert "hit" not in [state(get("/fr/")) for _ in range(2)]
    settings.DEBUG = False
    assert [state(get("/fr/")) for _ in range(2)] == ["miss", "hit"]


def test_revalidation_with_the_etag_is_answered_not_modified(page_cache, home_pages):
    etag = get("/fr/")["ETag"]
    revalidated = get("/fr/", If_None_Match=etag)
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert get("/fr/", If_None_Match='"other"').status_code == 200


def test_each_language_and_query_string_is_its_own_entry(page_cache, home_pages):
    assert state(get("/fr/")) == "miss"
    assert state(get("/ar/")) == "miss"
    assert state(get("/fr/?page=2")) == "miss"
    assert get("/ar/").content != get("/fr/").content


def test_a_signed_in_user_never_gets_a_cached_page(page_cache, home_pages, make_user):
    anonymous = get("/fr/")
    user = make_user(display_name="Salma Visible")
    client = Client()
    client.force_login(user)
    mine = client.get("/fr/")
    assert state(mine) == ""
    assert "Salma Visible" in mine.content.decode()
    assert "Salma Visible" not in anonymous.content.decode()
    assert "private" in mine["Cache-Control"]
    assert "public" not in mine["Cache-Control"]


def test_a_signed_in_users_page_is_never_stored(page_cache, home_pages, make_user):
    client = Client()
    client.force_login(make_user(display_name="Karim Private"))
    assert "Karim Private" in client.get("/fr/").content.decode()
    after = get("/fr/")
    assert state(after) == "miss"
    assert "Karim Private" not in after.content.decode()


def test_a_page_with_a_csrf_token_is_not_stored(page_cache, home_pages, settings):
    # The sign-in form renders a CSRF token; let the cache consider account pages to show
    # that the token alone keeps the page out of it.
    settings.MOSHARAKA_PAGE_CACHE = {**settings.MOSHARAKA_PAGE_CACHE, "SKIP_PATHS": []}
    visitors = [Client(), Client()]
    pages = [visitor.get("/fr/account/login/") for visitor in visitors]
    assert [state(page) for page in pages] == ["skip", "skip"]
    tokens = [visitor.cookies["csrftoken"].value for visitor in visitors]
    assert tokens[0] != tokens[1]
    assert "private" in pages[0]["Cache-Control"]
    # A visitor who already has a CSRF cookie is not served anyone else's form either.
    again = visitors[0].get("/fr/account/login/")
    assert state(again) == "skip"
    assert 'name="csrfmiddlewaretoken"' in again.content.decode()


def test_a_response_setting_a_cookie_is_not_stored(page_cache, home_pages, settings):
    settings.MOSHARAKA_PAGE_CACHE = {**settings.MOSHARAKA_PAGE_CACHE, "SKIP_PATHS": []}
    response = get("/fr/account/login/")
    assert response.cookies and state(response) == "skip"
    assert state(get("/fr/account/login/")) == "skip"


def test_cookies_of_a_session_or_messages_bypass_the_cache(page_cache, home_pages):
    get("/fr/")
    for name in ("sessionid", "messages"):
        client = Client()
        client.cookies[name] = "x"
        assert state(client.get("/fr/")) == ""


def test_other_methods_and_skipped_paths_are_not_cached(page_cache, home_pages):
    assert state(get("/admin/login/")) == ""
    assert state(Client().head("/fr/")) == ""
    assert state(get("/fr/")) == "miss"


def test_a_new_generation_makes_every_page_stale(page_cache, home_pages):
    get("/fr/"), get("/ar/")
    assert state(get("/fr/")) == "hit"
    generation.bump()
    assert state(get("/fr/")) == "miss"
    assert state(get("/ar/")) == "miss"


def test_a_lost_generation_never_revives_old_entries(page_cache, home_pages):
    get("/fr/")
    page_cache.delete(generation.GENERATION_KEY)
    assert state(get("/fr/")) == "miss"
    assert state(get("/fr/")) == "hit"


def test_disabled_cache_serves_everything_fresh(page_cache, home_pages, settings):
    settings.MOSHARAKA_PAGE_CACHE = {**settings.MOSHARAKA_PAGE_CACHE, "ENABLED": False}
    get("/fr/")
    assert state(get("/fr/")) == ""
