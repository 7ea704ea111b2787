"""Every public report of a plan as open data (CSV and JSON), with the keys that join it to the
plan's commitments and milestones in every language. The CSV's `commitment_key`,
`milestone_key`, `status`, `percent`, `narrative` and `reported_on` columns are also what the
bulk import of official progress reads."""

import csv
import io

from home.spreadsheets import spreadsheet_cell

from .models import ProgressReport

REPORT_COLUMNS = [
    "report_id",
    "plan_key",
    "commitment_key",
    "milestone_key",
    "kind",
    "organisation",
    "organisation_key",
    "status",
    "percent",
    "reported_on",
    "narrative",
    "language",
    "agrees_with_official",
    "corrects_report_id",
    "corrected",
    "evidence_url",
    "evidence_link",
    "published_at",
]


def report_records(plan_key, request=None, commitment_key=None) -> list[dict]:
    """Published reports of a plan (or of one commitment), oldest first, in one query."""
    from django.urls import reverse

    reports = ProgressReport.objects.published()
    if plan_key is not None:
        reports = reports.for_plan(plan_key)
    if commitment_key is not None:
        reports = reports.for_commitment(commitment_key)
    reports = reports.for_display().order_by("reported_on", "created_at", "pk")
    records = []
    for report in reports:
        evidence_url = None
        if report.evidence:
            path = reverse("monitoring:evidence", args=[report.pk])
            evidence_url = request.build_absolute_uri(path) if request else path
        records.append(
            {
                "report_id": report.pk,
                "plan_key": str(report.plan_key),
                "commitment_key": str(report.commitment_key),
                "milestone_key": str(report.target_key)
                if report.target_type == "milestone"
                else None,
                "kind": report.kind,
                "organisation": report.organisation.name if report.organisation else None,
                "organisation_key": str(report.organisation.translation_key)
                if report.organisation
                else None,
                "status": report.status,
                "percent": report.percent,
                "reported_on": report.reported_on.isoformat(),
                "narrative": report.narrative,
                "language": report.language,
                "agrees_with_official": report.agrees_with_official,
                "corrects_report_id": report.corrects_id,
                "corrected": report.is_corrected,
                "evidence_url": evidence_url,
                "evidence_link": report.evidence_link or None,
                "published_at": report.created_at.isoformat(),
            }
        )
    return records


def reports_csv(records: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(REPORT_COLUMNS)
    for record in records:
        writer.writerow([spreadsheet_cell(record.get(column)) for column in REPORT_COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")
