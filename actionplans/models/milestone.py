from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin

from actionplans.api import OrganisationSerializer

from .status import CLOSED_STATUSES, PERCENT_VALIDATORS, Status


class MilestoneQuerySet(models.QuerySet):
    def open(self) -> "MilestoneQuerySet":
        return self.exclude(status__in=CLOSED_STATUSES)

    def overdue(self, today: date) -> "MilestoneQuerySet":
        return self.open().filter(due_date__lt=today)

    @staticmethod
    def overdue_q(today: date, prefix: str = "") -> Q:
        """The overdue condition, for aggregates over milestones reached through a relation."""
        return Q(**{f"{prefix}due_date__lt": today}) & ~Q(
            **{f"{prefix}status__in": CLOSED_STATUSES}
        )


class Milestone(TranslatableMixin, Orderable):
    """An action item of a commitment. Its translation_key is the stable identity that progress
    reports attach to, whichever language version they are written on."""

    commitment = ParentalKey(
        "actionplans.CommitmentPage", on_delete=models.CASCADE, related_name="milestones"
    )
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
    # Status and progress are written only by co-monitoring from the latest official report,
    # on every language version at once (actionplans/monitoring/progress.py); editors do not
    # type them. The weight says how much the milestone counts in its commitment's progress.
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        help_text=_("How much this milestone counts in the commitment's progress (default 1)."),
    )

    objects = MilestoneQuerySet.as_manager()

    panels = [
        FieldPanel("deliverable"),
        FieldPanel("responsible"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("due_date")]),
        FieldPanel("weight"),
    ]
    api_fields = [
        APIField("translation_key"),
        APIField("deliverable"),
        APIField("responsible", serializer=OrganisationSerializer()),
        APIField("start_date"),
        APIField("due_date"),
        APIField("status"),
        APIField("progress"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        # Children added in code rather than the admin may share a sort_order: pk breaks ties.
        ordering = ["sort_order", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.deliverable

    def clean(self):
        super().clean()
        if self.start_date and self.due_date and self.due_date < self.start_date:
            raise ValidationError({"due_date": _("The due date cannot be before the start date.")})

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def is_overdue(self, today: date) -> bool:
        return not self.is_closed and self.due_date is not None and self.due_date < today

    def days_overdue(self, today: date) -> int:
        return (today - self.due_date).days if self.is_overdue(today) else 0
