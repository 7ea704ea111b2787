"""Public views of consultations and comment threads. Wiring only: permissions come from
rules.py, writes from services.py, and every form works without JavaScript."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from accounts.models import Organisation
from home.spreadsheets import spreadsheet_cell

from . import services, targets, threads
from .forms import CommentForm, ReportForm
from .models import Comment, CommentResponse
from .rules import can

# --- Consultation pages (served through ConsultationPage's routes) ------------------------


def _time_left(page, now) -> dict:
    delta = page.closes_at - now
    return {"days": delta.days, "hours": delta.seconds // 3600}


def consultation_context(page, request) -> dict:
    now = timezone.now()
    state = page.state(now)
    comments = Comment.objects.for_target(page.translation_key)
    counts = comments.counts_by_paragraph()
    previews = threads.previews_by_paragraph(page, request.user)
    for section in page.sections:
        for paragraph in section.paragraphs:
            paragraph.comment_count = counts.get(paragraph.id, 0)
            paragraph.previews = previews.get(paragraph.id, [])
            paragraph.url = page.paragraph_url(paragraph, request)
    context = {
        "now": now,
        "state": state,
        "time_left": _time_left(page, now) if state == "open" else None,
        "sections": page.sections,
        "general_comments": threads.paginated_thread(request, page, comments.on_whole_text()),
        "general_count": counts.get("", 0),
        "total_count": sum(counts.values()),
        # A contribution is a top-level comment (what the council answers), as on the index.
        "contribution_count": comments.published().top_level().count(),
        "can_post": can(request.user, "consultations.post_comment", page),
        "comment_form": _comment_form(request, page),
        "synthesis": synthesis(page) if state in ("closed", "answered") else None,
        "can_export": can(request.user, "consultations.export_comments"),
    }
    return context


def paragraph_view(page, request, short_id: str):
    paragraph = page.paragraphs.get(short_id)
    if paragraph is None:
        raise Http404
    now = timezone.now()
    comments = Comment.objects.for_target(page.translation_key).on_paragraph(paragraph.id)
    context = {
        "page": page,
        "paragraph": paragraph,
        "state": page.state(now),
        "now": now,
        "thread": threads.paginated_thread(request, page, comments),
        "comment_count": comments.published().count(),
        "can_post": can(request.user, "consultations.post_comment", page),
        "comment_form": _comment_form(request, page, paragraph=paragraph.short_id),
    }
    return render(request, "consultations/consultation_paragraph.html", context)


def synthesis(page) -> dict:
    """Counts of published responses by outcome and, per paragraph, contributions by outcome."""
    rows = (
        Comment.objects.for_target(page.translation_key)
        .published()
        .top_level()
        .values("paragraph", "response__outcome", "response__status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    outcomes = CommentResponse.Outcome
    by_outcome = dict.fromkeys(outcomes.values, 0)
    by_paragraph: dict[str, dict] = {}
    total = answered = 0
    for row in rows:
        published = row["response__status"] == CommentResponse.Status.PUBLISHED
        outcome = row["response__outcome"] if published else None
        entry = by_paragraph.setdefault(
            row["paragraph"], {"total": 0, **dict.fromkeys(outcomes.values, 0)}
        )
        entry["total"] += row["n"]
        total += row["n"]
        if outcome:
            entry[outcome] += row["n"]
            by_outcome[outcome] += row["n"]
            answered += row["n"]
    paragraph_rows = []
    for section in page.sections:
        for paragraph in section.paragraphs:
            if paragraph.id in by_paragraph:
                entry = by_paragraph[paragraph.id]
                paragraph_rows.append(
                    {
                        "paragraph": paragraph,
                        "total": entry["total"],
                        "cells": [entry[value] for value in outcomes.values],
                    }
                )
    whole = by_paragraph.get("")
    return {
        "total": total,
        "answered": answered,
        "outcomes": [
            {"value": value, "label": label, "count": by_outcome[value]}
            for value, label in outcomes.choices
        ],
        "outcome_labels": outcomes.labels,
        "paragraph_rows": paragraph_rows,
        "whole_text": (
            {"total": whole["total"], "cells": [whole[value] for value in outcomes.values]}
            if whole
            else None
        ),
    }


def export_view(page, request):
    """All comments and answers of a consultation as CSV (UTF-8 with BOM for spreadsheets)."""
    if not can(request.user, "consultations.export_comments"):
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="consultation-{page.pk}.csv"'
    response.write("\ufeff")
    write_csv(response, page)
    return response


CSV_HEADER = [
    "comment_id",
    "reply_to",
    "paragraph_number",
    "paragraph_anchor",
    "language",
    "author",
    "organisation",
    "posted_at",
    "status",
    "comment",
    "response_outcome",
    "response_status",
    "response_justification",
    "response_published_at",
]


def write_csv(stream, page) -> None:
    numbers = {p.id: (p.number, p.anchor) for p in page.paragraphs.values()}
    writer = csv.writer(stream)
    writer.writerow(CSV_HEADER)
    comments = (
        Comment.objects.for_target(page.translation_key)
        .select_related("author", "organisation", "response")
        .order_by("created_at", "pk")
    )
    for comment in comments.iterator(chunk_size=500):
        number, anchor = numbers.get(comment.paragraph, ("", ""))
        response = getattr(comment, "response", None) if _has_response(comment) else None
        writer.writerow(
            [
                comment.pk,
                comment.parent_id or "",
                number,
                anchor,
                comment.language,
                comment.author_name,
                comment.organisation.name if comment.organisation else "",
                comment.created_at.isoformat(),
                comment.status,
                spreadsheet_cell(comment.body),
                response.outcome if response else "",
                response.status if response else "",
                spreadsheet_cell(response.justification) if response else "",
                response.published_at.isoformat() if response and response.published_at else "",
            ]
        )


def _has_response(comment) -> bool:
    try:
        comment.response  # noqa: B018
    except CommentResponse.DoesNotExist:
        return False
    return True


# --- Posting, replying, reporting ---------------------------------------------------------


def _organisations_for(user) -> list:
    if not getattr(user, "is_authenticated", False):
        return []
    keys = set(
        user.memberships.filter(organisation__kind=Organisation.Kind.CSO).values_list(
            "organisation__translation_key", flat=True
        )
    )
    if not keys:
        return []
    organisations = {}
    for organisation in Organisation.objects.filter(translation_key__in=keys).select_related(
        "locale"
    ):
        current = organisations.get(organisation.translation_key)
        if current is None or organisation.locale.language_code == get_language():
            organisations[organisation.translation_key] = organisation
    return list(organisations.values())


def _comment_form(request, page, paragraph: str = "", data=None) -> CommentForm | None:
    if not getattr(request.user, "is_authenticated", False):
        return None
    if not can(request.user, "consultations.post_comment", page):
        return None
    return CommentForm(
        data,
        initial={"paragraph": paragraph},
        organisations=_organisations_for(request.user),
    )


def _commentable_page(page_id: int):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not targets.accepts_comments(page):
        raise Http404
    return page


def comment_url(comment: Comment, page, request=None) -> str:
    """Where a comment is shown: its paragraph's page or the page's own thread."""
    number = threads.page_of_comment(comment)
    query = f"?comments={number}" if number > 1 else ""
    base = page.get_url(request)
    if comment.paragraph and hasattr(page, "paragraphs"):
        for paragraph in page.paragraphs.values():
            if paragraph.id == comment.paragraph:
                base = page.paragraph_url(paragraph, request)
                break
    return f"{base}{query}#comment-{comment.pk}"


@require_http_methods(["GET", "POST"])
@login_required
def comment_new(request, page_id: int):
    page = _commentable_page(page_id)
    source = request.POST if request.method == "POST" else request.GET
    parent = None
    parent_id = source.get("parent") or ""
    if parent_id:
        # ASCII digits only ("²".isdigit() is true) and short enough for a bigint column.
        if not (parent_id.isascii() and parent_id.isdigit() and len(parent_id) <= 18):
            raise Http404
        parent = get_object_or_404(
            Comment.objects.select_related("author"),
            pk=int(parent_id),
            target_key=page.translation_key,
        )
        parent.target_page = page
    short_id = (source.get("paragraph") or "")[:64]
    paragraph = None
    if short_id and hasattr(page, "paragraphs"):
        paragraph = page.paragraphs.get(short_id)
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        initial={"paragraph": short_id, "parent": parent_id},
        organisations=_organisations_for(request.user),
    )
    allowed = (
        can(request.user, "consultations.reply_to_comment", parent)
        if parent
        else can(request.user, "consultations.post_comment", page)
    )
    if request.method == "POST" and allowed and form.is_valid():
        if short_id and paragraph is None and parent is None:
            form.add_error(None, _("This paragraph is not part of the draft."))
        else:
            try:
                comment = services.post_comment(
                    user=request.user,
                    page=page,
                    body=form.cleaned_data["body"],
                    paragraph=paragraph.id if paragraph else "",
                    parent=parent,
                    organisation=form.chosen_organisation,
                    language=page.locale.language_code,
                )
            except ValidationError as error:
                form.add_error(None, error)
            except PermissionDenied:
                form.add_error(None, _("You cannot comment here."))
            else:
                messages.success(request, _("Thank you: your comment is published."))
                return redirect(comment_url(comment, page, request))
    status = 200 if allowed else 403
    if request.method == "POST" and allowed and not form.is_valid():
        status = 400
    if parent is not None:
        threads.decorate([parent], page, request.user)
    return render(
        request,
        "consultations/comment_form_page.html",
        {
            "page": page,
            "form": form,
            "parent": parent,
            "paragraph": paragraph,
            "allowed": allowed,
            "state": threads.commenting_state(page),
        },
        status=status,
    )


def _comment_with_page(comment_id: int) -> tuple[Comment, object]:
    comment = get_object_or_404(Comment.objects.select_related("author", "parent"), pk=comment_id)
    page = comment.target_page
    if page is None or not page.live:
        raise Http404
    localized = page.localized
    if localized.live:
        page = localized.specific
    comment.target_page = page
    return comment, page


@require_http_methods(["GET", "POST"])
@login_required
def comment_report(request, comment_id: int):
    comment, page = _comment_with_page(comment_id)
    allowed = can(request.user, "consultations.report_comment", comment)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and allowed and form.is_valid():
        try:
            services.report_comment(
                user=request.user,
                comment=comment,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: moderators will look at this comment."))
            return redirect(comment_url(comment, page, request))
    threads.decorate([comment], page, request.user)
    return render(
        request,
        "consultations/comment_report_page.html",
        {"page": page, "comment": comment, "form": form, "allowed": allowed},
        status=200 if allowed else 403,
    )


def comment_permalink(request, comment_id: int):
    comment, page = _comment_with_page(comment_id)
    return redirect(comment_url(comment, page, request))
