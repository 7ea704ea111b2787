"""The password forms of password-protected pages and documents are rate limited like every
sign-in door (allauth's failed-login limit, per IP), with the 429 page in the page's language."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from django.utils.html import escape
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.consultations.fixtures import french_version

LIMITS = {"login_failed": "100/m/ip,3/5m/key"}
PASSWORD = "right-page-pw"
MESSAGE = (
    "You have done this many times in a short time. Please wait a few minutes, then try again."
)
ATTACKER, VISITOR = "203.0.113.7", "198.51.100.20"


@pytest.fixture
def protected(consultation):
    page = french_version(consultation)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password=PASSWORD
    )
    return page, f"/fr/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def try_password(client, url, password, ip=ATTACKER):
    return client.post(url, {"password": password, "return_url": "/fr/"}, REMOTE_ADDR=ip)


def can_read(client, page, ip=ATTACKER) -> bool:
    return "password" not in client.get(page.url, REMOTE_ADDR=ip).content.decode().lower()


@override_settings(ACCOUNT_RATE_LIMITS=LIMITS)
def test_wrong_passwords_then_the_right_one_is_refused_with_429_in_the_page_language(
    client, protected, locales
):
    page, url = protected
    assert not can_read(client, page)
    for _ in range(3):
        assert try_password(client, url, "guess").status_code == 200  # the form again
    response = try_password(client, url, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="fr"' in html
    with translation.override("fr"):
        assert escape(translation.gettext(MESSAGE)) in html
    assert not can_read(client, page)
    cache.clear()  # the limit's time has passed
    assert try_password(client, url, PASSWORD).status_code == 302
    assert can_read(client, page)


@override_settings(ACCOUNT_RATE_LIMITS=LIMITS)
def test_another_visitor_is_not_blocked_by_someone_elses_guesses(client, protected, locales):
    page, url = protected
    for _ in range(4):
        try_password(client, url, "guess")
    assert try_password(client, url, PASSWORD).status_code == 429
    client.cookies.clear()
    assert try_password(client, url, PASSWORD, ip=VISITOR).status_code == 302
    assert can_read(client, page, ip=VISITOR)


@override_settings(ACCOUNT_RATE_LIMITS=LIMITS)
def test_the_right_password_before_the_limit_opens_the_page_and_costs_no_attempt(
    client, protected, locales
):
    page, url = protected
    for _ in range(2):
        try_password(client, url, "guess")
    assert try_password(client, url, PASSWORD).status_code == 302
    assert can_read(client, page)
    # The right password gave its attempt back: one more wrong one is still a plain refusal.
    assert try_password(client, url, "guess").status_code == 200


@override_settings(ACCOUNT_RATE_LIMITS=LIMITS)
def test_document_passwords_are_limited_too(client, db, locales):
    collection = Collection.get_first_root_node().add_child(name="Private")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=PASSWORD
    )
    Document.objects.create(title="Budget", collection=collection)
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    for _ in range(3):
        assert try_password(client, url, "guess").status_code == 200
    assert try_password(client, url, PASSWORD).status_code == 429
    assert try_password(client, url, PASSWORD, ip=VISITOR).status_code == 302
