"""Co-evaluation facets on the commitment search (``/<lang>/search/commitments/``): the IRM
completion and early-results ("did it open government?") ratings of the commitment's latest
published independent assessment.

Only published rounds count, and only submitted, current versions (never drafts, never a
version a revision replaced): a facet count must not tell a visitor a rating the results pages
do not show yet. Both facets read each commitment's ``CommitmentRating`` row (ratings.py has
the rule and keeps the rows), through subqueries that do not depend on the result
(``translation_key IN (the keys with this rating)``), read into the search's facet table
(search/table.py); a ticked facet's filter is one query whatever the number of rounds."""

from collections.abc import Sequence

from django.db.models import QuerySet, TextChoices
from django.utils.translation import pgettext_lazy

from search.facets import value_by_key
from search.registry import FacetSpec, add_facet

from .models import CommitmentRating
from .scales import Completion, EarlyResults

SEARCH = "commitments"


def _keys(**conditions) -> QuerySet:
    return CommitmentRating.objects.filter(**conditions).values("commitment_key")


def _rating(field: str, scale: type[TextChoices]):
    return value_by_key(CommitmentRating, field, scale.values)


def rating_facet(name: str, label, field: str, scale: type[TextChoices]) -> FacetSpec:
    def filter_(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
        return queryset.filter(translation_key__in=_keys(**{f"{field}__in": values}))

    return FacetSpec(
        name,
        label,
        filter=filter_,
        accepts=lambda value: value in scale.values,
        value=lambda: _rating(field, scale),
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
