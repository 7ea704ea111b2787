"""Posting progress reports (official or civil-society), correcting them, hiding them."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.text import clean_line, clean_multiline

from .. import evidence as evidence_rules
from .. import notifications, summary
from ..accreditation import accredited_organisations
from ..models import Position, ProgressReport
from ..models.reports import (
    HIDE_REASON_MAX_LENGTH,
    NARRATIVE_MAX_LENGTH,
    Kind,
    TargetType,
    position_organisation_key,
)
from ..progress import sync_commitment
from ..rules import can, plan_of
from ..scales import CivilSocietyStatus, OfficialStatus

# The same report by the same author within this time is a double submit, not a new report.
DUPLICATE_WINDOW = timedelta(minutes=10)

EARLIEST = date(2000, 1, 1)
PERMISSIONS = {
    Kind.OFFICIAL: "monitoring.add_official_report",
    Kind.CIVIL_SOCIETY: "monitoring.add_assessment",
}


def _check_percent(percent, required: bool):
    if percent in (None, ""):
        if required:
            raise ValidationError({"percent": _("Please give the progress as a percentage.")})
        return None
    try:
        value = int(percent)
    except (TypeError, ValueError):
        raise ValidationError({"percent": _("Enter a percentage between 0 and 100.")}) from None
    if not 0 <= value <= 100:
        raise ValidationError({"percent": _("Enter a percentage between 0 and 100.")})
    return value


def _check_date(reported_on, today: date) -> date:
    if not isinstance(reported_on, date):
        raise ValidationError({"reported_on": _("Please give the date of the report.")})
    if reported_on > today:
        raise ValidationError({"reported_on": _("The date cannot be in the future.")})
    if reported_on < EARLIEST:
        raise ValidationError({"reported_on": _("Please check the year of this date.")})
    return reported_on


def _check_link(link: str) -> str:
    link = (link or "").strip()
    if not link:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        raise ValidationError(
            {"evidence_link": _("Enter a full web address starting with https://.")}
        ) from None
    return link[:500]


def _target(commitment, milestone) -> tuple[str, object]:
    if milestone is None:
        return TargetType.COMMITMENT, commitment.translation_key
    if milestone.commitment.translation_key != commitment.translation_key:
        raise ValidationError(_("This milestone belongs to another commitment."))
    return TargetType.MILESTONE, milestone.translation_key


def current_position(target_key, kind) -> ProgressReport | None:
    """The council's current report on an item (``kind`` official; civil society has one
    position per organisation)."""
    position = Position.objects.filter(
        target_key=target_key, kind=kind, organisation_key__isnull=True
    ).first()
    return position.report if position and position.report_id else None


def post_report(
    *,
    user,
    commitment,
    kind: str,
    status: str,
    reported_on: date,
    milestone=None,
    percent=None,
    narrative: str = "",
    evidence=None,
    evidence_link: str = "",
    language: str,
    agrees_with_official: bool | None = None,
    corrects: ProgressReport | None = None,
    organisation=None,
) -> ProgressReport:
    """A new report on a commitment or one of its milestones (any language version)."""
    if kind not in PERMISSIONS:
        raise ValidationError(_("Unknown kind of report."))
    if not can(user, PERMISSIONS[kind], commitment):
        raise PermissionDenied
    official = kind == Kind.OFFICIAL
    scale = OfficialStatus if official else CivilSocietyStatus
    if status not in scale.values:
        raise ValidationError({"status": _("Please choose a status.")})
    target_type, target_key = _target(commitment, milestone)
    percent = _check_percent(percent, required=official)
    reported_on = _check_date(reported_on, timezone.localdate())
    narrative = clean_multiline(narrative)
    if len(narrative) > NARRATIVE_MAX_LENGTH:
        raise ValidationError(
            {
                "narrative": _("Please keep it under %(limit)s characters (it has %(count)s).")
                % {"limit": NARRATIVE_MAX_LENGTH, "count": len(narrative)}
            }
        )
    if not official and not narrative:
        raise ValidationError({"narrative": _("Please explain your assessment.")})
    evidence_link = _check_link(evidence_link)
    if evidence:
        try:
            evidence_rules.validate_upload(evidence)
        except ValidationError as error:
            raise ValidationError({"evidence": error.messages}) from None
    plan = plan_of(commitment)
    if official:
        organisation = commitment.lead_institution
        agrees_with_official = None
    else:
        allowed = {o.translation_key: o for o in accredited_organisations(user, plan)}
        if organisation is None and len(allowed) == 1:
            organisation = next(iter(allowed.values()))
        if organisation is None or organisation.translation_key not in allowed:
            raise PermissionDenied
    if corrects is not None:
        _check_correction(corrects, target_key, kind, organisation)
    with transaction.atomic():
        # One author's reports are serialised, so that a double submit (two clicks, a resent
        # form, at once or in a row) finds the first report and returns it: append-only, a
        # duplicate could never be taken back.
        get_user_model()._default_manager.select_for_update().filter(pk=user.pk).first()
        facts = {
            "author": user,
            "target_key": target_key,
            "kind": kind,
            "status": status,
            "percent": percent,
            "narrative": narrative,
            "reported_on": reported_on,
            "evidence_link": evidence_link,
            "evidence_name": clean_line(evidence.name)[-200:] if evidence else "",
            "agrees_with_official": agrees_with_official,
            "corrects": corrects,
        }
        existing = (
            ProgressReport.objects.filter(
                **facts,
                visibility=ProgressReport.Visibility.PUBLISHED,
                created_at__gte=timezone.now() - DUPLICATE_WINDOW,
            )
            .order_by("pk")
            .first()
        )
        if existing is not None:
            return existing
        report = ProgressReport(
            **facts,
            target_type=target_type,
            commitment_key=commitment.translation_key,
            plan_key=plan.translation_key,
            language=language,
            official_report=None if official else current_position(target_key, Kind.OFFICIAL),
            organisation=organisation,
        )
        if evidence:
            report.evidence.save(evidence.name, evidence, save=False)
        report.save()
        recompute_position(report)
        if official:
            sync_commitment(report.commitment_key)
        log(
            instance=report,
            action="monitoring.report.correct" if corrects else "monitoring.report.post",
            user=user,
            data={"kind": kind, "status": status, "target": str(target_key)},
        )
        notifications.enqueue_on_commit(notifications.report_published, report.pk)
    return report


def _check_correction(corrects: ProgressReport, target_key, kind: str, organisation) -> None:
    if corrects.target_key != target_key or corrects.kind != kind:
        raise ValidationError(_("A correction must be about the same item, by the same voice."))
    if kind == Kind.CIVIL_SOCIETY and (
        corrects.organisation is None
        or organisation is None
        or corrects.organisation.translation_key != organisation.translation_key
    ):
        raise PermissionDenied
    if corrects.corrections.filter(visibility=ProgressReport.Visibility.PUBLISHED).exists():
        raise ValidationError(_("This report has already been corrected: correct the correction."))


def recompute_position(report: ProgressReport) -> Position:
    """Make the item's position for this voice (for civil society, this report's organisation)
    its latest published, uncorrected report. The position row is locked first, so concurrent
    reports on one item queue here and the last one to commit sees every report."""
    organisation_key = position_organisation_key(report)
    identity = {
        "target_key": report.target_key,
        "kind": report.kind,
        "organisation_key": organisation_key,
    }
    fields = {
        "target_type": report.target_type,
        "commitment_key": report.commitment_key,
        "plan_key": report.plan_key,
    }
    position = Position.objects.select_for_update().filter(**identity).first()
    if position is None:
        try:
            with transaction.atomic():
                position = Position.objects.create(**identity, **fields)
        except IntegrityError:
            position = Position.objects.select_for_update().get(**identity)
    candidates = (
        ProgressReport.objects.published()
        .filter(target_key=report.target_key, kind=report.kind)
        .exclude(corrections__visibility=ProgressReport.Visibility.PUBLISHED)
    )
    if organisation_key is not None:
        candidates = candidates.filter(organisation__translation_key=organisation_key)
    latest = candidates.newest_first().first()
    position.report = latest
    position.status = latest.status if latest else ""
    position.percent = latest.percent if latest else None
    position.reported_on = latest.reported_on if latest else None
    position.updated_at = timezone.now()
    position.save()
    summary.refresh([report.commitment_key])
    return position


def hide_report(*, user, report: ProgressReport, reason: str) -> ProgressReport:
    """Hide a report from the public (kept, logged); its author is emailed the reason."""
    if not can(user, "monitoring.hide_report", report):
        raise PermissionDenied
    reason = clean_line(reason)[:HIDE_REASON_MAX_LENGTH]
    if not reason:
        raise ValidationError(_("Please give the reason for your decision: the author sees it."))
    with transaction.atomic():
        report = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if not report.is_visible:
            raise ValidationError(_("This report is already hidden."))
        report.visibility = ProgressReport.Visibility.HIDDEN
        report.hidden_reason = reason
        report.hidden_by = user
        report.hidden_at = timezone.now()
        report.save(update_fields=["visibility", "hidden_reason", "hidden_by", "hidden_at"])
        recompute_position(report)
        if report.is_official:
            sync_commitment(report.commitment_key)
        log(instance=report, action="monitoring.report.hide", user=user, data={"reason": reason})
        notifications.enqueue_on_commit(notifications.report_hidden, report.pk)
    return report
