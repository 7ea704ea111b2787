"""Preparing comment threads for display in a fixed number of queries: authors, organisations
(in the reader's language), replies and responses are fetched together, and what each reader
may do with each comment is worked out once. ``thread_context`` is the one builder of what a
thread shows (the paragraph route and the ``comment_thread`` template tag both use it)."""

import operator
from functools import reduce

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from accounts.models import Organisation
from home.translations import in_locale
from pagecache import shared

from . import commentable
from .forms import CommentForm
from .models.comments import VISIBLE_STATES, Comment
from .rules import can

COMMENTS_PER_PAGE = 20
PREVIEWS_PER_PARAGRAPH = 2
UNION_PARTS = 250


def _organisation_names(comments: list[Comment], language: str) -> dict:
    """The name of each comment's organisation in ``language`` (or as it was chosen)."""
    organisations = [c.organisation for c in comments if c.organisation_id]
    found = in_locale(
        Organisation.objects.only("translation_key", "locale", "name"), organisations, language
    )
    return {key: organisation.name for key, organisation in found.items()}


def _name_organisations(comments: list[Comment]) -> None:
    """Each comment's ``organisation_name`` in the reader's language: from the annotation
    where the comment was read with it, else in one query for the others."""
    unnamed = [
        c for c in comments if c.organisation_id and not hasattr(c, "organisation_local_name")
    ]
    names = _organisation_names(unnamed, get_language()) if unnamed else {}
    for comment in comments:
        if comment.organisation_id:
            comment.organisation_name = (
                getattr(comment, "organisation_local_name", None)
                or names.get(comment.organisation.translation_key)
                or comment.organisation.name
            )


def decorate(comments: list[Comment], page, user) -> list[Comment]:
    """Attach the page, the organisation's name in the reader's language and the reader's
    rights to each comment and reply."""
    everything = list(comments)
    for comment in comments:
        everything.extend(comment.shown_replies)
    _name_organisations(everything)
    can_moderate = can(user, "consultations.moderate_comment")
    for comment in everything:
        comment.target_page = page
        comment.can_reply = can(user, "consultations.reply_to_comment", comment)
        comment.can_report = can(user, "consultations.report_comment", comment)
        comment.show_body = comment.is_visible or can_moderate
    return comments


def paginated_thread(request, page, comments, *, selection: str, count: int):
    """One page of the top-level ``comments`` with their replies, newest first, with the
    reader's rights (``count``: the number of visible top-level comments; no COUNT query is
    run). The comments shown are the same for every reader: they are kept in the shared cache
    for the current generation, keyed by the page, ``selection`` (which of the page's comments
    ``comments`` are: "all", "whole text", a paragraph's id) and the page number, and each
    comes with its ``shown_replies`` as a list (plain model instances: no queryset, with its
    query, is kept). ``shared_key`` names the rendering: the selection, the page and the
    reader's rights on each comment."""
    thread = Paginator(range(count), COMMENTS_PER_PAGE).get_page(request.GET.get("comments"))

    def read() -> list[Comment]:
        queryset = (
            comments.top_level()
            .filter(status__in=VISIBLE_STATES)
            .for_display(language=get_language())
            .order_by("-created_at", "-pk")
        )
        shown = list(queryset[thread.start_index() - 1 : thread.end_index()]) if count else []
        for comment in shown:
            comment.shown_replies = list(comment.replies.all())
            comment._prefetched_objects_cache = {}
        return shown

    shown = decorate(
        shared.stored(request, "thread", (page.translation_key, selection, thread.number), read),
        page,
        request.user,
    )
    thread.object_list = shown
    # What the rendered comments depend on besides the comments: which of them this reader may
    # reply to, report and read hidden (the template keeps one rendering per such key).
    rights = "".join(
        f"{c.can_reply:d}{c.can_report:d}{c.show_body:d}"
        for comment in shown
        for c in (comment, *comment.shown_replies)
    )
    thread.shared_key = f"{selection} {thread.number} {rights}"
    return thread


def _latest_ids(page, paragraph_ids: list[str]) -> RawSQL:
    """The ids of each paragraph's latest published contributions, as one subquery: one small
    lookup per paragraph on the thread index (newest first, LIMIT), joined by UNION ALL, so
    its cost follows the paragraphs and not the comments. Django builds no compound query of
    sliced parts on SQLite, so the part Django compiles for one paragraph is repeated here
    with each paragraph's id as its parameter."""
    marker = "\0paragraph"
    part = (
        Comment.objects.for_target(page.translation_key)
        .published()
        .top_level()
        .on_paragraph(marker)
        .order_by("-created_at", "-pk")
        .values("pk")[:PREVIEWS_PER_PARAGRAPH]
    )
    sql, params = part.query.get_compiler(using=part.db).as_sql()
    if list(params).count(marker) != 1:
        raise RuntimeError("The previews' query no longer takes the paragraph as one parameter.")
    # Only Django's compiled SQL is repeated; every value, the paragraph ids included, is a
    # query parameter.
    union = " UNION ALL ".join(
        f"SELECT * FROM ({sql}) AS latest_{n}"  # noqa: S608
        for n in range(len(paragraph_ids))
    )
    values = [v for pid in paragraph_ids for v in (pid if p == marker else p for p in params)]
    return RawSQL(union, values)  # noqa: S611


