"""Sign-up with a confirmed email, display name and language; sign-in; password reset; profile;
account deletion; rate limits; fuzzed sign-up input."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.test import Client, TestCase, override_settings
from hypothesis import strategies as st

from accounts.models import User

from ..fuzzing import TEXT, Outcomes, errors_shown, fuzz_value, has_controls, rolled_back

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


@pytest.mark.parametrize("language", ["fa-af", "ar", "fr"])
def test_sign_in_with_no_page_to_return_to_lands_in_its_language(client, make_user, language):
    make_user(email="retour@example.org", preferred_language="ar")
    response = client.post(
        f"/{language}/account/login/",
        {"login": "retour@example.org", "password": "pass-for-tests-123"},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


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


VALID_SIGNUP = {
    "email": "nouvelle@example.org",
    "display_name": "Nadia de Safi",
    "preferred_language": "fr",
    "password": PASSWORD,
}
SIGNUP_INPUT = {
    "email": st.one_of(TEXT, st.emails()),
    "display_name": TEXT,
    "preferred_language": st.one_of(st.sampled_from(["ar", "fr", "en", "fa-af"]), TEXT),
    "password": TEXT,
}
SIGNUP_EXAMPLES = {  # accepted ones first, then refused ones
    "email": ["nouvelle@example.org", " Nouvelle@Example.ORG ", "", "a@b", "x" * 100_000],
    "display_name": ["Nadia", "\u202eNadia\u202c", "", "me@example.org", "x" * 61, "\x00"],
    "preferred_language": ["ar", "fa-af", "", "xx", "fr\x00"],
    "password": [PASSWORD, "", "12345678", "password"],
}
FORM_FIELDS = {"password": {"password1", "password2"}}


@pytest.mark.parametrize("field", list(SIGNUP_INPUT))
def test_signup_refuses_bad_input_with_a_message_and_signs_up_good_input(locales, field):
    outcomes = Outcomes()

    @fuzz_value(SIGNUP_INPUT[field], SIGNUP_EXAMPLES[field])
    def attempt(value):
        data = {**VALID_SIGNUP, field: value}
        password = data.pop("password")
        with rolled_back():
            mail.outbox.clear()
            response = signup(Client(), password1=password, password2=password, **data)
            assert response.status_code in (200, 302)
            if response.status_code == 302:
                outcomes["signed up"] += 1
                assert "/fr/account/confirm-email/" in response["Location"]
                user = User.objects.get()
                assert not has_controls(user.display_name) and "@" not in user.display_name
                assert len(user.display_name) <= 60
                assert user.preferred_language in {"ar", "fr", "en", "fa-af"}
                assert [message.to for message in mail.outbox] == [[user.email]]
            else:
                outcomes["refused"] += 1
                assert not User.objects.exists() and not mail.outbox
                errors = errors_shown(response)
                assert errors and set(errors) <= FORM_FIELDS.get(field, {field}), errors

    attempt()
    outcomes.assert_both_paths_reached("signed up", "refused")
