"""Fuzzed input to the comment and report forms, one field at a time with the others valid:
never a server error, never unsafe output; bad input is refused with the reason shown, good
input is published (and the thank-you message shown)."""

import pytest
from django.utils.html import escape
from django.utils.translation import gettext, override
from hypothesis import strategies as st

from consultations.models import Comment, CommentReport

from ..fuzzing import TEXT, Outcomes, errors_shown, fuzz_value, has_controls, rolled_back

ANCHOR = st.one_of(st.text(max_size=80), st.sampled_from(["p-", "../", "%00", "p-zzzz", "0" * 64]))
PARENT = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    # Digits that str.isdigit() accepts but int() or the database column would not.
    st.sampled_from(["²", "٣", "9" * 30, "0", "-1", " 1"]),
)


@pytest.fixture
def signed_in(client, make_user):
    client.force_login(make_user())
    return client


def assert_thanked(client, response, text: str):
    """The page the form redirected to shows `text` as a message, and nothing unsafe."""
    html = client.get(response["Location"]).content.decode()
    assert f'<li class="message message--success">{escape(text)}</li>' in html
    assert "<script>alert(1)</script>" not in html and not has_controls(html)


@pytest.mark.parametrize("field", ["body", "paragraph", "parent"])
def test_comment_form_refuses_bad_input_with_a_message_and_publishes_good_input(
    signed_in, consultation, make_comment, field
):
    paragraphs = consultation.paragraphs  # by short id
    short_id = next(iter(paragraphs))
    parent = make_comment(consultation, paragraph=paragraphs[short_id].id)
    valid = {"body": "Bonjour", "paragraph": short_id, "parent": ""}
    inputs = {
        "body": TEXT,
        "paragraph": st.one_of(st.sampled_from(["", *paragraphs]), ANCHOR),
        "parent": st.one_of(st.just(str(parent.pk)), PARENT),
    }
    examples = {  # accepted ones first, then refused ones
        "body": ["Bonjour", "\u202eمرحبا\u202c", "x" * 5000, "", " \u202a ", "x" * 5001, "\x00"],
        "paragraph": [short_id, "", "p-zzzz", "../", "x" * 65, "\x00"],
        "parent": [str(parent.pk), "", "abc", "²", "٣", "9" * 30, "99999999"],
    }
    with override("en"):
        thank_you = gettext("Thank you: your comment is published.")
    outcomes = Outcomes()

    @fuzz_value(inputs[field], examples[field])
    def attempt(value):
        data = {**valid, field: value}
        with rolled_back():
            before = Comment.objects.count()
            response = signed_in.post(f"/en/comments/new/{consultation.pk}/", data)
            assert response.status_code in (302, 400, 404)
            if response.status_code == 302:
                outcomes["published"] += 1
                comment = Comment.objects.latest("pk")
                assert Comment.objects.count() == before + 1
                assert not has_controls(comment.body) and 0 < len(comment.body) <= 5000
                if data["parent"]:
                    assert (comment.parent, comment.paragraph) == (parent, parent.paragraph)
                else:
                    chosen = paragraphs.get(data["paragraph"])
                    assert comment.paragraph == (chosen.id if chosen else "")
                assert_thanked(signed_in, response, thank_you)
            else:
                outcomes["refused"] += 1
                assert Comment.objects.count() == before
                if response.status_code == 400:
                    assert errors_shown(response)
                else:  # a comment to reply to that is not on this page
                    assert field == "parent"
                    assert "404.html" in [template.name for template in response.templates]

    attempt()
    outcomes.assert_both_paths_reached("published", "refused")


@pytest.mark.parametrize("field", ["reason", "note"])
def test_report_form_refuses_bad_input_with_a_message_and_takes_good_input(
    signed_in, consultation, make_comment, field
):
    comment = make_comment(consultation)
    inputs = {
        "reason": st.one_of(st.sampled_from(CommentReport.Reason.values), st.text(max_size=20)),
        "note": TEXT,
    }
    examples = {
        "reason": [*CommentReport.Reason.values, "", "nonsense", "spam\x00"],
        "note": ["", "\u202ehors sujet", "x" * 500, "x" * 501, "\x00"],
    }
    with override("en"):
        thank_you = gettext("Thank you: moderators will look at this comment.")
    outcomes = Outcomes()

    @fuzz_value(inputs[field], examples[field])
    def attempt(value):
        data = {"reason": "spam", "note": "", field: value}
        with rolled_back():
            response = signed_in.post(f"/en/comments/{comment.pk}/report/", data)
            assert response.status_code in (200, 302)
            if response.status_code == 302:
                outcomes["reported"] += 1
                report = comment.reports.get()
                assert report.reason == data["reason"]
                assert not has_controls(report.note) and len(report.note) <= 500
                assert_thanked(signed_in, response, thank_you)
            else:
                outcomes["refused"] += 1
                assert not comment.reports.exists()
                assert set(errors_shown(response)) == {field}

    attempt()
    outcomes.assert_both_paths_reached("reported", "refused")
