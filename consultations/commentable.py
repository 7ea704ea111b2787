"""The commentable contract: what a page that takes public comments provides.

A page is commentable by inheriting ``Commentable`` and implementing its two methods:

- ``commenting_state(now)``: a ``CommentingState`` (upcoming, open or closed) at that time;
- ``answers_allowed(now)``: whether the council may publish reasoned responses then.

Pages with a draft to comment paragraph by paragraph also override ``comment_paragraphs()``.
Consultations (this app) have a time window; commitments (actionplans) declare a switch. This
app never imports the apps whose pages it serves: it only knows the contract.

"Is commenting open?" has one definition, ``is_open(page, now)``; rules, views, services and
templates all ask it (templates compare ``state`` with ``CommentingState`` members, never with
literal strings). Every language version of a page carries the same window or switch
(wagtail-localize synchronises non-text fields), so the answer does not depend on which
version a caller holds."""

from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommentingState(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open for comments")
    CLOSED = "closed", _("Closed")
    #: A closed consultation whose every published contribution has a published response.
    ANSWERED = "answered", _("Closed and answered")


class Commentable:
    """Mixin of page models that take public comments (see the module docstring)."""

    def commenting_state(self, now: datetime) -> CommentingState:
        raise NotImplementedError

    def answers_allowed(self, now: datetime) -> bool:
        raise NotImplementedError

    def comment_paragraphs(self) -> dict:
        """Paragraphs open to comments, by short id (their URL form); none by default.
        A page that returns some also gives each its address with ``paragraph_url``."""
        return {}

    def paragraph_url(self, paragraph, request=None) -> str:
        raise NotImplementedError


def is_commentable(page) -> bool:
    return isinstance(page, Commentable)


def commenting_state(page, now: datetime) -> CommentingState:
    """The page's state, CLOSED for anything that is not commentable (or None)."""
    if not is_commentable(page):
        return CommentingState.CLOSED
    return page.commenting_state(now)


def is_open(page, now: datetime) -> bool:
    return commenting_state(page, now) == CommentingState.OPEN


def answers_allowed(page, now: datetime) -> bool:
    return is_commentable(page) and page.answers_allowed(now)


def paragraph(page, short_id: str):
    """The commentable paragraph ``short_id`` of the page, or None."""
    return page.comment_paragraphs().get(short_id) if is_commentable(page) and short_id else None


def paragraph_by_id(page, paragraph_id: str):
    """The commentable paragraph whose stable id is ``paragraph_id``, or None."""
    if not is_commentable(page) or not paragraph_id:
        return None
    return next((p for p in page.comment_paragraphs().values() if p.id == paragraph_id), None)
