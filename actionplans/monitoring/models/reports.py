"""Progress reports: the council's official reports and civil society's assessments.

Append-only: a report is never edited or deleted. A correction is a new report that points to
the one it corrects (which then no longer counts as a position); moderators may hide a report
with a reason (kept, logged, the author told). Reports are keyed by the translation key of the
milestone or commitment they are about, so every language version shows the same history.

`Position` holds, per item and voice (and for civil society, per organisation), the report that
is the current position: the service recomputes it inside the writing transaction (row locked),
so pages read one row per item and organisation."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import private_author_fields

from ..scales import CivilSocietyStatus, OfficialStatus

NARRATIVE_MAX_LENGTH = 5000
HIDE_REASON_MAX_LENGTH = 500


def evidence_path(instance, filename: str) -> str:
    # A random name: the uploader's file name is kept separately, never used as a path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"monitoring/evidence/{uuid.uuid4().hex}.{extension}"


class Kind(models.TextChoices):
    OFFICIAL = "official", _("Official report")
    CIVIL_SOCIETY = "civil_society", _("Civil-society assessment")


class TargetType(models.TextChoices):
    COMMITMENT = "commitment", _("Commitment")
    MILESTONE = "milestone", _("Milestone")


STATUS_CHOICES = [
    *OfficialStatus.choices,
    *CivilSocietyStatus.choices,
]


class ReportQuerySet(models.QuerySet):
    def published(self) -> "ReportQuerySet":
        return self.filter(visibility=ProgressReport.Visibility.PUBLISHED)

    def for_commitment(self, key) -> "ReportQuerySet":
        return self.filter(commitment_key=key)

    def for_plan(self, key) -> "ReportQuerySet":
        return self.filter(plan_key=key)

    def for_display(self) -> "ReportQuerySet":
        corrections = ProgressReport.objects.filter(
            corrects=OuterRef("pk"), visibility=ProgressReport.Visibility.PUBLISHED
        )
        return (
            self.select_related("author", "organisation", "corrects")
            .defer(*private_author_fields())
            .annotate(is_corrected=Exists(corrections))
            .order_by("-reported_on", "-created_at", "-pk")
        )

    def newest_first(self) -> "ReportQuerySet":
        return self.order_by("-reported_on", "-created_at", "-pk")


class ProgressReport(models.Model):
    Kind = Kind
    TargetType = TargetType

    class Visibility(models.TextChoices):
        PUBLISHED = "published", _("Published")
        HIDDEN = "hidden", _("Hidden by a moderator")

    target_key = models.UUIDField(db_index=True)
    target_type = models.CharField(max_length=20, choices=TargetType.choices)
    commitment_key = models.UUIDField(db_index=True)
    plan_key = models.UUIDField(db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES)
    percent = models.PositiveSmallIntegerField(
        _("progress (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    narrative = models.TextField(_("narrative"), max_length=NARRATIVE_MAX_LENGTH, blank=True)
    reported_on = models.DateField(_("date"))
    evidence = models.FileField(_("evidence document"), upload_to=evidence_path, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=10)
    agrees_with_official = models.BooleanField(
        _("agrees with the latest official report"), null=True, blank=True
    )
    official_report = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assessments",
        help_text="The official report that was the latest when this assessment was written.",
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.PUBLISHED
    )
    hidden_reason = models.CharField(max_length=HIDE_REASON_MAX_LENGTH, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-reported_on", "-created_at", "-pk"]
        indexes = [models.Index(fields=["plan_key", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reported_on}"

    @property
    def is_official(self) -> bool:
        return self.kind == Kind.OFFICIAL

    @property
    def is_visible(self) -> bool:
        return self.visibility == self.Visibility.PUBLISHED

    @property
    def status_label(self) -> str:
        from ..scales import label

        return label(self.kind, self.status)


class Position(models.Model):
    """The current position of one voice on one item: its latest published, uncorrected
    report. The council has one position per item; civil society one per organisation
    (``organisation_key``, the organisation's translation key), so an organisation's latest
    assessment is never hidden by another's. Written only by the services, in the same
    transaction as the report."""

    target_key = models.UUIDField()
    target_type = models.CharField(max_length=20, choices=TargetType.choices)
    commitment_key = models.UUIDField(db_index=True)
    plan_key = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    organisation_key = models.UUIDField(null=True, blank=True)
    report = models.ForeignKey(
        ProgressReport, null=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, blank=True)
    percent = models.PositiveSmallIntegerField(null=True, blank=True)
    reported_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["target_key", "kind"],
                condition=models.Q(organisation_key__isnull=True),
                name="one_council_position",
            ),
            models.UniqueConstraint(
                fields=["target_key", "kind", "organisation_key"],
                condition=models.Q(organisation_key__isnull=False),
                name="one_position_per_organisation",
            ),
        ]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.target_key}: {self.status}"


def position_organisation_key(report: ProgressReport):
    """The organisation a report's position belongs to: none for the council (one voice)."""
    if report.kind == Kind.OFFICIAL or report.organisation_id is None:
        return None
    return report.organisation.translation_key
