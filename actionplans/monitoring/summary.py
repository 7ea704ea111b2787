"""Each commitment's co-monitoring summary (``CommitmentSummary``), which the commitment
search's facets read instead of working it out from the positions for every result.

- civil society's status: the latest published, uncorrected assessment on the commitment or
  one of its milestones (the voices' ``Position`` rows, which the services recompute when a
  report is posted, hidden or corrected);
- disagreement: on the commitment or a milestone, civil society's position disagrees with the
  council's, by scales.py's table, as flagged on the commitment page.

``refresh(keys)`` rewrites the rows of some commitments from their positions; the services call
it wherever they recompute a position, and migration 0007 ran it for every commitment. The
functions take the models as arguments so that the migration can pass its historical ones."""

from collections.abc import Iterable

from django.apps import apps as global_apps
from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from .models.reports import Kind
from .scales import CONSISTENT

PUBLISHED = "published"  # ProgressReport.Visibility.PUBLISHED


def _models(apps=None):
    apps = apps or global_apps
    return apps.get_model("monitoring", "Position"), apps.get_model(
        "monitoring", "CommitmentSummary"
    )


def _positions(kind: str, apps=None) -> QuerySet:
    """Current positions of one voice that rest on a published report."""
    position, _summary = _models(apps)
    return position._default_manager.filter(
        kind=kind, report__isnull=False, report__visibility=PUBLISHED
    )


def disagreeing_positions(apps=None) -> QuerySet:
    """Civil-society positions that disagree with the council's position on the same item,
    the same rule as ``scales.disagrees``: an explicit "we do not agree" about the current
    official report, or a status outside the official statuses it is consistent with."""
    official = _positions(Kind.OFFICIAL, apps).filter(target_key=OuterRef("target_key"))
    consistent = ~Q(status__in=list(CONSISTENT))  # a status the table does not know
    for cso_status, official_statuses in CONSISTENT.items():
        consistent |= Q(status=cso_status, official_status__in=list(official_statuses))
    return (
        _positions(Kind.CIVIL_SOCIETY, apps)
        .annotate(
            official_status=Subquery(official.values("status")[:1]),
            official_report=Subquery(official.values("report_id")[:1]),
        )
        .filter(official_status__isnull=False)
        .exclude(official_status="")
        .filter(
            Q(report__agrees_with_official=False, report__official_report_id=F("official_report"))
            | ~consistent
        )
    )


def summaries(commitment_keys=None, apps=None) -> dict:
    """{commitment key: (civil society's status, disagreement)} for the commitments with
    either (all of them, or those of ``commitment_keys``), from the positions."""
    latest = _positions(Kind.CIVIL_SOCIETY, apps).order_by(
        "commitment_key", "-reported_on", "-report__created_at", "-report_id"
    )
    disagreeing = disagreeing_positions(apps)
    if commitment_keys is not None:
        latest = latest.filter(commitment_key__in=commitment_keys)
        disagreeing = disagreeing.filter(commitment_key__in=commitment_keys)
    found: dict = {}
    for key, status in latest.values_list("commitment_key", "status"):
        found.setdefault(key, (status, False))  # the first of each key is its latest
    for key in set(disagreeing.values_list("commitment_key", flat=True)):
        found[key] = (found.get(key, ("", False))[0], True)
    return {key: value for key, value in found.items() if value != ("", False)}


def refresh(commitment_keys: Iterable, apps=None) -> None:
    """Rewrite the summary rows of these commitments from their positions."""
    keys = set(commitment_keys)
    if not keys:
        return
    _position, summary = _models(apps)
    found = summaries(keys, apps)
    summary._default_manager.filter(commitment_key__in=keys - set(found)).delete()
    summary._default_manager.bulk_create(
        [
            summary(commitment_key=key, civil_society_status=status, disagreement=disagrees)
            for key, (status, disagrees) in found.items()
        ],
        update_conflicts=True,
        unique_fields=["commitment_key"],
        update_fields=["civil_society_status", "disagreement"],
    )


def refresh_all(apps=None) -> None:
    """Rebuild every row (a migration, or a repair)."""
    _position, summary = _models(apps)
    found = summaries(None, apps)
    summary._default_manager.all().delete()
    summary._default_manager.bulk_create(
        [
            summary(commitment_key=key, civil_society_status=status, disagreement=disagrees)
            for key, (status, disagrees) in found.items()
        ],
        batch_size=500,
    )
