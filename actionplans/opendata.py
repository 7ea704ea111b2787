"""A plan's commitments and milestones as open data: one nested JSON document, or a CSV table
with one row per milestone. Column names follow the OGP commitment template; translation keys
let reusers join the language versions of the same commitment or milestone."""

import csv
import io
from datetime import date

from django.utils.text import slugify

from home.spreadsheets import spreadsheet_cell
from home.translations import localized

from .models import ActionPlanPage, CommitmentPage
from .monitoring.opendata import report_records as monitoring_reports
from .organisations import organisations_in

LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}

CSV_COLUMNS = [
    "plan_code",
    "plan_title",
    "commitment_code",
    "commitment_title",
    "problem",
    "objective",
    "expected_results",
    "lead_institution",
    "partners",
    "ogp_values",
    "themes",
    "commitment_start",
    "commitment_end",
    "budget",
    "budget_currency",
    "commitment_status",
    "commitment_progress",
    "milestone_number",
    "milestone_deliverable",
    "milestone_responsible",
    "milestone_start",
    "milestone_due",
    "milestone_status",
    "milestone_progress",
    "milestone_overdue",
    "language",
    "commitment_url",
    "commitment_key",
    "milestone_key",
]
LIST_SEPARATOR = "; "


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _organisation(organisation) -> dict | None:
    if organisation is None:
        return None
    return {"name": organisation.name, "key": str(organisation.translation_key)}


def plan_dataset(plan: ActionPlanPage, request, today: date) -> dict:
    """Everything published about the plan's commitments, in a fixed number of queries."""
    language = plan.locale.language_code
    commitments = list(
        CommitmentPage.objects.child_of(plan).live().public().for_listing().order_by("path")
    )
    organisations = []
    for commitment in commitments:
        organisations.append(commitment.lead_institution)
        organisations.extend(commitment.partners.all())
        organisations.extend(m.responsible for m in commitment.milestones.all())
    found = organisations_in(organisations, plan.locale_id)
    records = []
    for commitment in commitments:
        lead = localized(found, commitment.lead_institution)
        partners = [localized(found, partner) for partner in commitment.partners.all()]
        milestones = []
        for milestone in commitment.milestones.all():
            milestones.append(
                {
                    "milestone_key": str(milestone.translation_key),
                    "deliverable": milestone.deliverable,
                    "responsible": _organisation(localized(found, milestone.responsible)),
                    "start_date": _iso(milestone.start_date),
                    "due_date": _iso(milestone.due_date),
                    "status": milestone.status,
                    "progress": milestone.progress,
                    "overdue": milestone.is_overdue(today),
                }
            )
        records.append(
            {
                "commitment_key": str(commitment.translation_key),
                "code": commitment.code,
                "title": commitment.title,
                "url": commitment.get_full_url(request),
                "problem": commitment.problem,
                "objective": commitment.objective,
                "expected_results": commitment.expected_results,
                "lead_institution": _organisation(lead),
                "contact_name": commitment.contact_name,
                "contact_email": commitment.contact_email,
                "partners": [_organisation(partner) for partner in partners],
                "ogp_values": [value.code for value in commitment.ogp_values.all()],
                "themes": sorted(tag.name for tag in commitment.tags.all()),
                "start_date": _iso(commitment.start_date),
                "end_date": _iso(commitment.end_date),
                "budget": str(commitment.budget) if commitment.budget is not None else None,
                "budget_currency": commitment.budget_currency or None,
                "status": commitment.status,
                "progress": commitment.progress,
                "milestones": milestones,
            }
        )
    current = plan.current_phase(today)
    return {
        "plan": {
            "plan_key": str(plan.translation_key),
            "code": plan.code,
            "title": plan.title,
            "url": plan.get_full_url(request),
            "language": language,
            "framework": plan.framework,
            "period_start": _iso(plan.period_start),
            "period_end": _iso(plan.period_end),
            "current_phase": current.kind if current else None,
            "adoption_session": plan.adoption_session,
            "adoption_date": _iso(plan.adoption_date),
            "adoption_reference": plan.adoption_reference,
        },
        "licence": LICENCE,
        "generated_on": today.isoformat(),
        "commitments": records,
        # Every public progress report (official and civil-society), joined by the keys above.
        "progress_reports": monitoring_reports(plan.translation_key, request),
    }


def csv_rows(dataset: dict) -> list[list[str]]:
    """One row per milestone; a commitment without milestones still gets one row."""
    plan = dataset["plan"]
    rows = [CSV_COLUMNS]
    for commitment in dataset["commitments"]:
        lead = commitment["lead_institution"]
        base = {
            "plan_code": plan["code"],
            "plan_title": plan["title"],
            "commitment_code": commitment["code"],
            "commitment_title": commitment["title"],
            "problem": commitment["problem"],
            "objective": commitment["objective"],
            "expected_results": commitment["expected_results"],
            "lead_institution": lead["name"] if lead else None,
            "partners": LIST_SEPARATOR.join(p["name"] for p in commitment["partners"]),
            "ogp_values": LIST_SEPARATOR.join(commitment["ogp_values"]),
            "themes": LIST_SEPARATOR.join(commitment["themes"]),
            "commitment_start": commitment["start_date"],
            "commitment_end": commitment["end_date"],
            "budget": commitment["budget"],
            "budget_currency": commitment["budget_currency"],
            "commitment_status": commitment["status"],
            "commitment_progress": commitment["progress"],
            "language": plan["language"],
            "commitment_url": commitment["url"],
            "commitment_key": commitment["commitment_key"],
        }
        for number, milestone in enumerate(commitment["milestones"] or [None], start=1):
            row = dict(base)
            if milestone is not None:
                responsible = milestone["responsible"]
                row.update(
                    {
                        "milestone_number": number,
                        "milestone_deliverable": milestone["deliverable"],
                        "milestone_responsible": responsible["name"] if responsible else None,
                        "milestone_start": milestone["start_date"],
                        "milestone_due": milestone["due_date"],
                        "milestone_status": milestone["status"],
                        "milestone_progress": milestone["progress"],
                        "milestone_overdue": milestone["overdue"],
                        "milestone_key": milestone["milestone_key"],
                    }
                )
            rows.append([spreadsheet_cell(row.get(column)) for column in CSV_COLUMNS])
    return rows


def csv_bytes(dataset: dict) -> bytes:
    """UTF-8 with a byte-order mark, so that spreadsheets open Arabic and Dari text intact."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(csv_rows(dataset))
    return buffer.getvalue().encode("utf-8-sig")


def filename(plan: ActionPlanPage, extension: str) -> str:
    """An ASCII file name (Content-Disposition is not reliably read beyond ASCII)."""
    stem = slugify(plan.code) or f"action-plan-{plan.pk}"
    return f"{stem}-{slugify(plan.locale.language_code)}-commitments.{extension}"
