"""Wagtail's database search backend (SQLite FTS5 or PostgreSQL full text), normalising every
indexed text value and every query with search.normalise.

Like ``wagtail.search.backends.database``, ``SearchBackend(params)`` picks the implementation
for the default database. PostgreSQL uses the ``simple`` text search configuration unless
``SEARCH_CONFIG`` says otherwise: the index holds several languages at once, and an English or
Arabic stemmer applied to all of them does more harm than good once spellings are normalised.
"""

import functools
import logging
import types

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connection, connections
from django.db.models import Case, F, FloatField, QuerySet, Value, When
from modelsearch.backends.database import SearchBackend as UpstreamSearchBackend

from search.idlists import PositionIn, orders_by_position

from .query import NormalisingQueryMixin

logger = logging.getLogger(__name__)


def _global_names(code: types.CodeType) -> set[str]:
    """Names a function's code (and its comprehensions') may read from globals."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _global_names(const)
    return names


def with_indexer(add_items, indexer_class):
    """Upstream's ``Index.add_items``, building ``indexer_class`` where it builds the module's
    ``ObjectIndexer``. The database indexes construct that class by its module-level name and
    offer no hook to choose another; rebinding the name keeps upstream's insert/update logic
    instead of a copy of it that would drift."""
    if "ObjectIndexer" not in _global_names(add_items.__code__):
        raise ImproperlyConfigured(
            f"{add_items.__qualname__} no longer builds an ObjectIndexer: search.backends."
            "database must be updated for this version of modelsearch."
        )
    namespace = {**add_items.__globals__, "ObjectIndexer": indexer_class}
    return types.FunctionType(
        add_items.__code__,
        namespace,
        add_items.__name__,
        add_items.__defaults__,
        add_items.__closure__,
    )


def cursor_rows(queryset: QuerySet) -> list[tuple]:
    """The rows of a ``values_list`` of text and numbers read from the cursor: thousands of
    scores, where the ORM's per-row work (converters that change nothing here) cost more than
    the query."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _unfiltered(queryset: QuerySet) -> QuerySet:
    """Rows of ``queryset``'s model read as ``queryset`` reads them (its related rows, deferred
    fields and kind of result) but without its conditions."""
    fresh = queryset.model._default_manager.all()
    fresh.query.select_related = queryset.query.select_related
    fresh.query.deferred_loading = queryset.query.deferred_loading
    fresh._iterable_class = queryset._iterable_class
    return fresh


def ranked_page(queryset: QuerySet, page: list, scores: dict, score_field=None) -> QuerySet:
    """``queryset``'s rows of ``page`` (primary keys, best first) in that order, with their
    score as ``score_field`` if asked for: a page of results ranked without the model's rows.
    The page was ranked among ``queryset``'s rows, so its conditions are not tested again: a
    search's scope can be thousands of ids (search/idlists.py), and PostgreSQL tested each of
    them again to fetch twenty rows (7 of a text search's 11 ms in that query)."""
    if not page:
        return queryset.none()
    if orders_by_position(queryset):
        position = PositionIn(F("pk"), page)
    else:
        position = Case(*[When(pk=pk, then=Value(n)) for n, pk in enumerate(page)])
    queryset = _unfiltered(queryset).filter(pk__in=page)
    if score_field is not None:
        score_of = Case(
            *[When(pk=pk, then=Value(scores.get(pk, 0.0))) for pk in page],
            output_field=FloatField(),
        )
        queryset = queryset.annotate(**{score_field: score_of})
    return queryset.order_by(position)


class DatabaseSearchMixin(NormalisingQueryMixin):
    def matching_ids(self, query, queryset, operator="and"):
        """Page ids of ``queryset`` matching ``query``: a flat subquery, for ``id__in`` or read
        as ids (the facet scopes cross it with the facet table)."""
        results = self.search(query, queryset, operator=operator, order_by_relevance=False)
        get_queryset = getattr(results, "get_queryset", None)
        if get_queryset is None:  # no query left after normalisation
            return queryset.none().values_list("id", flat=True)
        return get_queryset().values_list("id", flat=True)


@functools.cache
def _fallback_backend_class(upstream_class):
    # MySQL, or SQLite without FTS5: queries are still normalised, stored text is not.
    logger.warning(
        "search.backends.database has no normalising index for %s; using %s",
        connection.vendor,
        upstream_class.__name__,
    )
    return type(f"Normalising{upstream_class.__name__}", (DatabaseSearchMixin, upstream_class), {})


def SearchBackend(params):  # noqa: N802 - Wagtail loads backends by this name
    """The normalising backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from .postgres import NormalisingPostgresSearchBackend

        return NormalisingPostgresSearchBackend(params)
    # Upstream decides between SQLite FTS5 and its unindexed fallback (and remembers it).
    upstream_class = type(UpstreamSearchBackend(params))
    if upstream_class.__name__ == "SQLiteSearchBackend":
        from .sqlite import NormalisingSQLiteSearchBackend

        return NormalisingSQLiteSearchBackend(params)
    return _fallback_backend_class(upstream_class)(params)
