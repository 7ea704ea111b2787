"""Sign-up with a confirmed email, display name and language; sign-in; password reset; profile;
account deletion; rate limits; fuzzed sign-up input."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.test import TestCase, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User

PASSWORD = "a-long-enough-passphrase-42"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def signup(client, language="fr", **fields):
    """Sign up; the confirmation email is sent (the transaction commits, the task runs)."""
    data = {
        "email": "nouvelle@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "Nadia de Safi",
        "preferred_language": "fr",
        **fields,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"/{language}/account/signup/", data)


def confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", message.body).group(1)


def test_citizen_signs_up_confirms_and_is_signed_in(client, db, locales):
    response = signup(client, display_name="\u202eNadia\u202c de Safi")
    assert response.status_code == 302
    user = User.objects.get(email="nouvelle@example.org")
    assert user.display_name == "Nadia de Safi"
    assert user.preferred_language == "fr"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    link = confirmation_link(mail.outbox[0])
    assert link.startswith("/fr/account/confirm-email/")
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.get("/fr/account/profile/").status_code == 200


def test_display_name_is_optional_and_pseudonymous(client, db, locales):
    signup(client, display_name="")
    user = User.objects.get()
    assert user.public_name != user.email and "@" not in user.public_name


def test_an_email_address_is_refused_as_display_name(client, db, locales):
    response = signup(client, display_name="me@example.org")
    assert response.status_code == 200
    assert not User.objects.exists()


def test_sign_in_requires_a_confirmed_email(client, db, locales):
    signup(client)
    client.logout()
    response = client.post(
        "/fr/account/login/", {"login": "nouvelle@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]


def test_password_reset_sends_a_link(client, make_user):
    make_user(email="oubli@example.org")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/ar/account/password/reset/", {"email": "oubli@example.org"})
    assert response.status_code == 302
    assert "/ar/account/password/reset/key/" in mail.outbox[0].body


def test_profile_changes_display_name_and_language(client, make_user):
    user = make_user(display_name="Ancien")
    client.force_login(user)
    response = client.post(
        "/fr/account/profile/",
        {"display_name": "Nouveau\u2067", "preferred_language": "ar"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language) == ("Nouveau", "ar")


def test_account_deletion_needs_the_password_and_anonymises(client, make_user):
    user = make_user(email="bye@example.org", first_name="Nom", display_name="Visible")
    client.force_login(user)
    response = client.post("/fr/account/delete/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.is_active
    response = client.post(
        "/fr/account/delete/", {"password": "pass-for-tests-123", "confirm": "on"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert (user.email, user.first_name, user.display_name) == ("", "", "")
    assert not EmailAddress.objects.filter(user=user).exists()
    assert client.get("/fr/account/profile/").status_code == 302  # signed out


def test_header_shows_the_public_name_never_the_email(client, make_user):
    user = make_user(email="secret@example.org", display_name="Karima")
    client.force_login(user)
    html = client.get("/fr/account/profile/").content.decode()
    assert "Karima" in html and "secret@example.org" not in html.split("<main")[0]


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/m/ip", "signup": "2/m/ip"})
def test_sign_in_and_sign_up_are_rate_limited(client, make_user):
    make_user(email="target@example.org")
    responses = [
        client.post("/en/account/login/", {"login": "target@example.org", "password": "bad"})
        for _ in range(5)
    ]
    assert "Too many failed login attempts" not in responses[0].content.decode()
    assert "Too many failed login attempts" in responses[-1].content.decode()
    statuses = [signup(client, email=f"n{i}@example.org").status_code for i in range(4)]
    assert statuses[-1] == 429


FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NASTY = st.sampled_from(
    ["<script>alert(1)</script>", "\u202e\u2066", "\x00", "x" * 100_000, "a@b", "", " "]
)
TEXT = st.one_of(NASTY, st.text(max_size=120))


@FUZZ
@given(email=TEXT, name=TEXT, language=TEXT, password=TEXT)
def test_signup_form_never_fails(client, locales, email, name, language, password):
    response = signup(
        client,
        email=email,
        display_name=name,
        preferred_language=language,
        password1=password,
        password2=password,
    )
    assert response.status_code in (200, 302)
    for user in User.objects.all():
        assert "\x00" not in user.display_name and "\u202e" not in user.display_name
        assert len(user.display_name) <= 60
    client.logout()
