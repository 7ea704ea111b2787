"""Account pages (allauth) and Django's form and password messages speak the page's language
in our own words: formal Afghan Dari rather than the Iranian Persian fallback, complete Arabic
plural forms, one word per concept, errors next to their field."""

import re

import pytest
from django.core import mail
from django.test import TestCase

from .recording import looked_up, untranslated

PASSWORD = "a-long-enough-passphrase-42"
# Looked up by Wagtail when its chooser widgets are first built, never shown on these pages.
NOT_SHOWN = {"Home", "Choose %(object)s", "Choose another %(object)s", "Edit this %(object)s"}
PAGES = [
    "login/",
    "signup/",
    "logout/",
    "password/reset/",
    "password/reset/done/",
    "password/reset/key/1-bad/",
    "confirm-email/",
    "confirm-email/bad-key/",
    "inactive/",
]
SIGNED_IN_PAGES = ["profile/", "delete/", "password/change/", "email/", "reauthenticate/"]
BAD_INPUT = {
    "login/": {"login": "nobody@example.org", "password": "wrong"},
    "signup/": {"email": "not-an-email", "password1": "1234", "password2": "12345"},
    "password/reset/": {"email": "not-an-email"},
    "password/change/": {"oldpassword": "wrong", "password1": "1", "password2": "2"},
}


def walk_account_pages(client, language, make_user) -> dict:
    """Every account page a visitor reaches, with bad input and the whole happy path."""
    base = f"/{language}/account/"
    with looked_up(language) as seen:
        for page in PAGES:
            client.get(base + page)
            if page in BAD_INPUT:
                client.post(base + page, BAD_INPUT[page])
        with TestCase.captureOnCommitCallbacks(execute=True):  # mail goes by the task queue
            client.post(
                base + "signup/",
                {
                    "email": "new@example.org",
                    "password1": PASSWORD,
                    "password2": PASSWORD,
                    "display_name": "",
                    "preferred_language": language,
                },
                follow=True,
            )
        link = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", mail.outbox[-1].body)
        client.get(link.group(1))
        client.post(link.group(1), follow=True)
        client.post(base + "logout/", follow=True)
        signed_in = {"login": "new@example.org", "password": PASSWORD}
        client.post(base + "login/", signed_in, follow=True)
        for page in SIGNED_IN_PAGES:
            client.get(base + page)
            if page in BAD_INPUT:
                client.post(base + page, BAD_INPUT[page])
        client.post(base + "logout/", follow=True)
        with TestCase.captureOnCommitCallbacks(execute=True):
            client.post(base + "password/reset/", {"email": "new@example.org"}, follow=True)
    return seen


@pytest.mark.parametrize("language", ["ar", "fa-af"])
def test_every_string_on_the_account_pages_is_in_our_catalogues(
    client, home_pages, make_user, language
):
    seen = walk_account_pages(client, language, make_user)
    assert len(seen) > 60  # the walk reached allauth's and Django's strings
    missing = [m for m in untranslated(language, seen) if m not in NOT_SHOWN]
    assert missing == [], "\n".join(missing)


def _main(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_dari_account_pages_are_formal_afghan_dari_with_one_word_for_password(client, home_pages):
    html = ""
    for page in ("login/", "signup/", "password/reset/"):
        html += _main(client.get(f"/fa-af/account/{page}").content.decode())
    html += _main(
        client.post(
            "/fa-af/account/signup/",
            {"email": "x@example.org", "password1": "1234", "password2": "1234"},
        ).content.decode()
    )
    assert "رمز عبور" in html
    assert "گذرواژه" not in html
    # Colloquial Iranian forms of the fallback catalogue ("یه حساب داری؟", "ورود کن").
    for colloquial in (r"\bیه\b", r"\bداری\b", r"\bکن\b", "پس لطفا", "ازقبل"):
        assert not re.search(colloquial, html), colloquial
    html = html.replace("العربية", "")  # the name of the Arabic language, in Arabic
    assert "ي" not in html and "ك" not in html  # Persian letters ی and ک, not Arabic ones


def test_arabic_sign_up_errors_are_arabic_and_next_to_their_field(client, home_pages):
    response = client.post(
        "/ar/account/signup/",
        {"email": "x@example.org", "password1": "1234", "password2": "1234"},
    )
    html = response.content.decode()
    field = re.search(r'<label for="id_password1">.*?<input[^>]*id="id_password1"', html, re.S)
    assert field, "the password's errors sit between its label and its input"
    errors = re.search(r'<ul class="errorlist" id="id_password1_error">(.*?)</ul>', field.group(0))
    assert errors
    text = re.sub(r"<[^>]+>", " ", errors.group(1))
    assert "8 أحرف" in text
    assert not re.search(r"[A-Za-z]", text), text
    assert "<span" not in html.split('id="id_password1_helptext"', 1)[0][-10:]


def test_sign_up_has_one_name_everywhere(client, home_pages):
    words = {"ar": "إنشاء حساب", "fr": "Créer un compte", "fa-af": "ثبت نام"}
    for language, word in words.items():
        html = client.get(f"/{language}/account/signup/").content.decode()
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", _main(html), re.S).group(1).strip()
        assert heading == word, (language, heading)
        assert f">{word}</a>" in html  # the header's link
    arabic = client.get("/ar/account/signup/").content.decode()
    assert "الاشتراك" not in arabic
