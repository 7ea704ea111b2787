"""Public comments, reports and the council's reasoned responses.

A comment belongs to the *thing* commented on, not to one language version of it: `target_key`
is the translation key shared by every language version of the page (a consultation or a
commitment), and `paragraph` the stable id of a draft paragraph (empty for the whole text).

Deleted accounts: the account is kept, deactivated and anonymised (see accounts.services), so
its comments stay and show "Deleted account" (User.public_name). `author` is also
`SET_NULL` so that an administrator deleting a user row outright keeps the comments too."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin

BODY_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 500
JUSTIFICATION_MAX_LENGTH = 5000


def _official_memberships():
    """The comment author's memberships of the council's groups (for Exists)."""
    from django.contrib.auth import get_user_model

    from accounts.roles import COUNCIL_STAFF, EDITORS

    memberships = get_user_model().groups.through
    return memberships.objects.filter(
        user_id=OuterRef("author_id"), group__name__in=[EDITORS, COUNCIL_STAFF]
    )


class ParagraphCounts(NamedTuple):
    published: int
    contributions: int
    listed: int


class CommentQuerySet(models.QuerySet):
    def for_target(self, translation_key) -> "CommentQuerySet":
        return self.filter(target_key=translation_key)

    def published(self) -> "CommentQuerySet":
        return self.filter(status=Comment.Status.PUBLISHED)

    def top_level(self) -> "CommentQuerySet":
        return self.filter(parent__isnull=True)

    def on_paragraph(self, paragraph_id: str) -> "CommentQuerySet":
        return self.filter(paragraph=paragraph_id)

    def on_whole_text(self) -> "CommentQuerySet":
        return self.filter(paragraph="")

    def unanswered(self) -> "CommentQuerySet":
        """Published contributions without a published response."""
        answered = CommentResponse.objects.filter(
            comment=OuterRef("pk"), status=CommentResponse.Status.PUBLISHED
        )
        return self.published().top_level().filter(~Exists(answered))

    def with_official_authors(self) -> "CommentQuerySet":
        """Mark comments written by the council's team (editors, council staff): the public
        page shows them with an official badge; they are not contributions to answer."""
        return self.annotate(author_is_official=Exists(_official_memberships()))

    def not_official(self) -> "CommentQuerySet":
        return self.filter(~Exists(_official_memberships()))

    def for_display(self, *, language: str | None = None) -> "CommentQuerySet":
        """Everything a thread shows, in a fixed number of queries whatever the count; with
        ``language``, each comment's and reply's ``organisation_local_name`` in it. Of the
        authors, only what the public sees is read (threads are kept in the shared cache)."""
        from accounts.models import private_author_fields

        replies = (
            Comment.objects.exclude(status=Comment.Status.REMOVED)
            .select_related("author", "organisation", "response")
            .defer(*private_author_fields())
            .with_official_authors()
            .order_by("created_at", "pk")
        )
        comments = self
        if language is not None:
            replies = replies.with_organisation_names(language)
            comments = comments.with_organisation_names(language)
        return (
            comments.select_related("author", "organisation", "response")
            .defer(*private_author_fields())
            .with_official_authors()
            .prefetch_related(models.Prefetch("replies", queryset=replies))
        )

    def with_organisation_names(self, language: str) -> "CommentQuerySet":
        """Each comment's organisation's name in ``language`` as ``organisation_local_name``
        (None where untranslated), read in the comments' own query."""
        from accounts.models import Organisation
        from home.translations import field_in_locale

        return self.annotate(
            organisation_local_name=field_in_locale(
                Organisation, "organisation__translation_key", language
            )
        )

    def counts_by_paragraph(self) -> dict[str, "ParagraphCounts"]:
        """Per paragraph id: published comments (replies included), published contributions
        (top-level comments) and the top-level comments a thread lists (hidden ones included,
        as placeholders). One query, read in the order of an index alone."""
        rows = (
            self.values("status", "paragraph")
            .annotate(all=Count("pk"), top=Count("pk", filter=Q(parent__isnull=True)))
            .order_by()
        )
        counts: dict[str, list[int]] = {}
        for row in rows:
            published, contributions, listed = counts.setdefault(row["paragraph"], [0, 0, 0])
            if row["status"] == Comment.Status.PUBLISHED:
                published, contributions = row["all"], row["top"]
            if row["status"] in VISIBLE_STATES:
                listed += row["top"]
            counts[row["paragraph"]] = [published, contributions, listed]
        return {paragraph: ParagraphCounts(*values) for paragraph, values in counts.items()}

    def with_report_counts(self) -> "CommentQuerySet":
        return self.annotate(report_count=Count("reports", distinct=True))


