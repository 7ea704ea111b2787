from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from home.models.base import BasePage

PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class Status(models.TextChoices):
    """Official implementation status, as reported by the council."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


class CommitmentTag(TaggedItemBase):
    content_object = ParentalKey(
        "actionplans.CommitmentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CommitmentPage(BasePage):
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

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("code"), FieldPanel("status"), FieldPanel("progress")]),
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
    ]
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
        parent = self.get_parent() if self.pk or self.depth else None
        if parent is not None and self.code:
            duplicate = (
                CommitmentPage.objects.child_of(parent)
                .filter(code__iexact=self.code.strip(), locale_id=self.locale_id)
                .exclude(translation_key=self.translation_key)
            )
            if duplicate.exists():
                errors["code"] = _(
                    "Another commitment in this plan already uses the code “%(code)s”."
                ) % {"code": self.code}
        if errors:
            raise ValidationError(errors)

    def overdue_milestones(self, today: date) -> list["Milestone"]:
        return [m for m in self.milestones.all() if m.is_overdue(today)]


class Milestone(TranslatableMixin, Orderable):
    """An action item of a commitment. Its translation_key is the stable identity that progress
    reports attach to, whichever language version they are written on."""

    commitment = ParentalKey(CommitmentPage, on_delete=models.CASCADE, related_name="milestones")
    deliverable = models.CharField(_("deliverable"), max_length=300)
    responsible = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("responsible organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=PERCENT_VALIDATORS
    )

    panels = [
        FieldPanel("deliverable"),
        FieldPanel("responsible"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("due_date")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.deliverable

    def clean(self):
        super().clean()
        if self.start_date and self.due_date and self.due_date < self.start_date:
            raise ValidationError({"due_date": _("The due date cannot be before the start date.")})

    def is_overdue(self, today: date) -> bool:
        done = self.status in {Status.COMPLETED, Status.CANCELLED}
        return not done and self.due_date is not None and self.due_date < today