def previews_by_paragraph(page, user) -> dict[str, list[Comment]]:
    """The latest few published comments of every paragraph (oldest of them first), in one
    query whatever the number of comments."""
    paragraph_ids = [p.id for s in page.sections for p in s.paragraphs]
    if not paragraph_ids:
        return {}
    # SQLite takes at most 500 parts in a UNION: there, long drafts are read in a few unions.
    size = UNION_PARTS if connection.vendor == "sqlite" else len(paragraph_ids)
    chunks = [paragraph_ids[n : n + size] for n in range(0, len(paragraph_ids), size)]
    latest = (
        Comment.objects.filter(
            reduce(operator.or_, (Q(pk__in=_latest_ids(page, chunk)) for chunk in chunks))
        )
        .select_related("author", "organisation", "response")
        .order_by("created_at", "pk")
    )
    result: dict[str, list[Comment]] = {}
    comments = list(latest.with_organisation_names(get_language()))
    for comment in comments:
        comment.target_page = page
        result.setdefault(comment.paragraph, []).append(comment)
    _name_organisations(comments)
    for comment in comments:
        comment.show_body = True
    return result


def page_of_comment(comment: Comment) -> int:
    """Which page of its thread (newest first) a top-level comment, or a reply's parent, is on."""
    top = comment.parent or comment
    newer = (
        Comment.objects.for_target(top.target_key)
        .top_level()
        .filter(paragraph=top.paragraph, status__in=VISIBLE_STATES)
        .filter(created_at__gt=top.created_at)
        .count()
    )
    return newer // COMMENTS_PER_PAGE + 1


def commenting_state(page) -> commentable.CommentingState:
    return commentable.commenting_state(page, timezone.now())


def organisations_for(user) -> list:
    """The CSOs the user may speak for, in the reader's language where translated (else as
    chosen: the source language's version, else the oldest), in one query."""
    if not getattr(user, "is_authenticated", False):
        return []
    keys = user.memberships.filter(organisation__kind=Organisation.Kind.CSO).values(
        "organisation__translation_key"
    )
    versions: dict = {}
    rows = Organisation.objects.filter(translation_key__in=keys).annotate(
        in_language=F("locale__language_code")
    )
    for organisation in rows.order_by("pk"):
        versions.setdefault(organisation.translation_key, []).append(organisation)
    preferred = (get_language(), get_supported_content_language_variant(settings.LANGUAGE_CODE))
    chosen = []
    for options in versions.values():
        by_language = {o.in_language: o for o in options}
        chosen.append(next((by_language[c] for c in preferred if c in by_language), options[0]))
    return chosen


def comment_form(request, page, paragraph: str = "", *, allowed: bool | None = None):
    """An empty comment form for a signed-in user who may comment on the page now (``allowed``
    when the caller already asked the rules)."""
    if not getattr(request.user, "is_authenticated", False):
        return None
    if allowed is None:
        allowed = can(request.user, "consultations.post_comment", page)
    if not allowed:
        return None
    return CommentForm(
        initial={"paragraph": paragraph}, organisations=organisations_for(request.user)
    )


def thread_context(request, page, comments, *, paragraph: str = "", state=None) -> dict:
    """What a thread shows: one page of comments, the published count, the form (or why
    there is none) and the state (by default the page's commenting state now).
    ``comments`` are all the page's comments, or those on ``paragraph`` (its short id) if one
    is given; their counts are kept in the shared cache as the comments are."""
    can_post = can(request.user, "consultations.post_comment", page)
    selection = f"paragraph {paragraph}" if paragraph else "all"
    counts = shared.stored(
        request,
        "thread-counts",
        (page.translation_key, selection),
        lambda: comments.aggregate(
            shown=Count("pk", filter=Q(parent__isnull=True, status__in=VISIBLE_STATES)),
            published=Count("pk", filter=Q(status=Comment.Status.PUBLISHED)),
        ),
    )
    return {
        "thread": paginated_thread(
            request, page, comments, selection=selection, count=counts["shown"]
        ),
        "comment_count": counts["published"],
        "can_post": can_post,
        "comment_form": comment_form(request, page, paragraph, allowed=can_post),
        "state": state if state is not None else commenting_state(page),
        "CommentingState": commentable.CommentingState,
    }
