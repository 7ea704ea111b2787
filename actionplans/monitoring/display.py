"""What the public pages show of co-monitoring, in a fixed number of queries whatever the
number of reports: the two voices' positions per item, disagreements, the history."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator

from .models import Position, ProgressReport
from .models.reports import Kind
from .scales import disagrees

HISTORY_PAGE_SIZE = 25


@dataclass
class Item:
    """A commitment or one of its milestones, with both voices' current positions."""

    key: object
    title: str
    is_commitment: bool
    milestone: object = None
    official: ProgressReport | None = None
    civil_society: ProgressReport | None = None
    overdue_days: int = 0
    reports: list = field(default_factory=list)

    @property
    def disagreement(self) -> bool:
        if self.official is None or self.civil_society is None:
            return False
        agrees = self.civil_society.agrees_with_official
        if self.civil_society.official_report_id != self.official.pk:
            agrees = None  # the organisation answered about an older official report
        return disagrees(self.civil_society.status, self.official.status, agrees)


def positions_for(commitment_keys) -> dict:
    """{(target_key, kind): report} for the given commitments, in one query."""
    positions = (
        Position.objects.filter(commitment_key__in=list(commitment_keys), report__isnull=False)
        .select_related("report", "report__organisation", "report__author")
        .order_by()
    )
    return {(p.target_key, p.kind): p.report for p in positions}


def commitment_items(commitment, milestones) -> list[Item]:
    positions = positions_for([commitment.translation_key])
    items = [Item(commitment.translation_key, commitment.title, True)]
    for milestone in milestones:
        items.append(
            Item(
                milestone.translation_key,
                milestone.deliverable,
                False,
                milestone=milestone,
                overdue_days=getattr(milestone, "overdue_days", 0),
            )
        )
    for item in items:
        item.official = positions.get((item.key, Kind.OFFICIAL))
        item.civil_society = positions.get((item.key, Kind.CIVIL_SOCIETY))
    return items


def history(commitment, items: list[Item], page_number) -> object:
    """The commitment's published reports, newest first, a page at a time, each labelled with
    the item it is about."""
    titles = {item.key: item.title for item in items}
    reports = (
        ProgressReport.objects.published().for_commitment(commitment.translation_key).for_display()
    )
    page = Paginator(reports, HISTORY_PAGE_SIZE).get_page(page_number)
    for report in page.object_list:
        report.item_title = titles.get(report.target_key, "")
    return page
