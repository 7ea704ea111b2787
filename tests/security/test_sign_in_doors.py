"""Every sign-in door is rate limited the same way, and the admin's door is for staff only."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from accounts import roles

PASSWORD = "pass-for-tests-123"
LIMITS = {"login_failed": "100/m/ip,3/5m/key"}


def admin_sign_in(client, login, password=PASSWORD):
    client.post("/admin/login/", {"username": login, "password": password})
    return "_auth_user_id" in client.session


def site_sign_in(client, login, password=PASSWORD):
    client.post("/fr/account/login/", {"login": login, "password": password})
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("group", [roles.EDITORS, roles.MODERATORS, roles.COUNCIL_STAFF])
def test_staff_sign_in_to_the_admin_by_user_name_or_email(client, make_user, group):
    user = make_user(groups=[group], username="karim", email="karim@example.org")
    assert admin_sign_in(client, "karim")
    client.logout()
    assert admin_sign_in(client, "KARIM@example.org")
    assert client.get("/admin/").status_code == 200
    assert user.pk == int(client.session["_auth_user_id"])


def test_citizens_are_turned_away_from_the_admin_sign_in(client, make_user, locales):
    make_user(username="citizen", email="citizen@example.org")
    response = client.post("/admin/login/", {"username": "citizen", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    # The message, in the admin's language (catalogues translate it).
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        expected = translation.gettext(
            "This sign-in is for the council's team. To take part, sign in on the site."
        )
    assert escape(expected) in response.content.decode()


@override_settings(ACCOUNT_RATE_LIMITS=LIMITS)
@pytest.mark.parametrize(
    ("wrong_door", "right_door"),
    [
        (admin_sign_in, admin_sign_in),
        (admin_sign_in, site_sign_in),
        (site_sign_in, admin_sign_in),
    ],
)
def test_failed_attempts_count_across_doors(client, make_user, locales, wrong_door, right_door):
    cache.clear()
    make_user(groups=[roles.EDITORS], username="salma", email="salma@example.org")
    # The admin accepts the user name too; the site only emails. Case does not matter.
    logins = ["Salma@example.org", "SALMA@EXAMPLE.ORG"]
    logins.append("salma" if wrong_door is admin_sign_in else "salma@example.org")
    for login in logins:
        assert not wrong_door(client, login, "wrong-password")
    # Three failures for this account: even the right password is refused for a while.
    assert not right_door(client, "salma@example.org")
    cache.clear()
    assert right_door(client, "salma@example.org")


def test_wagtail_front_end_sign_in_leads_to_the_site_sign_in(client, home_pages):
    response = client.get("/fr/_util/login/?next=/fr/prive/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/account/login/?next=%2Ffr%2Fprive%2F"
    response = client.get("/fr/_util/login/?next=https://evil.example/")
    assert response["Location"] == "/fr/account/login/"
    PageViewRestriction.objects.create(page=home_pages["fr"], restriction_type="login")
    response = client.get(home_pages["fr"].url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert "/admin/" not in response["Location"] and "_util" not in response["Location"]
