"""The moderation queue and the reasoned-response screens, used as a real moderator, editor and
council staff member would."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from consultations.models import Comment, CommentReport, CommentResponse

from .conftest import first_paragraph


@pytest.mark.parametrize(
    ("role", "moderation", "responses"),
    [
        ("moderator", 200, 302),
        ("editor", 302, 200),
        ("staff", 302, 200),
        ("evaluator", 302, 302),
    ],
)
def test_admin_screens_follow_roles(client, role_user, role, moderation, responses):
    client.force_login(role_user(role))
    assert client.get("/admin/moderation/").status_code == moderation
    assert client.get("/admin/responses/").status_code == responses
    menu = client.get("/admin/").content.decode()
    assert ("/admin/moderation/" in menu) is (moderation == 200)


def test_moderator_filters_the_queue_by_status_and_reason(
    client, consultation, make_comment, make_user, role_user
):
    spam = make_comment(consultation, body="SPAM-COMMENT", status="pending")
    CommentReport.objects.create(comment=spam, user=make_user(), reason="spam")
    rude = make_comment(consultation, body="RUDE-COMMENT")
    CommentReport.objects.create(comment=rude, user=make_user(), reason="offensive")
    make_comment(consultation, body="FINE-COMMENT")
    client.force_login(role_user("moderator"))
    html = client.get("/admin/moderation/?reason=spam").content.decode()
    assert "SPAM-COMMENT" in html and "RUDE-COMMENT" not in html
    html = client.get("/admin/moderation/?status=published&reported=true").content.decode()
    assert "RUDE-COMMENT" in html and "SPAM-COMMENT" not in html and "FINE-COMMENT" not in html


def test_moderator_hides_a_comment_in_context_with_a_reason(
    client, consultation, make_comment, make_user, role_user, django_capture_on_commit_callbacks
):
    author = make_user(email="author@example.org", preferred_language="ar")
    comment = make_comment(
        consultation, author=author, paragraph=first_paragraph(consultation).id, body="BAD"
    )
    moderator = role_user("moderator")
    client.force_login(moderator)
    url = f"/admin/moderation/review/{comment.pk}/"
    html = client.get(url).content.decode()
    assert "الفقرة الأولى" in html  # the paragraph commented on
    assert f"/comments/{comment.pk}/" in html  # link to the comment on the public page
    response = client.post(url, {"decision": "hide", "reason": ""})
    assert response.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "hide", "reason": "إساءة"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == "hidden" and comment.moderation_reason == "إساءة"
    assert mail.outbox[0].to == ["author@example.org"]
    entry = ModelLogEntry.objects.get(action="consultations.comment.hide")
    assert entry.user == moderator and entry.data["reason"] == "إساءة"
    assert "إساءة" in client.get(url).content.decode()  # in the history


def test_staff_drafts_and_editor_publishes_a_response(
    client, make_consultation, make_comment, role_user
):
    page = make_consultation("after")
    comment = make_comment(page)
    url = f"/admin/responses/answer/{comment.pk}/"
    client.force_login(role_user("staff"))
    html = client.get(url).content.decode()
    assert 'name="publish"' not in html
    data = {"outcome": "already_planned", "justification": "مبرمج", "draft": "1"}
    assert client.post(url, data).status_code == 302
    assert CommentResponse.objects.get().status == "draft"
    assert client.post(url, {**data, "publish": "1"}).status_code == 200  # refused
    assert CommentResponse.objects.get().status == "draft"
    client.force_login(role_user("editor"))
    html = client.get("/admin/responses/?answer=draft").content.decode()
    assert comment.body in html
    assert client.post(url, {**data, "publish": "1"}).status_code == 302
    assert CommentResponse.objects.get().status == "published"


def test_open_consultation_cannot_be_answered_yet(client, consultation, make_comment, role_user):
    comment = make_comment(consultation)
    client.force_login(role_user("editor"))
    url = f"/admin/responses/answer/{comment.pk}/"
    response = client.post(url, {"outcome": "incorporated", "justification": "x", "publish": "1"})
    assert response.status_code == 200
    assert not CommentResponse.objects.exists()
    assert Comment.objects.get().status == "published"


def test_the_site_history_report_links_each_comment_to_its_review(
    client, consultation, make_comment, make_user
):
    """Wagtail's audit-log reports link every logged object to its admin page; a comment's is
    its review page (the comment viewsets have no edit view)."""
    comment = make_comment(consultation, paragraph=first_paragraph(consultation).id, body="LOGGED")
    from wagtail.log_actions import log

    log(comment, "consultations.comment.report")
    client.force_login(make_user(is_superuser=True, is_staff=True))
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert f"/admin/moderation/review/{comment.pk}/" in response.content.decode()
