"""Wagtail admin screens: the moderation queue (moderators) and reasoned responses (editors,
with drafts by council staff). Listing comes from Wagtail's generic index view; the review and
answer screens are small form views. Writes go through services."""

from functools import cached_property

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry, Page
from wagtail.permission_policies.base import BasePermissionPolicy

from home.spreadsheets import GuardedExportMixin
from home.translations import in_locale

from . import commentable, services
from .forms_admin import ModerationForm, ResponseForm
from .models import Comment, CommentReport, CommentResponse, ConsultationPage
from .rules import can


class CommentPermissionPolicy(BasePermissionPolicy):
    """Admin actions on comments, decided by our rules: "moderate" (moderators), "respond"
    (editors and council staff). Nobody adds or deletes comments in the admin."""

    ACTIONS = {
        "moderate": "consultations.moderate_comment",
        "respond": "consultations.answer_comment",
    }

    def user_has_permission(self, user, action):
        permission = self.ACTIONS.get(action)
        if action in ("view", "change"):
            return any(can(user, name) for name in self.ACTIONS.values())
        return bool(permission) and can(user, permission)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True)
        return [u for u in users if self.user_has_any_permission(u, actions)]

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return Comment.objects.all()
        return Comment.objects.none()


def _page_title_subquery():
    return Subquery(
        Page.objects.filter(translation_key=OuterRef("target_key"))
        .order_by("pk")
        .values("title")[:1]
    )


# What the admin's CSV and XLSX exports of comments contain.
EXPORT_FIELDS = [
    "pk",
    "target_key",
    "page_title",
    "paragraph",
    "parent_id",
    "language",
    "author_name",
    "status",
    "body",
    "created_at",
]


# --- Moderation queue -------------------------------------------------------------------


class ModerationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=Comment.Status.choices
    )
    reason = django_filters.ChoiceFilter(
        label=gettext_lazy("Report reason"),
        choices=CommentReport.Reason.choices,
        field_name="reports__reason",
        distinct=True,
    )
    reported = django_filters.BooleanFilter(
        label=gettext_lazy("Reported"), method="filter_reported"
    )

    class Meta:
        model = Comment
        fields = ["status", "reason", "reported"]

    def filter_reported(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(reports__isnull=not value).distinct()


class ModerationIndexView(GuardedExportMixin, generic.IndexView):
    any_permission_required = ["moderate"]
    filterset_class = ModerationFilterSet
    default_ordering = "-created_at"
    page_title = gettext_lazy("Comment moderation")

    def get_base_queryset(self):
        return (
            Comment.objects.with_report_counts()
            .select_related("author")
            .annotate(page_title=_page_title_subquery())
        )

    def get_edit_url(self, instance):
        return reverse("comment_moderation:review", args=[instance.pk])


class CommentFormView(WagtailAdminTemplateMixin, FormView):
    """An admin form about one comment, open to the users the named permission allows."""

    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, self.permission):
            raise PermissionDenied
        self.comment = get_object_or_404(
            Comment.objects.select_related("author", "parent", "organisation"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)


class ReviewView(CommentFormView):
    """A reported comment in its context, its reports and history, and the decision form."""

    template_name = "consultations/admin/review.html"
    form_class = ModerationForm
    header_icon = "warning"
    permission = "consultations.moderate_comment"

    def get_page_title(self):
        return _("Review a comment")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("comment_moderation:index"), "label": _("Comment moderation")},
            {"url": "", "label": _("Review a comment")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(_comment_context(self.comment))
        context["reports"] = self.comment.reports.select_related("user").order_by("-created_at")
        return context

    def form_valid(self, form):
        decision = self.request.POST.get("decision")
        try:
            services.moderate_comment(
                user=self.request.user,
                comment=self.comment,
                decision=decision,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if decision == services.HIDE:
            messages.success(self.request, _("The comment is hidden and its author informed."))
        else:
            messages.success(self.request, _("The comment is visible again; its author is told."))
        return redirect("comment_moderation:index")


def _comment_context(comment: Comment) -> dict:
    page = comment.target_page
    paragraph = commentable.paragraph_by_id(page, comment.paragraph)
    history = ModelLogEntry.objects.filter(
        content_type__app_label="consultations",
        content_type__model="comment",
        object_id=str(comment.pk),
    ).select_related("user")
    return {
        "comment": comment,
        "target": page,
        "paragraph": paragraph,
        "public_url": reverse("consultations:comment", args=[comment.pk]),
        "history": history.order_by("-timestamp")[:20],
    }


class CommentURLFinder(ModelAdminURLFinder):
    edit_url_name = "comment_moderation:review"  # no edit view: reports link to the review


class CommentModerationViewSet(ModelViewSet):
    model = Comment
    name = "comment_moderation"
    url_prefix = "moderation"
    icon = "warning"
    menu_label = gettext_lazy("Moderation queue")
    index_view_class = ModerationIndexView
    copy_view_enabled = False
    list_display = [
        "__str__",
        "status",
        Column("report_count", label=gettext_lazy("Reports"), sort_key="report_count"),
        Column("page_title", label=gettext_lazy("Page")),
        "language",
        "created_at",
    ]
    list_per_page = 30
    # Every comment, including those of a page since deleted (its title is then empty).
    list_export = EXPORT_FIELDS
    export_filename = "comments"
    url_finder_class = CommentURLFinder

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("review/<int:pk>/", ReviewView.as_view(), name="review"),
        ]


# --- Reasoned responses -------------------------------------------------------------------


class ResponseFilterSet(WagtailFilterSet):
    answer = django_filters.ChoiceFilter(
        label=gettext_lazy("Response"),
        method="filter_answer",
        choices=[
            ("none", gettext_lazy("Not answered")),
            ("draft", gettext_lazy("Draft response")),
            ("published", gettext_lazy("Published response")),
        ],
    )
    outcome = django_filters.ChoiceFilter(
        label=gettext_lazy("Outcome"),
        field_name="response__outcome",
        choices=CommentResponse.Outcome.choices,
    )
    page = django_filters.ChoiceFilter(label=gettext_lazy("Page"), method="filter_page", choices=[])

    class Meta:
        model = Comment
        fields = ["answer", "outcome", "page"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keys = Comment.objects.values_list("target_key", flat=True).distinct()
        pages = in_locale(
            Page.objects.only("translation_key", "locale", "title"), keys, get_language()
        )
        choices = [(str(key), page.title) for key, page in pages.items()]
        self.filters["page"].extra["choices"] = sorted(choices, key=lambda choice: choice[1])

    def filter_answer(self, queryset, name, value):
        if value == "none":
            return queryset.filter(response__isnull=True)
        return queryset.filter(response__status=value)

    def filter_page(self, queryset, name, value):
        return queryset.filter(target_key=value) if value else queryset


class ResponseIndexView(GuardedExportMixin, generic.IndexView):
    any_permission_required = ["respond"]
    filterset_class = ResponseFilterSet
    default_ordering = "created_at"
    page_title = gettext_lazy("Reasoned responses")

    def get_base_queryset(self):
        # Contributions the council can answer now: top-level comments from the public (not
        # the council's own replies), on a commitment or a consultation that has closed.
        still_open = ConsultationPage.objects.filter(closes_at__gt=timezone.now())
        return (
            Comment.objects.published()
            .top_level()
            .not_official()
            .exclude(target_key__in=still_open.values("translation_key"))
            .select_related("author", "response")
            .annotate(
                page_title=_page_title_subquery(),
                response_outcome=F("response__outcome"),
                response_status=F("response__status"),
                response_text=F("response__justification"),
            )
        )

    def get_edit_url(self, instance):
        return reverse("comment_responses:answer", args=[instance.pk])


class AnswerView(CommentFormView):
    template_name = "consultations/admin/answer.html"
    form_class = ResponseForm
    header_icon = "comment"
    permission = "consultations.answer_comment"

    @cached_property
    def response(self):
        return CommentResponse.objects.filter(comment=self.comment).first()

    def get_page_title(self):
        return _("Answer a comment")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("comment_responses:index"), "label": _("Reasoned responses")},
            {"url": "", "label": _("Answer a comment")},
        ]

    def get_initial(self):
        if self.response:
            return {"outcome": self.response.outcome, "justification": self.response.justification}
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(_comment_context(self.comment))
        user = self.request.user
        context.update(
            {
                "response": self.response,
                "can_draft": can(user, "consultations.draft_response", self.comment),
                "can_publish": can(user, "consultations.publish_response", self.comment),
            }
        )
        return context

    def form_valid(self, form):
        publish = "publish" in self.request.POST
        try:
            services.save_response(
                user=self.request.user,
                comment=self.comment,
                outcome=form.cleaned_data["outcome"],
                justification=form.cleaned_data["justification"],
                publish=publish,
            )
        except PermissionDenied:
            form.add_error(None, _("You cannot answer this comment now."))
            return self.form_invalid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if publish:
            messages.success(self.request, _("The response is published; the commenter is told."))
        else:
            messages.success(self.request, _("Draft response saved. An editor can publish it."))
        return redirect("comment_responses:index")


class CommentResponseViewSet(ModelViewSet):
    model = Comment
    name = "comment_responses"
    url_prefix = "responses"
    icon = "comment"
    menu_label = gettext_lazy("Reasoned responses")
    index_view_class = ResponseIndexView
    copy_view_enabled = False
    list_display = [
        "__str__",
        Column("page_title", label=gettext_lazy("Page")),
        Column("response", label=gettext_lazy("Response"), accessor="response_label"),
        "language",
        "created_at",
    ]
    list_per_page = 30
    list_export = EXPORT_FIELDS + ["response_outcome", "response_status", "response_text"]
    export_filename = "comments-and-responses"
    url_finder_class = CommentURLFinder

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("answer/<int:pk>/", AnswerView.as_view(), name="answer"),
        ]
