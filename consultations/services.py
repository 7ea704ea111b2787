"""Every write of the consultation workflow: posting, reporting, moderating, answering.

Each function takes the acting user, checks the permission itself (views check it too, to show
or hide controls), runs in a transaction and leaves an audit-log entry."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.roles import member_organisation_keys
from accounts.text import clean_line, clean_multiline

from . import commentable, notifications, ratelimit
from .models import BODY_MAX_LENGTH, Comment, CommentReport, CommentResponse
from .models.comments import JUSTIFICATION_MAX_LENGTH, REASON_MAX_LENGTH
from .rules import can


class RateLimited(ValidationError):
    pass


def reports_to_hide() -> int:
    return int(getattr(settings, "MOSHARAKA_REPORTS_TO_HIDE", 3))


def _clean_body(body: str, max_length: int) -> str:
    body = clean_multiline(body)
    if not body:
        raise ValidationError(_("Please write something before sending."))
    if len(body) > max_length:
        raise ValidationError(
            _("Please keep it under %(limit)s characters (it has %(count)s).")
            % {"limit": max_length, "count": len(body)}
        )
    return body


def post_comment(
    *,
    user,
    page,
    body: str,
    paragraph: str = "",
    parent: Comment | None = None,
    organisation=None,
    language: str | None = None,
) -> Comment:
    """A new comment on a page (consultation or commitment), a paragraph of its draft, or a
    reply to a top-level comment of the same page."""
    if not commentable.is_commentable(page):
        raise PermissionDenied
    if parent is not None:
        if parent.target_key != page.translation_key:
            raise ValidationError(_("That comment belongs to another page."))
        parent.target_page = page
        if not can(user, "consultations.reply_to_comment", parent):
            raise PermissionDenied
        paragraph = parent.paragraph
    else:
        if not can(user, "consultations.post_comment", page):
            raise PermissionDenied
        if paragraph and commentable.paragraph_by_id(page, paragraph) is None:
            raise ValidationError(_("This paragraph is not part of the draft."))
    if organisation is not None and organisation.translation_key not in member_organisation_keys(
        user
    ):
        raise PermissionDenied
    body = _clean_body(body, BODY_MAX_LENGTH)
    if not ratelimit.hit("comment", user.pk):
        raise RateLimited(
            _("You have posted many comments in a short time. Please wait a few minutes.")
        )
    with transaction.atomic():
        comment = Comment.objects.create(
            target_key=page.translation_key,
            paragraph=paragraph,
            language=language or page.locale.language_code,
            author=user,
            organisation=organisation,
            parent=parent,
            body=body,
        )
        comment.target_page = page
        log(
            instance=comment,
            action="consultations.comment.post",
            user=user,
            data={"page": page.pk, "paragraph": paragraph, "reply_to": parent and parent.pk},
        )
    return comment


def report_comment(*, user, comment: Comment, reason: str, note: str = "") -> CommentReport:
    """Report a comment; enough reports hide it until a moderator reviews it."""
    if not can(user, "consultations.report_comment", comment):
        raise PermissionDenied
    if reason not in CommentReport.Reason.values:
        raise ValidationError(_("Please choose a reason."))
    note = clean_line(note)[:REASON_MAX_LENGTH]
    if not ratelimit.hit("report", user.pk):
        raise RateLimited(_("You have sent many reports in a short time. Please wait a while."))
    try:
        with transaction.atomic():
            report = CommentReport.objects.create(
                comment=comment, user=user, reason=reason, note=note
            )
            log(
                instance=comment,
                action="consultations.comment.report",
                user=user,
                data={"reason": reason},
            )
            comment = Comment.objects.select_for_update().get(pk=comment.pk)
            count = comment.reports.count()
            if comment.status == Comment.Status.PUBLISHED and count >= reports_to_hide():
                comment.status = Comment.Status.PENDING
                comment.moderated_at = timezone.now()
                comment.save(update_fields=["status", "moderated_at"])
                log(
                    instance=comment,
                    action="consultations.comment.auto_hide",
                    user=None,
                    data={"reports": count},
                )
    except IntegrityError:
        raise ValidationError(_("You have already reported this comment.")) from None
    return report


HIDE = "hide"
RESTORE = "restore"


def moderate_comment(*, user, comment: Comment, decision: str, reason: str) -> Comment:
    """Hide or restore a comment. Hidden comments are kept; the author is told why."""
    if not can(user, "consultations.moderate_comment", comment):
        raise PermissionDenied
    reason = clean_line(reason)[:REASON_MAX_LENGTH]
    if not reason:
        raise ValidationError(_("Please give the reason for your decision: the author sees it."))
    new_status = {HIDE: Comment.Status.HIDDEN, RESTORE: Comment.Status.PUBLISHED}.get(decision)
    if new_status is None:
        raise ValidationError(_("Unknown decision."))
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        previous = comment.status
        if previous == new_status:
            # A repeated decision (a double click, a retried request) changes nothing and is
            # logged once.
            return comment
        comment.status = new_status
        comment.moderated_by = user
        comment.moderated_at = timezone.now()
        comment.moderation_reason = reason
        comment.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_reason"])
        log(
            instance=comment,
            action=f"consultations.comment.{decision}",
            user=user,
            data={"reason": reason, "previous_status": previous},
        )
        notifications.comment_moderated(comment, hidden=decision == HIDE, reason=reason)
    return comment


def save_response(
    *,
    user,
    comment: Comment,
    outcome: str,
    justification: str,
    publish: bool = False,
    language: str | None = None,
) -> CommentResponse:
    """Draft (council staff, editors) or publish (editors) the reasoned response to a comment.
    Publishing emails the commenter."""
    permission = "consultations.publish_response" if publish else "consultations.draft_response"
    if not can(user, permission, comment):
        raise PermissionDenied
    if outcome not in CommentResponse.Outcome.values:
        raise ValidationError(_("Please choose an outcome."))
    justification = _clean_body(justification, JUSTIFICATION_MAX_LENGTH)
    with transaction.atomic():
        response = CommentResponse.objects.select_for_update().filter(comment=comment).first()
        was_published = bool(response and response.is_published)
        if response is None:
            response = CommentResponse(comment=comment, drafted_by=user)
        elif was_published and not publish:
            # A published answer is changed only by someone who may publish it.
            if not can(user, "consultations.publish_response", comment):
                raise PermissionDenied
            publish = True
        response.outcome = outcome
        response.justification = justification
        response.language = language or get_language() or settings.LANGUAGE_CODE
        if publish:
            response.status = CommentResponse.Status.PUBLISHED
            response.published_by = user
            response.published_at = response.published_at or timezone.now()
        response.save()
        comment.response = response
        log(
            instance=comment,
            action="consultations.response.publish" if publish else "consultations.response.draft",
            user=user,
            data={"outcome": outcome},
        )
        if publish and not was_published:
            notifications.comment_answered(comment, response)
    return response
