"""Co-evaluation facets on the commitment search (``/<lang>/search/commitments/``): the IRM
completion and early-results ("did it open government?") ratings of the commitment's latest
published independent assessment.

Only published rounds count, and only submitted, current versions (never drafts, never a
version a revision replaced): a facet count must not tell a visitor a rating the results pages
do not show yet. The assessment read is the one a round's results page shows as the
evaluators' (the latest submitted), from the most recently published round that assessed the
commitment. Each filter and each count is one query whatever the number of rounds."""

from collections.abc import Sequence

from django.db.models import OuterRef, QuerySet, Subquery, TextChoices
from django.utils.translation import pgettext_lazy

from search.facets import count_by
from search.registry import FacetSpec, add_facet

from .models import Assessment, EvaluationRound
from .scales import Completion, EarlyResults

SEARCH = "commitments"


def published_assessments() -> QuerySet:
    """Independent evaluators' current assessments in published rounds, latest first."""
    return (
        Assessment.objects.current()
        .filter(kind=Assessment.Kind.EVALUATOR, round__state=EvaluationRound.State.PUBLISHED)
        .order_by("-round__published_at", "-round__starts_on", "-submitted_at", "-pk")
    )


def _latest(field: str) -> Subquery:
    latest = published_assessments().filter(commitment_key=OuterRef("translation_key"))
    return Subquery(latest.values(field)[:1])


def rating_facet(name: str, label, field: str, scale: type[TextChoices]) -> FacetSpec:
    alias = f"_{name}_filter"

    def filter_(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
        return queryset.alias(**{alias: _latest(field)}).filter(**{f"{alias}__in": values})

    def count(queryset: QuerySet, selected: Sequence[str], language_code: str):
        counted = queryset.annotate(**{f"{name}_rating": _latest(field)})
        counts = count_by(counted, f"{name}_rating")
        return {value: n for value, n in counts.items() if value}, dict(scale.choices)

    return FacetSpec(
        name,
        label,
        filter=filter_,
        count=count,
        accepts=lambda value: value in scale.values,
        value=lambda: _latest(field),
        choices=dict(scale.choices),
    )


def facets() -> list[FacetSpec]:
    return [
        rating_facet(
            "completion",  # ?completion=substantial
            pgettext_lazy("search facet", "Completion (evaluation)"),
            "completion",
            Completion,
        ),
        rating_facet(
            "early_results",  # ?early_results=major
            pgettext_lazy("search facet", "Did it open government? (evaluation)"),
            "early_results",
            EarlyResults,
        ),
    ]


def register() -> None:
    for spec in facets():
        add_facet(SEARCH, spec)
