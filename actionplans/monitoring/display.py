"""What the public pages show of co-monitoring, in a fixed number of queries whatever the
number of reports and organisations: the council's position and each organisation's on every
item, disagreements, the history."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Subquery

from accounts.models import Organisation
from home.pagination import counted_page
from home.translations import field_in_locale
from pagecache import shared

from .models import Position, ProgressReport
from .models.reports import Kind
from .scales import disagrees

HISTORY_PAGE_SIZE = 25


def disagreement(assessment: ProgressReport, official: ProgressReport | None) -> bool:
    """Whether an organisation's assessment disagrees with the council's current report (an
    answer given about an older official report counts only by the statuses)."""
    if official is None:
        return False
    agrees = assessment.agrees_with_official
    if assessment.official_report_id != official.pk:
        agrees = None
    return disagrees(assessment.status, official.status, agrees)


def local_organisation_name(locale_id, path: str = "organisation__translation_key") -> Subquery:
    """The name of a row's organisation in ``locale_id``, read in the row's own query."""
    return field_in_locale(Organisation, path, locale_id)


@dataclass
class OrganisationPosition:
    """One accredited organisation's latest visible assessment of an item, and whether it
    disagrees with the council's current report."""

    report: ProgressReport
    organisation_name: str
    disagreement: bool = False


@dataclass
class Item:
    """A commitment or one of its milestones, with the council's current position and each
    organisation's (one per organisation, by name)."""

    key: object
    title: str
    is_commitment: bool
    milestone: object = None
    official: ProgressReport | None = None
    civil_society: list[OrganisationPosition] = field(default_factory=list)
    overdue_days: int = 0

    @property
    def disagreement(self) -> bool:
        return any(position.disagreement for position in self.civil_society)

    @property
    def rows(self) -> int:
        """Table rows the item takes: one per organisation, at least one."""
        return max(1, len(self.civil_society))

    @property
    def row_positions(self) -> list:
        """What each of those rows shows: an organisation's position, or None (no assessment)."""
        return self.civil_society or [None]


def voices(positions, locale_id) -> tuple[dict, dict]:
    """({target key: the council's report}, {target key: [OrganisationPosition]}) from a
    queryset of positions, in one query; organisations named in ``locale_id`` where
    translated, in the order of their names."""
    positions = (
        positions.filter(report__isnull=False)
        .select_related("report", "report__organisation")
        .annotate(
            local_name=local_organisation_name(locale_id, "report__organisation__translation_key")
        )
        .order_by()
    )
    official, civil_society = {}, {}
    for position in positions:
        if position.kind == Kind.OFFICIAL:
            official[position.target_key] = position.report
            continue
        report = position.report
        name = position.local_name or (report.organisation.name if report.organisation else "")
        civil_society.setdefault(position.target_key, []).append(OrganisationPosition(report, name))
    for key, assessments in civil_society.items():
        for position in assessments:
            position.disagreement = disagreement(position.report, official.get(key))
        assessments.sort(key=lambda p: (p.organisation_name.casefold(), p.report.pk))
    return official, civil_society


def commitment_items(commitment, milestones) -> list[Item]:
    official, civil_society = voices(
        Position.objects.filter(commitment_key=commitment.translation_key), commitment.locale_id
    )
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
        item.official = official.get(item.key)
        item.civil_society = civil_society.get(item.key, [])
    return items


def item_titles(commitment, milestones) -> dict[str, str]:
    """What each item of ``commitment_items`` is called, without reading the reports."""
    return {
        commitment.translation_key: commitment.title,
        **{milestone.translation_key: milestone.deliverable for milestone in milestones},
    }


def history(request, commitment, titles: dict[str, str], page_number) -> object:
    """The commitment's published reports, newest first, a page at a time, each labelled with
    the item it is about (``titles``, by target key) and its organisation named in the page's
    language. The same for every reader: kept in the shared cache for the current generation
    (``pagecache.shared.stored``); what each reader may do with a report is added by the
    caller."""

    def read() -> tuple[int, int, list]:
        reports = (
            ProgressReport.objects.published()
            .for_commitment(commitment.translation_key)
            .for_display()
            .annotate(local_name=local_organisation_name(commitment.locale_id))
        )
        page = counted_page(reports, HISTORY_PAGE_SIZE, page_number)
        return page.number, page.paginator.count, list(page.object_list)

    try:
        asked = int(page_number) if page_number is not None else 1
    except (TypeError, ValueError):
        asked = 1
    number, count, rows = shared.stored(
        request, "report-history", (commitment.translation_key, commitment.locale_id, asked), read
    )
    page = Paginator(range(count), HISTORY_PAGE_SIZE).page(number)
    page.object_list = rows
    for report in rows:
        report.item_title = titles.get(report.target_key, "")
    return page
