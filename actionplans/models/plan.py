import functools
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from actionplans.organisations import localize_listing
from actionplans.translation import synchronized
from home.ancestors import nearest_ancestor_page
from home.blocks import DocumentLinkBlock
from home.models.base import BasePage
from home.visibility import public_q


@dataclass(frozen=True)
class PhaseStep:
    phase: "PlanPhase"
    state: str  # "past", "current" or "upcoming"

    @property
    def is_current(self) -> bool:
        return self.state == "current"


class ActionPlanPage(BasePage):
    class Framework(models.TextChoices):
        OGP_LOCAL = "ogp_local", _("OGP Local action plan")
        OPEN_COLLECTIVITIES = "open_collectivities", _("National open collectivities programme")
        COMMUNAL_PLAN = "communal_plan", _("Communal action plan")
        REGIONAL_PLAN = "regional_plan", _("Regional development plan")
        MUNICIPAL_PLAN = "municipal_plan", _("Municipal implementation plan")
        OTHER = "other", _("Other")

    framework = models.CharField(_("framework"), max_length=30, choices=Framework.choices)
    code = models.CharField(
        _("code"), max_length=40, help_text=_("Short reference, e.g. MS-2024-2027.")
    )
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    vision = RichTextField(_("vision"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    adoption_session = models.CharField(_("adopted at session"), max_length=200, blank=True)
    adoption_date = models.DateField(_("adoption date"), null=True, blank=True)
    adoption_reference = models.CharField(_("decision reference"), max_length=100, blank=True)
    consultative_bodies = StreamField(
        [("body", blocks.CharBlock(label=_("Consultative body"), max_length=250))],
        blank=True,
        verbose_name=_("consultative bodies involved"),
    )
    documents = StreamField(
        [("document", DocumentLinkBlock())], blank=True, verbose_name=_("documents")
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("framework"),
                FieldPanel("code"),
                FieldPanel("period_start"),
                FieldPanel("period_end"),
            ],
            heading=_("Plan"),
        ),
        FieldPanel("intro"),
        FieldPanel("vision"),
        InlinePanel("phases", label=_("Phases"), heading=_("Phases of the plan")),
        MultiFieldPanel(
            [
                FieldPanel("adoption_session"),
                FieldPanel("adoption_date"),
                FieldPanel("adoption_reference"),
            ],
            heading=_("Adoption decision"),
        ),
        FieldPanel("consultative_bodies"),
        FieldPanel("documents"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("code"),
        index.SearchField("vision"),
        index.FilterField("framework"),
    ]
    api_fields = [
        APIField("translation_key"),
        APIField("framework"),
        APIField("code"),
        APIField("intro"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("vision"),
        APIField("phases"),
        APIField("adoption_session"),
        APIField("adoption_date"),
        APIField("adoption_reference"),
        APIField("consultative_bodies"),
        APIField("documents"),
    ]
    override_translatable_fields = synchronized("code")
    parent_page_types = ["actionplans.ActionPlanIndexPage"]
    subpage_types = ["actionplans.CommitmentPage"]
    template = "actionplans/action_plan_page.html"

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("The plan's period cannot end before it starts.")}
            )

    def current_phase(self, today: date, phases=None) -> "PlanPhase | None":
        """The phase under way today, from the already-loaded phases. When phases overlap (the
        evaluation starts before implementation ends), the one that started last is current."""
        under_way = [
            phase
            for phase in (self.phases.all() if phases is None else phases)
            if phase.start <= today and (phase.end is None or today <= phase.end)
        ]
        return max(under_way, key=lambda phase: phase.start, default=None)

    def timeline(self, today: date) -> list[PhaseStep]:
        phases = list(self.phases.all())
        current = self.current_phase(today, phases)
        steps = []
        for phase in sorted(phases, key=lambda phase: (phase.start, phase.sort_order or 0)):
            if phase == current:
                state = "current"
            elif phase.start > today:
                state = "upcoming"
            else:
                state = "past"
            steps.append(PhaseStep(phase, state))
        return steps

    def published_commitments(self):
        from .commitment import CommitmentPage

        return CommitmentPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        from actionplans.summary import summarise

        from .index import ActionPlanIndexPage

        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        from .commitment import CommitmentPage

        @functools.cache
        def listing() -> list:
            # Restrictions checked inside the listing's queries (published_commitments() reads
            # them first, once per call).
            published = CommitmentPage.objects.child_of(self).live().filter(public_q())
            commitments = list(published.for_cards(today).order_by("path"))
            localize_listing(commitments, self.locale_id)
            return commitments

        # Lazy: read only when the page's shared part is rendered, not when it is served from
        # the shared cache (templatetags/shared_fragments.py).
        context.update(
            today=today,
            phases=SimpleLazyObject(lambda: self.timeline(today)),
            commitments=SimpleLazyObject(listing),
            summary=SimpleLazyObject(lambda: summarise(listing())),
            plans_index=nearest_ancestor_page(self, ActionPlanIndexPage),
        )
        return context


class PlanPhase(TranslatableMixin, Orderable):
    class Kind(models.TextChoices):
        CO_CREATION = "co_creation", _("Co-creation")
        CONSULTATION = "consultation", _("Consultation")
        ADOPTION = "adoption", _("Adoption")
        IMPLEMENTATION = "implementation", _("Implementation")
        EVALUATION = "evaluation", _("Evaluation")

    plan = ParentalKey(ActionPlanPage, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=20, choices=Kind.choices)
    start = models.DateField(_("starts"))
    end = models.DateField(_("ends"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("kind"), FieldPanel("start"), FieldPanel("end"), FieldPanel("description")]
    api_fields = [
        APIField("translation_key"),
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        # Children added in code rather than the admin may share a sort_order: pk breaks ties.
        ordering = ["sort_order", "pk"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("A phase cannot end before it starts.")})

    def __str__(self) -> str:
        return str(self.get_kind_display())
