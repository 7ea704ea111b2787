"""Running a registered faceted search: text ranked by the search backend, combined with the
facet filters applied by the ORM, the same way on every backend."""

from dataclasses import dataclass

from django.db.models import QuerySet, Subquery
from wagtail.search.backends import get_search_backend

from search import registry
from search.backends.database import DatabaseSearchMixin
from search.facets import Facet, compute_facets, filter_by
from search.registry import FacetedSearch
from search.scopes import Filters, Scopes


@dataclass
class Found:
    results: QuerySet | object  # a queryset, or results whose number is known (Counted)
    facets: list[Facet]


class Counted:
    """Results whose number is known already (the facets needed the ids): a paginator asks
    ``count()`` without the database counting the matches again."""

    def __init__(self, results, count: int):
        self._results = results
        self._count = count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, key):
        return self._results[key]

    def __iter__(self):
        return iter(self._results)


def _ranked(search: FacetedSearch, scopes: Scopes, query: str, filters: Filters):
    backend = get_search_backend()
    if isinstance(backend, DatabaseSearchMixin):
        # The results are known already (the facets needed them): rank only those.
        scope = scopes.results()
    else:
        active = [spec for spec in search.specs if filters.get(spec.name)]
        scope = scopes.base
        if all(spec.search_filter for spec in active):
            # Plain FilterField lookups: the backend applies them itself.
            for spec in active:
                scope = spec.search_filter(scope, filters[spec.name])
        else:
            narrowed = filter_by(search, scopes.base, filters).order_by().values("id")
            scope = scope.filter(id__in=Subquery(narrowed))
    return scope.select_related("locale").search(query, operator="and")


def _matching_ids(query: str, base: QuerySet):
    backend = get_search_backend()
    if hasattr(backend, "matching_ids"):
        return backend.matching_ids(query, base)
    # A backend without normalisation (not ours): fetch the matches.
    return [obj.pk for obj in base.search(query, operator="and", order_by_relevance=False)]


def run(search: FacetedSearch | str, query: str, filters: Filters, *, language_code: str) -> Found:
    """Results and facets of ``search`` for a text ``query`` (may be empty) and ``filters``
    (facet name -> values, defaults already applied)."""
    if isinstance(search, str):
        search = registry.get(search)
    database = isinstance(get_search_backend(), DatabaseSearchMixin)
    if database:
        # The matches are crossed with the facet table, which holds only what ``base`` holds:
        # ``base`` is built only if the table is read (Wagtail's public() costs a query).
        scopes = Scopes(search, search.queryset, filters)
        if query:
            scopes.matching = _matching_ids(query, search.model._default_manager.all())
    else:
        base = search.queryset()
        scopes = Scopes(search, base, filters, _matching_ids(query, base) if query else None)
    facets = compute_facets(search, None, filters, language_code=language_code, scopes=scopes)
    if query:
        results = _ranked(search, scopes, query, filters)
        if database:
            results = Counted(results, len(scopes.ids()))
    else:
        results = scopes.results().select_related("locale").order_by(*search.order_by)
        if scopes.active:  # the facets fetched the results' ids: no query to count them
            results = Counted(results, len(scopes.ids()))
    return Found(results=results, facets=facets)
