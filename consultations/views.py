"""Public views of consultations and comment threads. Wiring only: permissions come from
rules.py, writes from services.py, and every form works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from . import commentable, services, threads
from .commentable import CommentingState
from .forms import CommentForm, ReportForm
from .models import Comment
from .rules import can

# --- Posting, replying, reporting ---------------------------------------------------------


def _commentable_page(page_id: int):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not commentable.is_commentable(page):
        raise Http404
    return page


def comment_url(comment: Comment, page, request=None) -> str:
    """Where a comment is shown: its paragraph's page or the page's own thread."""
    number = threads.page_of_comment(comment)
    query = f"?comments={number}" if number > 1 else ""
    base = page.get_url(request)
    paragraph = commentable.paragraph_by_id(page, comment.paragraph)
    if paragraph is not None:
        base = page.paragraph_url(paragraph, request)
    return f"{base}{query}#comment-{comment.pk}"


def _parent(page, parent_id: str) -> Comment | None:
    """The comment replied to, from the URL: 404 unless it is a comment of this page."""
    if not parent_id:
        return None
    # ASCII digits only ("²".isdigit() is true) and short enough for a bigint column.
    if not (parent_id.isascii() and parent_id.isdigit() and len(parent_id) <= 18):
        raise Http404
    parent = get_object_or_404(
        Comment.objects.select_related("author"), pk=int(parent_id), target_key=page.translation_key
    )
    parent.target_page = page
    return parent


@require_http_methods(["GET", "POST"])
@login_required
def comment_new(request, page_id: int):
    """The comment (or reply) form on a page of its own. Whether the user may post, and whether
    the paragraph is part of the draft, is for ``services.post_comment`` to say."""
    page = _commentable_page(page_id)
    source = request.POST if request.method == "POST" else request.GET
    parent_id = source.get("parent") or ""
    parent = _parent(page, parent_id)
    short_id = (source.get("paragraph") or "")[:64]
    paragraph = commentable.paragraph(page, short_id)
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        initial={"paragraph": short_id, "parent": parent_id},
        organisations=threads.organisations_for(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            comment = services.post_comment(
                user=request.user,
                page=page,
                body=form.cleaned_data["body"],
                # An unknown short id reaches the service as it is, which refuses it.
                paragraph=paragraph.id if paragraph else short_id,
                parent=parent,
                organisation=form.chosen_organisation,
                language=page.locale.language_code,
            )
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied:  # e.g. speaking for an organisation one is not a member of
            form.add_error(None, _("You cannot comment here."))
        else:
            messages.success(request, _("Thank you: your comment is published."))
            return redirect(comment_url(comment, page, request))
    if parent is not None:
        threads.decorate([parent], page, request.user)
    # What the page offers in place of the form, when the rules allow none.
    allowed = (
        can(request.user, "consultations.reply_to_comment", parent)
        if parent
        else can(request.user, "consultations.post_comment", page)
    )
    status = 200 if allowed else 403
    if allowed and request.method == "POST":
        status = 400
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
            "CommentingState": CommentingState,
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