class Comment(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        PENDING = "pending", _("Hidden pending review")
        HIDDEN = "hidden", _("Hidden by a moderator")
        REMOVED = "removed", _("Removed")

    target_key = models.UUIDField(_("commented page (translation group)"), db_index=True)
    paragraph = models.CharField(_("paragraph"), max_length=64, blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=10)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    body = models.TextField(_("comment"), max_length=BODY_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PUBLISHED
    )
    created_at = models.DateTimeField(_("posted"), auto_now_add=True, db_index=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderation_reason = models.CharField(
        _("moderation reason"), max_length=REASON_MAX_LENGTH, blank=True
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            # The counts per state and paragraph, read from the index alone.
            models.Index(fields=["target_key", "status", "paragraph", "parent"]),
            # Top-level comments newest first: a paragraph's latest published ones and a
            # thread's pages, read in index order and stopped early. Partial, because
            # PostgreSQL reads no order past an "IS NULL" column of an index.
            models.Index(
                fields=["target_key", "status", "paragraph", "-created_at", "-id"],
                condition=Q(parent__isnull=True),
                name="comment_latest_top_level",
            ),
            models.Index(
                fields=["target_key", "paragraph", "-created_at", "-id"],
                condition=Q(parent__isnull=True),
                name="comment_thread_top_level",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["published", "pending", "hidden", "removed"]),
                name="comment_status_known",
            )
        ]

    # The replies a thread read with the comment (consultations.threads.paginated_thread);
    # none for a comment read on its own.
    shown_replies: tuple | list = ()

    def __str__(self) -> str:
        text = " ".join(self.body.split())
        return text[:60] + ("…" if len(text) > 60 else "")

    @property
    def is_visible(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def author_name(self) -> str:
        if self.author is None:
            return str(_("Deleted account"))
        return self.author.public_name

    @cached_property
    def target_page(self):
        """The commented page in the comment's language (else in the site's default language,
        else any version). Threads bind the page they render, which saves the queries; the
        permission rules are the same whichever version is bound (see commentable.py)."""
        from wagtail.models import Page

        from home.translations import in_locale

        page = in_locale(Page, [self.target_key], self.language).get(self.target_key)
        return page.specific if page else None

    @property
    def published_response(self):
        try:
            response = self.response
        except CommentResponse.DoesNotExist:
            return None
        return response if response.is_published else None

    @property
    def response_label(self) -> str:
        try:
            response = self.response
        except CommentResponse.DoesNotExist:
            return "—"
        return f"{response.get_status_display()} · {response.get_outcome_display()}"


# What a thread lists: every comment but removed ones (hidden ones show as placeholders).
VISIBLE_STATES = [Comment.Status.PUBLISHED, Comment.Status.PENDING, Comment.Status.HIDDEN]


class CommentReport(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        OFFENSIVE = "offensive", _("Offensive or abusive")
        OFF_TOPIC = "off_topic", _("Off-topic")
        PERSONAL_DATA = "personal_data", _("Reveals personal data")
        OTHER = "other", _("Other")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=REASON_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_report_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} – {self.comment_id}"


class CommentResponse(RevisionMixin, models.Model):
    """The council's reasoned response to one comment. Council staff may draft it; an editor
    publishes it, and only then does the public (and the commenter) see it. Every published
    version is kept as a Wagtail revision; `revised_at` tells the public it was changed."""

    class Outcome(models.TextChoices):
        INCORPORATED = "incorporated", _("Incorporated")
        PARTLY_INCORPORATED = "partly_incorporated", _("Partly incorporated")
        NOT_INCORPORATED = "not_incorporated", _("Not incorporated")
        OUT_OF_SCOPE = "out_of_scope", _("Out of scope")
        ALREADY_PLANNED = "already_planned", _("Already planned")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="response")
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices)
    justification = models.TextField(_("justification"), max_length=JUSTIFICATION_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    revised_at = models.DateTimeField(_("revised"), null=True, blank=True)

    class Meta:
        verbose_name = _("reasoned response")
        verbose_name_plural = _("reasoned responses")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} – {self.comment_id}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED
