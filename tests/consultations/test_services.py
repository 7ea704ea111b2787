import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from wagtail.models import ModelLogEntry

from consultations import services
from consultations.models import Comment, CommentReport

from .conftest import first_paragraph


def actions(comment) -> list[str]:
    entries = ModelLogEntry.objects.filter(object_id=str(comment.pk)).order_by("timestamp", "pk")
    return [entry.action for entry in entries]


def test_posting_cleans_the_text_and_logs(consultation, make_user):
    user = make_user()
    comment = services.post_comment(
        user=user,
        page=consultation,
        body="  \u202eمرحبا\u0000\r\n\r\n\r\n\r\nسطر\u2066  ",
        paragraph=first_paragraph(consultation).id,
    )
    assert comment.body == "مرحبا\n\nسطر"
    assert comment.language == "ar"
    assert actions(comment) == ["consultations.comment.post"]


def test_a_paragraph_that_is_not_in_the_draft_is_refused(consultation, make_user):
    with pytest.raises(ValidationError):
        services.post_comment(user=make_user(), page=consultation, body="x", paragraph="nope")


def test_too_long_or_empty_bodies_are_refused(consultation, make_user):
    user = make_user()
    with pytest.raises(ValidationError):
        services.post_comment(user=user, page=consultation, body="\u202a \u0000 ")
    with pytest.raises(ValidationError):
        services.post_comment(user=user, page=consultation, body="x" * 5001)
    assert not Comment.objects.exists()


def test_a_reply_takes_the_paragraph_of_its_parent(consultation, make_user, make_comment):
    parent = make_comment(consultation, paragraph=first_paragraph(consultation).id)
    reply = services.post_comment(user=make_user(), page=consultation, body="ردّ", parent=parent)
    assert reply.paragraph == parent.paragraph


def test_cso_member_may_post_as_their_organisation_only(consultation, role_user, make_user):
    from django.core.exceptions import PermissionDenied

    member = role_user("cso_member")
    organisation = member.memberships.get().organisation
    comment = services.post_comment(
        user=member, page=consultation, body="باسم الجمعية", organisation=organisation
    )
    assert comment.organisation == organisation
    with pytest.raises(PermissionDenied):
        services.post_comment(
            user=make_user(), page=consultation, body="x", organisation=organisation
        )


@override_settings(MOSHARAKA_RATE_LIMITS={"comment": (2, 600), "report": (1, 600)})
def test_posting_is_rate_limited(consultation, make_user, make_comment):
    user = make_user()
    for n in range(2):
        services.post_comment(user=user, page=consultation, body=f"x{n}")
    with pytest.raises(services.RateLimited):
        services.post_comment(user=user, page=consultation, body="x2")
    services.report_comment(user=user, comment=make_comment(consultation), reason="spam")
    with pytest.raises(services.RateLimited):
        services.report_comment(user=user, comment=make_comment(consultation), reason="spam")


@override_settings(MOSHARAKA_REPORTS_TO_HIDE=2)
def test_enough_reports_hide_a_comment_pending_review(consultation, make_comment, make_user):
    comment = make_comment(consultation)
    services.report_comment(user=make_user(), comment=comment, reason="spam")
    comment.refresh_from_db()
    assert comment.status == "published"
    services.report_comment(user=make_user(), comment=comment, reason="offensive", note="!")
    comment.refresh_from_db()
    assert comment.status == "pending"
    assert actions(comment)[-1] == "consultations.comment.auto_hide"
    assert Comment.objects.filter(pk=comment.pk).exists()  # kept, not deleted


def test_one_report_per_user(consultation, make_comment, make_user):
    user, comment = make_user(), make_comment(consultation)
    services.report_comment(user=user, comment=comment, reason="spam")
    with pytest.raises(ValidationError):
        services.report_comment(user=user, comment=comment, reason="other")
    assert CommentReport.objects.count() == 1


def test_unknown_report_reason_is_refused(consultation, make_comment, make_user):
    with pytest.raises(ValidationError):
        services.report_comment(user=make_user(), comment=make_comment(consultation), reason="x")


def test_moderation_needs_a_reason_tells_the_author_in_their_language_and_logs(
    consultation, make_comment, make_user, role_user, django_capture_on_commit_callbacks
):
    moderator = role_user("moderator")
    author = make_user(preferred_language="fr", email="auteur@example.org")
    comment = make_comment(consultation, author=author)
    with pytest.raises(ValidationError):
        services.moderate_comment(user=moderator, comment=comment, decision="hide", reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        hidden = services.moderate_comment(
            user=moderator, comment=comment, decision="hide", reason="Propos injurieux"
        )
    assert (hidden.status, hidden.moderated_by, hidden.moderation_reason) == (
        "hidden",
        moderator,
        "Propos injurieux",
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["auteur@example.org"]
    assert "Propos injurieux" in mail.outbox[0].body
    assert f"/fr/comments/{comment.pk}/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate_comment(user=moderator, comment=comment, decision="restore", reason="OK")
    assert actions(comment)[-2:] == ["consultations.comment.hide", "consultations.comment.restore"]
    assert len(mail.outbox) == 2


def test_staff_draft_editor_publishes_and_commenter_is_emailed_once(
    make_consultation, make_comment, make_user, role_user, django_capture_on_commit_callbacks
):
    page = make_consultation("after", french=False)
    author = make_user(preferred_language="ar", email="muwatin@example.org")
    comment = make_comment(page, author=author)
    with django_capture_on_commit_callbacks(execute=True):
        draft = services.save_response(
            user=role_user("staff"), comment=comment, outcome="incorporated", justification="لأن"
        )
    assert not draft.is_published and not mail.outbox
    with pytest.raises(ValidationError):
        services.save_response(
            user=role_user("editor"), comment=comment, outcome="incorporated", justification=""
        )
    with django_capture_on_commit_callbacks(execute=True):
        published = services.save_response(
            user=role_user("editor"),
            comment=comment,
            outcome="partly_incorporated",
            justification="أخذنا بجزء من الاقتراح",
            publish=True,
        )
        services.save_response(
            user=role_user("editor"),
            comment=comment,
            outcome="partly_incorporated",
            justification="أخذنا بجزء من الاقتراح، مع تصحيح",
            publish=True,
        )
    assert published.is_published and published.published_by == role_user("editor")
    assert len(mail.outbox) == 1
    assert "/ar/comments/" in mail.outbox[0].body
    assert actions(comment)[-3:] == [
        "consultations.response.draft",
        "consultations.response.publish",
        "consultations.response.publish",
    ]


def test_staff_cannot_turn_a_published_response_back_into_a_draft(
    make_consultation, make_comment, role_user
):
    from django.core.exceptions import PermissionDenied

    page = make_consultation("after", french=False)
    comment = make_comment(page)
    services.save_response(
        user=role_user("editor"),
        comment=comment,
        outcome="incorporated",
        justification="x",
        publish=True,
    )
    with pytest.raises(PermissionDenied):
        services.save_response(
            user=role_user("staff"), comment=comment, outcome="out_of_scope", justification="y"
        )


def test_deleted_author_keeps_comments_shown_as_deleted_account(consultation, make_comment):
    from django.utils.translation import override

    from accounts.services import delete_account

    comment = make_comment(consultation)
    delete_account(user=comment.author)
    comment.refresh_from_db()
    with override("en"):
        assert comment.author_name == "Deleted account"
    comment.author.delete()
    comment.refresh_from_db()
    with override("en"):
        assert comment.author is None and comment.author_name == "Deleted account"
