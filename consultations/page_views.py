"""What the routes of a consultation page serve: the overview with its draft and threads, one
paragraph's thread, and the CSV export. ConsultationPage's routes import this module when they
run, and nothing here imports the page models, so there is no import circle."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from pagecache.shared import memo

from . import reports, threads
from .commentable import CommentingState
from .models.comments import Comment, ParagraphCounts
from .rules import can


def _time_left(page, now) -> dict:
    delta = page.closes_at - now
    return {"days": delta.days, "hours": delta.seconds // 3600}


def consultation_context(page, request) -> dict:
    now = timezone.now()
    state = page.state(now)
    comments = Comment.objects.for_target(page.translation_key)
    # Its cost follows the number of comments: read once per cache generation (a comment is a
    # write, so a new one shows at once).
    counts = memo.get(
        request, ("comment-counts", page.translation_key), comments.counts_by_paragraph
    )
    none = ParagraphCounts(0, 0, 0)

    def sections() -> list:
        # The draft with its previews is the same for every visitor: read only when the
        # template's shared fragment is rendered, not when it comes from the shared cache.
        previews = threads.previews_by_paragraph(page, request.user)
        for section in page.sections:
            for paragraph in section.paragraphs:
                paragraph.comment_count = counts.get(paragraph.id, none).published
                paragraph.previews = previews.get(paragraph.id, [])
                paragraph.url = page.paragraph_url(paragraph, request)
        return page.sections

    can_post = can(request.user, "consultations.post_comment", page)
    closed = state in (CommentingState.CLOSED, CommentingState.ANSWERED)
    return {
        "now": now,
        "state": state,
        "CommentingState": CommentingState,
        "time_left": _time_left(page, now) if state == CommentingState.OPEN else None,
        "sections": SimpleLazyObject(sections),
        "general_comments": threads.paginated_thread(
            request,
            page,
            comments.on_whole_text(),
            selection="whole text",
            count=counts.get("", none).listed,
        ),
        "general_count": counts.get("", none).published,
        "total_count": sum(c.published for c in counts.values()),
        # A contribution is a top-level comment (what the council answers), as on the index.
        "contribution_count": sum(c.contributions for c in counts.values()),
        "can_post": can_post,
        "comment_form": threads.comment_form(request, page, allowed=can_post),
        "synthesis": reports.synthesis(page) if closed else None,
        "can_export": can(request.user, "consultations.export_comment"),
    }


def paragraph_view(page, request, short_id: str):
    paragraph = page.paragraphs.get(short_id)
    if paragraph is None:
        raise Http404
    now = timezone.now()
    comments = Comment.objects.for_target(page.translation_key).on_paragraph(paragraph.id)
    context = {
        "page": page,
        "paragraph": paragraph,
        "now": now,
        **threads.thread_context(
            request, page, comments, paragraph=paragraph.short_id, state=page.state(now)
        ),
    }
    return render(request, "consultations/consultation_paragraph.html", context)


def export_view(page, request):
    """All comments and answers of a consultation as CSV (UTF-8 with BOM for spreadsheets)."""
    if not can(request.user, "consultations.export_comment"):
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{reports.csv_filename(page)}"'
    response.write("\ufeff")
    reports.write_csv(response, page)
    return response
