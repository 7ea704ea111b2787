"""Co-monitoring facets on the commitment search (``/<lang>/search/commitments/``).

The council's official status is the commitment search's own "status" facet: it reads the
commitment's status column, which co-monitoring keeps as the cache of the official truth (see
progress.py), so it is not declared twice. Added here:

- ``civil_society``: civil society's status of the commitment, the latest published,
  uncorrected assessment on the commitment or one of its milestones (the voices' ``Position``
  rows, which the services recompute when a report is hidden or corrected);
- ``disagreement``: commitments where, on the commitment or a milestone, civil society's position
  disagrees with the council's, by scales.py's table, as flagged on the commitment page.

Each filter and each count is one query whatever the number of commitments and reports."""

from collections.abc import Sequence

from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils.translation import pgettext_lazy

from search.facets import count_by
from search.registry import FacetSpec, add_facet

from .models import Position, ProgressReport
from .models.reports import Kind
from .scales import CONSISTENT, CivilSocietyStatus

SEARCH = "commitments"
DISAGREE = "yes"
DISAGREEMENT_CHOICES = {DISAGREE: pgettext_lazy("search facet", "Civil society disagrees")}


def _positions(kind: str) -> QuerySet:
    """Current positions of one voice that rest on a published report."""
    return Position.objects.filter(
        kind=kind,
        report__isnull=False,
        report__visibility=ProgressReport.Visibility.PUBLISHED,
    )


def _latest_cso_status() -> Subquery:
    latest = (
        _positions(Kind.CIVIL_SOCIETY)
        .filter(commitment_key=OuterRef("translation_key"))
        .order_by("-reported_on", "-report__created_at", "-report_id")
    )
    return Subquery(latest.values("status")[:1])


def _filter_civil_society(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
    return queryset.alias(_cso_status_filter=_latest_cso_status()).filter(
        _cso_status_filter__in=values
    )


def _count_civil_society(queryset: QuerySet, selected: Sequence[str], language_code: str):
    counted = queryset.annotate(cso_status=_latest_cso_status())
    return count_by(counted, "cso_status"), dict(CivilSocietyStatus.choices)


def disagreeing_positions() -> QuerySet:
    """Civil-society positions that disagree with the council's position on the same item,
    the same rule as ``scales.disagrees``: an explicit "we do not agree" about the current
    official report, or a status outside the official statuses it is consistent with."""
    official = _positions(Kind.OFFICIAL).filter(target_key=OuterRef("target_key"))
    consistent = ~Q(status__in=list(CONSISTENT))  # a status the table does not know
    for cso_status, official_statuses in CONSISTENT.items():
        consistent |= Q(status=cso_status, official_status__in=list(official_statuses))
    return (
        _positions(Kind.CIVIL_SOCIETY)
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


def _disagrees() -> Exists:
    return Exists(disagreeing_positions().filter(commitment_key=OuterRef("translation_key")))


def _disagreement_value() -> Case:
    return Case(When(_disagrees(), then=Value(DISAGREE)), default=None, output_field=CharField())


def _filter_disagreement(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
    return queryset.filter(_disagrees())


def _count_disagreement(queryset: QuerySet, selected: Sequence[str], language_code: str):
    count = queryset.filter(_disagrees()).order_by().count()
    return ({DISAGREE: count} if count else {}), DISAGREEMENT_CHOICES


def facets() -> list[FacetSpec]:
    return [
        FacetSpec(
            "civil_society",  # the query parameter: ?civil_society=off_track
            pgettext_lazy("search facet", "Civil-society status"),
            filter=_filter_civil_society,
            count=_count_civil_society,
            accepts=lambda value: value in CivilSocietyStatus.values,
            value=_latest_cso_status,
            choices=dict(CivilSocietyStatus.choices),
        ),
        FacetSpec(
            "disagreement",  # ?disagreement=yes
            pgettext_lazy("search facet", "Civil society and the council"),
            filter=_filter_disagreement,
            count=_count_disagreement,
            accepts=lambda value: value == DISAGREE,
            value=_disagreement_value,
            choices=DISAGREEMENT_CHOICES,
        ),
    ]


def register() -> None:
    for spec in facets():
        add_facet(SEARCH, spec)
