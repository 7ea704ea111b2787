"""The public journeys without JavaScript: read, comment, reply, report, export."""

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext, override

from consultations.models import Comment

from ..fuzzing import errors_shown
from .conftest import first_paragraph, french_version


def paragraph_url(page, paragraph=None):
    paragraph = paragraph or first_paragraph(page)
    return page.paragraph_url(paragraph)


def test_anonymous_visitor_reads_and_is_invited_to_sign_in(client, consultation):
    html = client.get(consultation.url).content.decode()
    assert "/account/login/?next=" in html
    assert 'name="body"' not in html
    response = client.get(f"/ar/comments/new/{consultation.pk}/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_comment_posted_on_arabic_paragraph_shows_on_the_french_one(
    client, consultation, make_user
):
    client.force_login(make_user(display_name="سعاد"))
    paragraph = first_paragraph(consultation)
    response = client.post(
        f"/ar/comments/new/{consultation.pk}/",
        {
            "body": "أقترح تمديد الأجل <script>alert(1)</script> https://example.org/x?a=1&b=2",
            "paragraph": paragraph.short_id,
        },
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert response["Location"].endswith(f"/p/{paragraph.short_id}/#comment-{comment.pk}")
    french = french_version(consultation)
    html = client.get(paragraph_url(french)).content.decode()
    assert "أقترح تمديد الأجل" in html
    assert 'dir="auto" lang="ar"' in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert '<a href="https://example.org/x?a=1&amp;b=2" rel="nofollow">' in html
    assert "العربية" in html  # labelled with its language
    overview = client.get(french.url).content.decode()
    assert (
        "1 comment" in overview or "commentaire" in overview or 'class="comment-count"' in overview
    )


def test_comment_on_the_whole_text_and_reply(client, consultation, make_user, make_comment):
    client.force_login(make_user())
    response = client.post(f"/fr/comments/new/{consultation.pk}/", {"body": "Sur l'ensemble"})
    assert response.status_code == 302
    parent = Comment.objects.get()
    assert parent.paragraph == ""
    page = client.get(f"/fr/comments/new/{consultation.pk}/?parent={parent.pk}")
    assert "Sur l&#x27;ensemble" in page.content.decode()
    response = client.post(
        f"/fr/comments/new/{consultation.pk}/", {"body": "Réponse", "parent": str(parent.pk)}
    )
    assert response.status_code == 302
    assert Comment.objects.get(parent=parent).body == "Réponse"
    html = client.get(consultation.url).content.decode()
    assert "Réponse" in html and 'class="comment comment--reply"' in html


NOT_IN_DRAFT = "This paragraph is not part of the draft."


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"body": "x", "paragraph": "../../etc"}, NON_FIELD_ERRORS, NOT_IN_DRAFT),
        ({"body": "x", "paragraph": "p-<script>"}, NON_FIELD_ERRORS, NOT_IN_DRAFT),
        ({"body": "x", "paragraph": "p" * 65}, NON_FIELD_ERRORS, NOT_IN_DRAFT),
        ({"body": "", "paragraph": ""}, "body", "This field is required."),
        ({"body": "x" * 100_000}, "body", "Ensure this value has at most 5000 characters"),
    ],
)
def test_bad_input_gets_a_clear_answer_not_a_server_error(
    client, consultation, make_user, data, field, message
):
    client.force_login(make_user())
    response = client.post(f"/en/comments/new/{consultation.pk}/", data)
    assert response.status_code == 400
    with override("en"):
        expected = gettext(message)
    shown = errors_shown(response)
    assert list(shown) == [field] and shown[field][0].startswith(expected)
    assert not Comment.objects.exists()


@pytest.mark.parametrize("parent", ["abc", "99999999", "²"])
def test_replying_to_a_comment_that_is_not_there_is_not_found(
    client, consultation, make_user, parent
):
    client.force_login(make_user())
    response = client.post(f"/en/comments/new/{consultation.pk}/", {"body": "x", "parent": parent})
    assert response.status_code == 404
    with override("en"):
        assert gettext("Page not found") in response.content.decode()
    assert not Comment.objects.exists()


def test_unknown_paragraph_page_is_not_found(client, consultation):
    assert client.get(consultation.url + "p/zzzzzzzz/").status_code == 404


