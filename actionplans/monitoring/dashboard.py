"""A plan's monitoring dashboard: progress by commitment, each voice's status distribution,
overdue milestones, last updates and the latest reports. A fixed number of queries whatever the
number of commitments, milestones and reports."""

from dataclasses import dataclass, field
from datetime import date

from actionplans.models import CommitmentPage, Milestone
from actionplans.models.status import CLOSED_STATUSES
from actionplans.summary import ChartRow
from home.visibility import public_q

from .display import local_organisation_name, voices
from .models import Position, ProgressReport
from .scales import CivilSocietyStatus, OfficialStatus

LATEST_REPORTS = 10


@dataclass
class CommitmentRow:
    commitment: CommitmentPage
    official: ProgressReport | None = None
    civil_society: list = field(default_factory=list)  # each organisation's OrganisationPosition
    disagreements: int = 0
    overdue: int = 0
    last_update: date | None = None
    milestones: list = field(default_factory=list)


def _distribution(statuses: list[str], scale) -> list[ChartRow]:
    total = len(statuses)
    rows = []
    for choice in scale:
        count = statuses.count(choice.value)
        share = round(100 * count / total) if total else 0
        rows.append(ChartRow(key=choice.value, label=str(choice.label), count=count, share=share))
    return rows


def plan_dashboard(plan, today: date) -> dict:
    commitments = list(
        CommitmentPage.objects.child_of(plan).live().filter(public_q()).order_by("path")
    )
    milestones = list(
        Milestone.objects.filter(commitment__in=commitments).order_by(
            "commitment_id", "sort_order", "pk"
        )
    )
    official, civil_society = voices(
        Position.objects.filter(plan_key=plan.translation_key), plan.locale_id
    )
    rows = {c.pk: CommitmentRow(c) for c in commitments}
    for milestone in milestones:
        rows[milestone.commitment_id].milestones.append(milestone)
    overdue_items = []
    for row in rows.values():
        key = row.commitment.translation_key
        row.official = official.get(key)
        row.civil_society = civil_society.get(key, [])
        item_keys = [key] + [m.translation_key for m in row.milestones]
        dates = []
        for item_key in item_keys:
            council = official.get(item_key)
            organisations = civil_society.get(item_key, [])
            if council is not None:
                dates.append(council.reported_on)
            dates += [p.report.reported_on for p in organisations]
            row.disagreements += any(p.disagreement for p in organisations)
        row.last_update = max(dates, default=None)
        for milestone in row.milestones:
            if milestone.status not in CLOSED_STATUSES and milestone.due_date < today:
                row.overdue += 1
                milestone.overdue_days = (today - milestone.due_date).days
                overdue_items.append((row.commitment, milestone))
    official_statuses = [c.status for c in commitments]
    cso_statuses = [p.report.status for item in civil_society.values() for p in item]
    latest = list(
        ProgressReport.objects.published()
        .for_plan(plan.translation_key)
        .select_related("organisation")
        .annotate(local_name=local_organisation_name(plan.locale_id))
        .order_by("-created_at", "-pk")[:LATEST_REPORTS]
    )
    titles = {c.translation_key: c.title for c in commitments}
    titles.update({m.translation_key: m.deliverable for m in milestones})
    commitment_urls = {c.translation_key: c for c in commitments}
    for report in latest:
        report.item_title = titles.get(report.target_key, "")
        report.commitment_page = commitment_urls.get(report.commitment_key)
    return {
        "rows": list(rows.values()),
        "official_distribution": _distribution(official_statuses, OfficialStatus),
        "cso_distribution": _distribution(cso_statuses, CivilSocietyStatus),
        "cso_assessed": len(cso_statuses),
        "overdue_items": sorted(overdue_items, key=lambda pair: pair[1].due_date),
        "latest_reports": latest,
        "average_progress": round(sum(c.progress for c in commitments) / len(commitments))
        if commitments
        else 0,
    }
