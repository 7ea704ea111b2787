"""Who may do what with public comments (design brief §5), as `rules` predicates.

Objects: `post_comment` takes the commented page (a `commentable.Commentable`); the other
comment permissions take a Comment, whose page is `comment.target_page`: threads bind the page
they render (saving a query), and any language version gives the same answers.

Checked with `consultations.rules.can()` (rules' own permission set): `User.has_perm` lets an
active superuser do anything, which would open closed consultations to the site administrator."""

import rules
from django.utils import timezone

from accounts.roles import (
    has_confirmed_email,
    is_active_user,
    is_council_staff,
    is_editor,
    is_evaluator,
    is_moderator,
)

from . import commentable
from .models.comments import Comment


@rules.predicate
def is_participant(user) -> bool:
    """A citizen or CSO member: signed in, with no role that excludes commenting."""
    return bool(
        is_active_user(user)
        and not is_moderator(user)
        and not is_evaluator(user)
        and not is_council_staff(user)
    )


may_contribute = is_editor | is_participant
may_reply = may_contribute | is_council_staff


def _page(obj):
    """The commented page of a comment, or the page itself."""
    return obj.target_page if isinstance(obj, Comment) else obj


@rules.predicate
def target_is_open(user, obj) -> bool:
    return commentable.is_open(_page(obj), timezone.now())


@rules.predicate
def target_accepts_responses(user, obj) -> bool:
    return commentable.answers_allowed(_page(obj), timezone.now())


@rules.predicate
def is_published_contribution(user, comment) -> bool:
    return comment is not None and comment.is_visible and comment.parent_id is None


@rules.predicate
def is_published_comment(user, comment) -> bool:
    return comment is not None and comment.is_visible


@rules.predicate
def is_own_comment(user, comment) -> bool:
    return comment is not None and comment.author_id is not None and comment.author_id == user.pk


# Taking part (posting, replying, reporting) needs a confirmed email, however the user signed in.
may_take_part = is_active_user & has_confirmed_email

rules.add_perm("consultations.post_comment", may_take_part & may_contribute & target_is_open)
rules.add_perm(
    "consultations.reply_to_comment",
    may_take_part & may_reply & is_published_contribution & target_is_open,
)
rules.add_perm(
    "consultations.report_comment",
    may_take_part & is_published_comment & ~is_own_comment,
)
rules.add_perm("consultations.moderate_comment", is_moderator)
rules.add_perm(
    "consultations.draft_response",
    (is_editor | is_council_staff) & is_published_comment & target_accepts_responses,
)
rules.add_perm(
    "consultations.publish_response",
    is_editor & is_published_comment & target_accepts_responses,
)
rules.add_perm("consultations.answer_comment", is_editor | is_council_staff)
rules.add_perm("consultations.export_comment", is_editor)


def can(user, permission: str, obj=None) -> bool:
    return rules.has_perm(permission, user, obj)