def test_comments_are_refused_when_the_consultation_is_closed(client, make_consultation, make_user):
    page = make_consultation("after")
    client.force_login(make_user())
    response = client.post(f"/en/comments/new/{page.pk}/", {"body": "trop tard"})
    assert response.status_code == 403
    assert "not open" in response.content.decode()
    assert not Comment.objects.exists()


def test_report_flow(client, consultation, make_comment, make_user):
    comment = make_comment(consultation, paragraph=first_paragraph(consultation).id)
    client.force_login(make_user())
    url = f"/en/comments/{comment.pk}/report/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "nonsense"})
    assert response.status_code == 200 and not comment.reports.exists()
    response = client.post(url, {"reason": "off_topic", "note": "\u202ehors sujet"})
    assert response.status_code == 302
    assert comment.reports.get().note == "hors sujet"


def test_permalink_leads_to_the_comment_in_context(client, consultation, make_comment):
    comment = make_comment(consultation, paragraph=first_paragraph(consultation).id)
    response = client.get(f"/fr/comments/{comment.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith(french_version(consultation).url)
    assert response["Location"].endswith(f"#comment-{comment.pk}")


def test_hidden_comments_are_kept_but_their_text_is_not_shown(client, consultation, make_comment):
    make_comment(consultation, body="SECRET-TEXT", status="hidden")
    with override("en"):
        html = client.get("/en" + consultation.url[3:]).content.decode()
    assert "SECRET-TEXT" not in html


def test_editor_exports_all_comments_and_answers_as_csv_with_bom(
    client, make_consultation, make_comment, role_user
):
    page = make_consultation("after")
    comment = make_comment(page, paragraph=first_paragraph(page).id, body="=SUM(A1)")
    from consultations import services

    services.save_response(
        user=role_user("editor"),
        comment=comment,
        outcome="incorporated",
        justification="نعم",
        publish=True,
    )
    url = page.url + "export/"
    client.force_login(role_user("citizen"))
    assert client.get(url).status_code == 403
    client.force_login(role_user("editor"))
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content[1:])))
    assert rows[0][0] == "comment_id"
    assert rows[1][2] == "1.1"
    assert rows[1][9] == "'=SUM(A1)"
    assert rows[1][10:13] == ["incorporated", "published", "نعم"]


def test_closed_consultation_shows_synthesis_and_answers(
    client, make_consultation, make_comment, role_user
):
    from consultations import services

    page = make_consultation("after")
    comment = make_comment(page, paragraph=first_paragraph(page).id)
    services.save_response(
        user=role_user("editor"),
        comment=comment,
        outcome="out_of_scope",
        justification="خارج الاختصاص",
        publish=True,
    )
    html = client.get(french_version(page).url).content.decode()
    assert 'id="synthesis"' in html
    assert 'class="state state--answered"' in html
    html = client.get(paragraph_url(page)).content.decode()
    assert "خارج الاختصاص" in html and "outcome--out_of_scope" in html


def make_commitment(home):
    from actionplans.models import ActionPlanIndexPage, ActionPlanPage, CommitmentPage
    from home.pagetree import add_child

    index = add_child(home, ActionPlanIndexPage(title="Plans", slug="plans"))
    plan = add_child(
        index,
        ActionPlanPage(
            title="Plan",
            slug="plan",
            framework="ogp_local",
            code="P1",
            period_start=date(2024, 1, 1),
            period_end=date(2027, 12, 31),
        ),
    )
    return add_child(
        plan,
        CommitmentPage(title="Engagement", slug="c1", code="C1", problem="p", objective="o"),
    )


def test_commitment_pages_carry_the_same_comment_thread(client, home_pages, make_user):
    commitment = make_commitment(home_pages["ar"])
    client.force_login(make_user())
    html = client.get(commitment.url).content.decode()
    assert 'id="comments"' in html and 'name="body"' in html
    response = client.post(f"/ar/comments/new/{commitment.pk}/", {"body": "متى؟"})
    assert response.status_code == 302
    assert "متى؟" in client.get(commitment.url).content.decode()
    commitment.comments_open = False
    commitment.save_revision().publish()
    response = client.post(f"/ar/comments/new/{commitment.pk}/", {"body": "مرة أخرى"})
    assert response.status_code == 403
    assert Comment.objects.count() == 1
