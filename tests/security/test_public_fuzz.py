"""No public input is a server error: every GET parameter the public pages offer (found in
their forms and links, so new ones are covered without editing this file) and every public
form, one field at a time, with generated and known-bad values (Hypothesis). Valid values
reach the success path. Runs on SQLite and, in CI, on PostgreSQL (where NUL is refused)."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from consultations.models import Comment
from tests.actionplans.factories import commitment_page, index_page, plan_page

# Hundreds of requests over data they do not change: what every page reads alike is kept
# between them, as the site keeps it (tests/writes.py).
pytestmark = pytest.mark.usefixtures("kept_until_a_write")
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BAD = [
    "\x00",
    "a\x00",
    "9223372036854775808",
    "-1",
    "abc",
    "²",
    "٣",
    "x" * 5000,
    "' OR 1=1 --",
    "%00",
    "//evil.example/",
    "<script>",
]
VALUES = st.one_of(st.sampled_from(BAD), st.text(max_size=60))
FORM = re.compile(r"<form\b(?P<attrs>[^>]*)>(?P<body>.*?)</form>", re.S | re.I)
FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', re.I)
HREF = re.compile(r'href="([^"]*\?[^"]*)"')


@pytest.fixture
def site(consultation, home_pages):
    from home.pagetree import translate

    index = index_page(translate(home_pages["ar"], "en", title="Home"))
    plan = plan_page(index)
    commitment = commitment_page(plan, "C1")
    return {"consultation": consultation, "plan": plan, "commitment": commitment}


def public_urls(site) -> list[str]:
    consultation = site["consultation"]
    paragraph = consultation.sections[0].paragraphs[0]
    return [
        "/fr/",
        "/en/",
        "/fr/search/",
        "/fr/search/commitments/",
        "/en/search/commitments/",
        "/en/search/autocomplete/",
        consultation.url,
        consultation.paragraph_url(paragraph) if hasattr(consultation, "paragraph_url") else "/",
        site["plan"].url,
        site["commitment"].url,
        "/fr/account/login/",
        "/fr/account/signup/",
        "/fr/account/password/reset/",
    ]


def get_parameters(client, url) -> set[str]:
    """Names of the GET parameters a page offers: GET forms' fields and its links' queries."""
    html = client.get(url).content.decode()
    names = set()
    for form in FORM.finditer(html):
        if 'method="post"' not in form["attrs"].lower():
            names.update(FIELD.findall(form["body"]))
    for href in HREF.findall(html):
        names.update(key for key, _value in parse_qsl(urlsplit(unescape(href)).query))
    return names - {"csrfmiddlewaretoken"}


def test_every_public_get_parameter_resists_bad_values(client, site):
    seen = set()
    for url in public_urls(site):
        assert client.get(url).status_code == 200, url  # the success path
        for parameter in get_parameters(client, url) | {"q", "page", "next"}:
            seen.add(parameter)
            for value in BAD:
                response = client.get(url, {parameter: value})
                assert response.status_code < 500, (url, parameter, value)
    # The pages really offer the parameters this test is meant to cover.
    assert {"q", "theme", "status", "plan", "language"} <= seen


def test_generated_values_of_public_get_parameters(client, site):
    pairs = sorted(
        (url, parameter)
        for url in public_urls(site)[:10]
        for parameter in get_parameters(client, url) | {"q", "page"}
    )

    @FUZZ
    @given(pair=st.sampled_from(pairs), value=VALUES)
    @example(pair=("/en/search/commitments/", "q"), value="Commitment")
    def one_parameter(pair, value):
        url, parameter = pair
        response = client.get(url, {parameter: value})
        assert response.status_code < 500, (url, parameter, value)

    one_parameter()
    response = client.get("/en/search/commitments/", {"q": "Commitment"})
    assert site["commitment"].title in response.content.decode()  # the success path


# --- Public forms, one field at a time

PASSWORD = "a-long-enough-passphrase-42"


def signup_data(n):
    return {
        "email": f"fuzz{n}@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "Nadia",
        "preferred_language": "fr",
    }


FORMS = {
    "signup": ("/fr/account/signup/", signup_data, 302),
    "login": (
        "/fr/account/login/",
        lambda n: {"login": "known@example.org", "password": "pass-for-tests-123"},
        302,
    ),
    "reset": ("/fr/account/password/reset/", lambda n: {"email": "known@example.org"}, 302),
}


@pytest.fixture
def known_user(make_user, settings):
    settings.ACCOUNT_RATE_LIMITS = False
    settings.MOSHARAKA_RATE_LIMITS = None
    return make_user(email="known@example.org")


@pytest.mark.parametrize("form", sorted(FORMS))
@FUZZ
@given(field_index=st.integers(min_value=0, max_value=100), value=VALUES)
@example(field_index=0, value=None)  # every field valid: the success path
def test_account_forms_one_field_at_a_time(client, locales, known_user, form, field_index, value):
    url, valid, success = FORMS[form]
    data = valid(field_index)
    if value is None:
        response = client.post(url, data)
        assert response.status_code == success, response.content.decode()[:500]
        client.logout()
        return
    field = sorted(data)[field_index % len(data)]
    data[field] = value
    response = client.post(url, data)
    assert response.status_code in (200, 302, 400, 429), (form, field, value)
    client.logout()


@FUZZ
@given(field=st.sampled_from(["body", "paragraph", "parent", "organisation"]), value=VALUES)
@example(field="body", value="Un avis valable")
def test_comment_form_one_field_at_a_time(client, consultation, known_user, field, value):
    client.force_login(known_user)
    data = {"body": "Un avis", "paragraph": "", field: value}
    response = client.post(f"/fr/comments/new/{consultation.pk}/", data)
    assert response.status_code in (200, 302, 400, 403, 404, 429), (field, value)
    if field == "body" and value == "Un avis valable":
        assert response.status_code == 302
        assert Comment.objects.filter(body="Un avis valable").exists()


@FUZZ
@given(field=st.sampled_from(["reason", "note"]), value=VALUES)
@example(field="reason", value="spam")
def test_report_form_one_field_at_a_time(
    client, consultation, make_comment, known_user, field, value
):
    client.force_login(known_user)
    comment = make_comment(consultation)
    data = {"reason": "off_topic", "note": "", field: value}
    response = client.post(f"/fr/comments/{comment.pk}/report/", data)
    assert response.status_code in (200, 302, 400, 429), (field, value)
    if value == "spam":
        assert response.status_code == 302 and comment.reports.count() == 1
