"""Fuzzed input to the comment and report forms: never a server error, never unsafe output."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from consultations.models import Comment

NASTY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "\u202egnp.exe\u202c",
        "\u2066\u2067\u2068\u2069\u200e\u200f",
        "\x00\x00",
        "x" * 100_000,
        "' OR 1=1 --",
        "{{ 7*7 }}{% debug %}",
        "javascript:alert(1)",
        "https://exa\u202emple.org",
        "",
    ]
)
TEXT = st.one_of(NASTY, st.text(max_size=300), st.builds(lambda a, b: a + b, NASTY, st.text()))
ANCHOR = st.one_of(st.text(max_size=80), st.sampled_from(["p-", "../", "%00", "p-zzzz", "0" * 64]))
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def signed_in(client, make_user, settings):
    settings.MOSHARAKA_RATE_LIMITS = None
    client.force_login(make_user())
    return client


def _no_raw_controls(html: str) -> bool:
    return not any(c in html for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@FUZZ
@given(body=TEXT, paragraph=ANCHOR, parent=st.one_of(st.none(), st.text(max_size=12)))
# Digits that str.isdigit() accepts but int() or the database column would not.
@example(body="Bonjour", paragraph="", parent="²")
@example(body="Bonjour", paragraph="", parent="٣")
@example(body="Bonjour", paragraph="", parent="9" * 30)
def test_comment_form_never_fails(signed_in, consultation, body, paragraph, parent):
    data = {"body": body, "paragraph": paragraph}
    if parent is not None:
        data["parent"] = parent
    response = signed_in.post(f"/en/comments/new/{consultation.pk}/", data)
    assert response.status_code in (302, 400, 404)
    if response.status_code == 302:
        comment = Comment.objects.latest("pk")
        assert _no_raw_controls(comment.body) and "\x00" not in comment.body
        assert len(comment.body) <= 5000
        html = signed_in.get(response["Location"]).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert _no_raw_controls(html)


@FUZZ
@given(reason=st.one_of(st.text(max_size=20), st.sampled_from(["spam", "other"])), note=TEXT)
def test_report_form_never_fails(signed_in, consultation, make_comment, reason, note):
    comment = make_comment(consultation)
    response = signed_in.post(
        f"/en/comments/{comment.pk}/report/", {"reason": reason, "note": note}
    )
    assert response.status_code in (200, 302)
    for report in comment.reports.all():
        assert _no_raw_controls(report.note) and len(report.note) <= 500
