"""Reports on a consultation's comments: the synthesis shown once it closes (contributions by
paragraph and by outcome of their reasoned response) and the CSV export of every comment and
answer. One dataset per report, built in a fixed number of queries; views only serve them."""

import csv

from django.db.models import Count

from home.spreadsheets import spreadsheet_cell

from .models.comments import Comment, CommentResponse


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
        response = _response(comment)
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


def _response(comment: Comment) -> CommentResponse | None:
    try:
        return comment.response
    except CommentResponse.DoesNotExist:
        return None


def csv_filename(page) -> str:
    return f"consultation-{page.pk}.csv"
