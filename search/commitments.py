"""Commitment search: text (ranked by the search backend) combined with facet filters (applied
by the ORM), the same way on every backend."""

from dataclasses import dataclass

from django.db.models import QuerySet, Subquery
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from actionplans.models import CommitmentPage
from search.facets import Facet, compute_facets, filter_commitments

# Facets whose filter is a plain FilterField lookup that every backend can apply itself;
# the others reach the backend as an id subquery.
_BACKEND_FILTERS = {"status", "language"}


@dataclass
class CommitmentSearch:
    results: QuerySet | object  # a queryset, or the backend's ranked search results
    facets: list[Facet]


def searchable_commitments() -> QuerySet:
    # public() reads the view restrictions once, here: reuse the queryset, do not rebuild it.
    return CommitmentPage.objects.live().public()


def _ranked(base: QuerySet, query: str, filters: dict[str, list[str]]):
    scope = base
    if any(filters.get(name) for name in filters if name not in _BACKEND_FILTERS):
        scope = scope.filter(
            id__in=Subquery(filter_commitments(base, filters).order_by().values("id"))
        )
    else:
        if filters.get("status"):
            scope = scope.filter(status__in=filters["status"])
        if filters.get("language"):
            locales = Locale.objects.filter(language_code__in=filters["language"]).values("id")
            scope = scope.filter(locale__in=Subquery(locales))
    return scope.select_related("locale").search(query, operator="and")


def _matching_ids(query: str, base: QuerySet):
    backend = get_search_backend()
    if hasattr(backend, "matching_ids"):
        return backend.matching_ids(query, base)
    # A backend without normalisation (not ours): fetch the matches.
    return [page.pk for page in base.search(query, operator="and", order_by_relevance=False)]


def search_commitments(
    query: str, filters: dict[str, list[str]], *, language_code: str
) -> CommitmentSearch:
    base = searchable_commitments()
    if query:
        results = _ranked(base, query, filters)
        matching = _matching_ids(query, base)
    else:
        results = filter_commitments(base, filters).select_related("locale").order_by("path")
        matching = None
    facets = compute_facets(base, filters, language_code=language_code, matching_ids=matching)
    return CommitmentSearch(results=results, facets=facets)
