import functools
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from actionplans.api import (
    OGPValueCodesField,
    OrganisationSerializer,
    ProgressReportsField,
    TagNamesField,
)
from actionplans.forms import CommitmentPageForm
from actionplans.organisations import organisations_in, with_lead_in
from actionplans.translation import PerLanguageField, synchronized
from consultations.commentable import Commentable, CommentingState
from home.ancestors import nearest_ancestor, nearest_ancestor_page
from home.models.base import BasePage
from home.translations import localized
from pagecache import shared

from .milestone import Milestone
from .status import PERCENT_VALIDATORS, Status


class CommitmentTag(TaggedItemBase):
    content_object = ParentalKey(
        "actionplans.CommitmentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CommitmentQuerySet(PageQuerySet):
    def for_listing(self) -> "CommitmentQuerySet":
        """Everything the open data carries about each commitment, in a fixed number of
        queries (organisations are fetched once each, not once per milestone)."""
        return self.select_related("lead_institution").prefetch_related(
            "partners",
            "ogp_values",
            "tags",
            Prefetch("milestones", queryset=Milestone.objects.all()),
            "milestones__responsible",
        )

    def for_cards(self, today: date) -> "CommitmentQuerySet":
        """What a commitment card shows and a plan's summary counts: code, title, status,
        progress, lead, values, and its milestones summed up by the database (how many, how
        many completed, how many overdue, the next one due). Only those fields are read (the
        texts of a commitment are long); any other field would cost a query per card."""
        milestones = Milestone.objects.filter(commitment=OuterRef("pk")).order_by()
        next_open = milestones.open().order_by("due_date", "sort_order", "pk")
        return (
            self.select_related("lead_institution")
            .prefetch_related("ogp_values")
            .only(*CARD_FIELDS)
            .annotate(
                milestone_count=_count(milestones),
                completed_count=_count(milestones.filter(status=Status.COMPLETED)),
                overdue_count=_count(milestones.overdue(today)),
                next_due_date=Subquery(next_open.values("due_date")[:1]),
                next_deliverable=Subquery(next_open.values("deliverable")[:1]),
            )
        )

    def with_plan_path(self) -> "CommitmentQuerySet":
        """Each commitment annotated with ``plan_path``, the tree path of its plan (a
        commitment is a child of its plan), for filtering and counting by plan in SQL."""
        return self.annotate(plan_path=Substr("path", 1, (F("depth") - 1) * Page.steplen))

    def with_code(self, code: str) -> "CommitmentQuerySet":
        return self.filter(code__iexact=code.strip())


# A card's fields: its address (path, URL path, locale), what it shows, its lead institution.
CARD_FIELDS = (
    "path",
    "depth",
    "url_path",
    "locale_id",
    "content_type_id",
    "title",
    "code",
    "status",
    "progress",
    "lead_institution__translation_key",
    "lead_institution__locale_id",
    "lead_institution__name",
)


def _count(milestones) -> Coalesce:
    counted = milestones.values("commitment").annotate(total=Count("pk")).values("total")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


CommitmentPageManager = PageManager.from_queryset(CommitmentQuerySet)


class CommitmentPage(Commentable, BasePage):
    code = models.CharField(
        _("code"), max_length=30, help_text=_("Unique within the plan, e.g. C3 or MS-05.")
    )
    problem = models.TextField(_("problem addressed"))
    objective = models.TextField(_("objective"))
    expected_results = models.TextField(_("expected results"), blank=True)
    lead_institution = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("lead institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_commitments",
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    partners = ParentalManyToManyField(
        "accounts.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_commitments",
    )
    ogp_values = ParentalManyToManyField(
        "actionplans.OGPValue", verbose_name=_("OGP values"), blank=True, related_name="+"
    )
    tags = ClusterTaggableManager(through=CommitmentTag, blank=True, verbose_name=_("themes"))
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_currency = models.CharField(
        _("currency"), max_length=3, blank=True, default="MAD", help_text=_("ISO code: MAD, AFN…")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=PERCENT_VALIDATORS
    )
    comments_open = models.BooleanField(
        _("open for public comments"),
        default=True,
        help_text=_("Untick to close this commitment's comments; existing comments stay visible."),
    )

    objects = CommitmentPageManager()
    base_form_class = CommitmentPageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("code"),
        FieldPanel("intro"),
        FieldPanel("problem"),
        FieldPanel("objective"),
        FieldPanel("expected_results"),
        MultiFieldPanel(
            [
                FieldPanel("lead_institution"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who delivers it"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("ogp_values", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Values and themes"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("budget"), FieldPanel("budget_currency")]),
            ],
            heading=_("Dates and budget"),
        ),
        InlinePanel("milestones", label=_("Milestone"), heading=_("Milestones (action items)")),
        FieldPanel("comments_open"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("code"),
        index.SearchField("problem"),
        index.SearchField("objective"),
        index.SearchField("expected_results"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("lead_institution"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("lead_institution", [index.SearchField("name")]),
        index.RelatedFields("milestones", [index.SearchField("deliverable")]),
    ]
    api_fields = [
        APIField("translation_key"),
        APIField("code"),
        APIField("intro"),
        APIField("problem"),
        APIField("objective"),
        APIField("expected_results"),
        APIField(
            "lead_institution",
            serializer=OrganisationSerializer(source="localized_lead_institution"),
        ),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField(
            "partners", serializer=OrganisationSerializer(many=True, source="localized_partners")
        ),
        APIField("ogp_values", serializer=OGPValueCodesField()),
        APIField("tags", serializer=TagNamesField()),
        APIField("start_date"),
        APIField("end_date"),
        APIField("budget"),
        APIField("budget_currency"),
        APIField("status"),
        APIField("progress"),
        APIField("milestones"),
        APIField("progress_reports", serializer=ProgressReportsField()),
    ]
    # Codes, currencies, values and partners are the same in every language; themes are words of
    # each language version. Milestones (TranslatableMixin children) and the lead institution
    # (a translatable snippet) are translated by wagtail-localize's defaults.
    override_translatable_fields = synchronized(
        "code", "budget_currency", "ogp_values", "partners"
    ) + [PerLanguageField("tags"), PerLanguageField("tagged_items")]

    parent_page_types = ["actionplans.ActionPlanPage"]
    subpage_types: list[str] = []
    template = "actionplans/commitment_page.html"

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("A commitment cannot end before it starts.")
        plan = self._plan_for_validation()
        if plan is not None and self.code:
            self.code = self.code.strip()
            others = CommitmentPage.objects.child_of(plan).with_code(self.code)
            # A draft that was never published (an abandoned "new commitment" form that
            # autosaved) does not hold its code; a page that has been public does.
            others = others.filter(Q(live=True) | Q(first_published_at__isnull=False))
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                errors["code"] = _(
                    "Another commitment in this plan already uses the code “%(code)s”."
                ) % {"code": self.code}
        if errors:
            raise ValidationError(errors)

    def _plan_for_validation(self) -> Page | None:
        # Set by the admin form in the create view, before the page has a place in the tree.
        plan = getattr(self, "plan_for_validation", None)
        if plan is None and self.pk and self.depth:
            plan = self.get_parent()
        return plan

    # --- Commentable: a switch, no window ------------------------------------------------

    def commenting_state(self, now) -> CommentingState:
        return CommentingState.OPEN if self.comments_open else CommentingState.CLOSED

    def answers_allowed(self, now) -> bool:
        """The council may answer comments on a commitment at any time."""
        return True

    @property
    def plan_path(self) -> str:
        """The tree path of the plan this commitment belongs to (its parent); the same value
        ``CommitmentQuerySet.with_plan_path`` annotates in SQL."""
        return self.path[: -Page.steplen]

    @plan_path.setter
    def plan_path(self, value: str) -> None:
        # Set by the annotation; always equal to the value derived from the path.
        pass

    def with_content_json(self, content):
        """Status and progress come from co-monitoring's official reports, not from revisions:
        publishing or reverting to an older revision keeps the live values."""
        obj = super().with_content_json(content)
        obj.status, obj.progress = self.status, self.progress
        if self.pk:
            # Read from the database: this instance may be older than the latest report.
            live_values = CommitmentPage.objects.filter(pk=self.pk).values_list(
                "status", "progress"
            )
            obj.status, obj.progress = live_values.first() or (obj.status, obj.progress)
            live = {m.translation_key: m for m in Milestone.objects.filter(commitment=self)}
            for milestone in obj.milestones.all():
                current = live.get(milestone.translation_key)
                if current is not None:
                    milestone.status, milestone.progress = current.status, current.progress
        return obj

    def next_milestone(self) -> Milestone | None:
        """The first open milestone by due date, from the already-loaded milestones."""
        open_ones = [m for m in self.milestones.all() if not m.is_closed]
        return min(open_ones, key=lambda m: m.due_date, default=None)

    def localized_lead_institution(self):
        if self.lead_institution is None:
            return None
        found = organisations_in([self.lead_institution], self.locale_id)
        return localized(found, self.lead_institution)

    def localized_partners(self) -> list:
        partners = list(self.partners.all())
        found = organisations_in(partners, self.locale_id)
        return [localized(found, partner) for partner in partners]

    def get_context(self, request, *args, **kwargs):
        from .index import ActionPlanIndexPage
        from .plan import ActionPlanPage

        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        # The same for every visitor (monitoring reads them too): from the shared cache.
        milestones = shared.stored(
            request,
            "milestones",
            (self.pk,),
            lambda: list(self.milestones.select_related("responsible")),
        )

        @functools.cache
        def organisations() -> dict:
            partners = list(self.partners.all())
            lead, found = with_lead_in(
                self.lead_institution_id,
                [*partners, *(m.responsible for m in milestones)],
                self.locale_id,
            )
            return {
                "lead": localized(found, lead),
                "partners": [localized(found, partner) for partner in partners],
                "found": found,
            }

        # What only the page's shared part shows is lazy: not read when that part comes from
        # the shared cache (templatetags/shared_fragments.py).
        for milestone in milestones:
            milestone.responsible_display = SimpleLazyObject(
                lambda m=milestone: localized(organisations()["found"], m.responsible)
            )
            milestone.overdue_days = milestone.days_overdue(today)
        context.update(
            today=today,
            plan=nearest_ancestor(self, ActionPlanPage),  # shares the breadcrumbs' query
            plans_index=nearest_ancestor_page(self, ActionPlanIndexPage),
            milestones=milestones,
            lead=SimpleLazyObject(lambda: organisations()["lead"]),
            partners=SimpleLazyObject(lambda: organisations()["partners"]),
            ogp_values=SimpleLazyObject(lambda: list(self.ogp_values.all())),
            themes=SimpleLazyObject(lambda: list(self.tags.all())),
            overdue_count=sum(1 for m in milestones if m.overdue_days),
            print_url=request.build_absolute_uri(self.get_url(request)),
        )
        return context
