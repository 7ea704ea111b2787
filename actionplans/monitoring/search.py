"""Co-monitoring facets on the commitment search (``/<lang>/search/commitments/``).

The council's official status is the commitment search's own "status" facet: it reads the
commitment's status column, which co-monitoring keeps as the cache of the official truth (see
progress.py), so it is not declared twice. Added here:

- ``civil_society``: civil society's status of the commitment, the latest published,
  uncorrected assessment on the commitment or one of its milestones;
- ``disagreement``: commitments where, on the commitment or a milestone, civil society's position
  disagrees with the council's, by scales.py's table, as flagged on the commitment page.

Both read each commitment's ``CommitmentSummary`` row (summary.py has the rules and keeps the
rows), through subqueries that do not depend on the result (``translation_key IN (the keys
with this status)``), read into the search's facet table (search/table.py) rather than
working out the latest position per result; a ticked facet's filter is one query whatever the
number of commitments and reports."""

from collections.abc import Sequence

from django.db.models import QuerySet
from django.utils.translation import pgettext_lazy

from search.facets import value_by_key
from search.registry import FacetSpec, add_facet

from .models import CommitmentSummary
from .scales import CivilSocietyStatus

SEARCH = "commitments"
DISAGREE = "yes"
DISAGREEMENT_CHOICES = {DISAGREE: pgettext_lazy("search facet", "Civil society disagrees")}


def _keys(**conditions) -> QuerySet:
    return CommitmentSummary.objects.filter(**conditions).values("commitment_key")


def _cso_status():
    return value_by_key(CommitmentSummary, "civil_society_status", CivilSocietyStatus.values)


def _filter_civil_society(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
    return queryset.filter(translation_key__in=_keys(civil_society_status__in=values))


def _disagreement_value():
    return value_by_key(CommitmentSummary, "disagreement", [True], to=lambda _value: DISAGREE)


def _filter_disagreement(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
    return queryset.filter(translation_key__in=_keys(disagreement=True))


def facets() -> list[FacetSpec]:
    return [
        FacetSpec(
            "civil_society",  # the query parameter: ?civil_society=off_track
            pgettext_lazy("search facet", "Civil-society status"),
            filter=_filter_civil_society,
            accepts=lambda value: value in CivilSocietyStatus.values,
            value=_cso_status,
            choices=dict(CivilSocietyStatus.choices),
        ),
        FacetSpec(
            "disagreement",  # ?disagreement=yes
            pgettext_lazy("search facet", "Civil society and the council"),
            filter=_filter_disagreement,
            accepts=lambda value: value == DISAGREE,
            value=_disagreement_value,
            choices=DISAGREEMENT_CHOICES,
        ),
    ]


def register() -> None:
    for spec in facets():
        add_facet(SEARCH, spec)
