from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.models.base import BasePage

from ..blocks import DraftBlock, GuidingQuestionsBlock
from ..commentable import Commentable, CommentingState
from ..draft import paragraphs_by_short_id, read_draft
from ..forms_admin import ConsultationPageForm
from .comments import Comment


def _count_subquery(queryset) -> Coalesce:
    counted = (
        queryset.filter(target_key=OuterRef("translation_key"))
        .order_by()
        .values("target_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class ConsultationPageQuerySet(PageQuerySet):
    def with_comment_counts(self) -> "ConsultationPageQuerySet":
        """Published contributions and those still without a published answer, per page."""
        return self.annotate(
            contribution_count=_count_subquery(Comment.objects.published().top_level()),
            unanswered_count=_count_subquery(Comment.objects.unanswered()),
        )


ConsultationPageManager = PageManager.from_queryset(ConsultationPageQuerySet)


class ConsultationPage(Commentable, RoutablePageMixin, BasePage):
    # Paragraph ids are shared by all translations, so the language switcher keeps the route.
    language_neutral_routes = ("paragraph",)

    consulted_on = models.CharField(
        _("what is consulted on"),
        max_length=250,
        help_text=_("e.g. “The draft charter of citizen participation”."),
    )
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("related action plan or commitment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("full draft (download)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    draft = StreamField(DraftBlock(), verbose_name=_("draft"), blank=True)
    questions = StreamField(
        GuidingQuestionsBlock(), verbose_name=_("guiding questions"), blank=True
    )
    outcome_summary = RichTextField(
        _("what changed"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Published with the synthesis once the consultation is answered."),
    )

    objects = ConsultationPageManager()
    base_form_class = ConsultationPageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("consulted_on"),
                PageChooserPanel(
                    "related_page", ["actionplans.ActionPlanPage", "actionplans.CommitmentPage"]
                ),
                FieldPanel("document"),
            ],
            heading=_("What is consulted on"),
        ),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Window")),
        FieldPanel("draft_source"),
        FieldPanel("draft"),
        FieldPanel("questions"),
        FieldPanel("outcome_summary"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("consulted_on"),
        index.SearchField("draft"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types: list[str] = []
    template = "consultations/consultation_page.html"

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A consultation must close after it opens.")})

    # --- Commentable: the window ----------------------------------------------------------

    def commenting_state(self, now: datetime) -> CommentingState:
        if now < self.opens_at:
            return CommentingState.UPCOMING
        if now < self.closes_at:
            return CommentingState.OPEN
        return CommentingState.CLOSED

    def answers_allowed(self, now: datetime) -> bool:
        """Consultations are answered once closed."""
        return now >= self.closes_at

    def comment_paragraphs(self) -> dict:
        return self.paragraphs

    def state(self, now: datetime) -> CommentingState:
        """The commenting state, with ANSWERED for a closed consultation whose every
        published contribution has a published reasoned response."""
        state = self.commenting_state(now)
        if state != CommentingState.CLOSED:
            return state
        contributions = getattr(self, "contribution_count", None)
        unanswered = getattr(self, "unanswered_count", None)
        if contributions is None or unanswered is None:
            comments = Comment.objects.for_target(self.translation_key)
            contributions = comments.published().top_level().count()
            unanswered = comments.unanswered().count()
        return CommentingState.ANSWERED if contributions and not unanswered else state

    # --- Draft -----------------------------------------------------------------------------

    @cached_property
    def sections(self):
        return read_draft(self.draft)

    @cached_property
    def paragraphs(self) -> dict:
        return paragraphs_by_short_id(self.sections)

    def paragraph_ids(self) -> set[str]:
        return {p.id for p in self.paragraphs.values()}

    def paragraph_url(self, paragraph, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage(
            "paragraph", kwargs={"short_id": paragraph.short_id}
        )

    # --- Routes ----------------------------------------------------------------------------

    @path("")
    def overview(self, request):
        from ..page_views import consultation_context

        return self.render(request, context_overrides=consultation_context(self, request))

    @path("p/<str:short_id>/", name="paragraph")
    def paragraph(self, request, short_id: str):
        from ..page_views import paragraph_view

        return paragraph_view(self, request, short_id)

    @path("export/", name="export")
    def export(self, request):
        from ..page_views import export_view

        return export_view(self, request)
