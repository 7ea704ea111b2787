"""Facet counting for any registered faceted search, and ready-made facets.

Filters combine with AND across facets and OR within one facet. Each facet's counts are taken
with every *other* facet's filter applied, so a visitor sees how many results each value
would give if ticked (the usual multi-select facet). The result sets those counts run over are
fetched once each (``Scopes``), and every count is one aggregate query over one of them, so a
page runs the same number of queries whatever the number of results or facet values.
"""

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Subquery, Value, When
from django.db.models.expressions import RawSQL
from wagtail.models import Locale

from search.idlists import narrowed
from search.registry import FacetedSearch, FacetSpec

Filters = dict[str, list[str]]


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: Any = ""
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]


def filter_by(
    search: FacetedSearch, queryset: QuerySet, filters: Filters, *, skip: str = ""
) -> QuerySet:
    """``queryset`` narrowed by every facet filter of ``search`` except ``skip``."""
    for spec in search.specs:
        values = filters.get(spec.name) or []
        if spec.name != skip and values:
            queryset = spec.filter(queryset, values)
    return queryset


@functools.cache
def _keys_sql(model, key: str, field: str, value) -> tuple[str, tuple]:
    return model._default_manager.filter(**{field: value}).values(key).query.sql_with_params()


def keys_with(model, field: str, value, key: str = "commitment_key") -> RawSQL:
    """The `key` column of `model`'s rows whose `field` is `value`, for the value expressions of
    facets read from a summary table: one subquery per value of a scale, each compiled by the
    ORM once per process (compiling them all for every search took milliseconds)."""
    return RawSQL(*_keys_sql(model, key, field, value))  # noqa: S611 - SQL and params from the ORM


def count_by(queryset: QuerySet, key: str, *, distinct: bool = True) -> dict:
    """How many distinct results have each value of ``key`` (a field path), in one query.
    ``distinct=False`` for a path with one value per result (no many-valued relation): the
    database then counts by hashing rather than sorting."""
    rows = (
        queryset.order_by()
        .values(key)
        .annotate(count=Count("id", distinct=distinct))
        .values_list(key, "count")
    )
    return {value: count for value, count in rows if value is not None}


def _count_together(queryset: QuerySet, specs: Sequence[FacetSpec]) -> dict[str, dict]:
    """{facet name: {value: count}} for facets with one value per result, in one query: results
    are counted per combination of values, then summed per facet. One value per result means
    one row per result: counted without DISTINCT, so the database groups by hashing instead
    of sorting the results by every facet."""
    aliases = {f"_facet_{n}": spec.value() for n, spec in enumerate(specs)}
    rows = (
        queryset.order_by()
        .annotate(**aliases)
        .values(*aliases)
        .annotate(_facet_count=Count("pk"))
        .values_list(*aliases, "_facet_count")
    )
    counts: dict[str, dict] = {spec.name: {} for spec in specs}
    for row in rows:
        number = row[-1]
        for spec, value in zip(specs, row[:-1], strict=True):
            if value is not None and value != "":
                counts[spec.name][value] = counts[spec.name].get(value, 0) + number
    return counts


def _options(
    counts: Mapping, labels: Mapping, selected: Sequence[str], limit: int | None = None
) -> list[FacetOption]:
    """Options by count, the most frequent ``limit`` of them plus every selected one."""
    counts = {str(value): count for value, count in counts.items()}
    labels = {str(value): label for value, label in labels.items()}
    values = list(counts) + [value for value in selected if value not in counts]
    options = [
        FacetOption(
            value=value,
            label=str(labels.get(value, value)),
            count=counts.get(value, 0),
            selected=value in selected,
        )
        for value in values
    ]
    options.sort(key=lambda option: (-option.count, option.label))
    if limit is not None:
        options = [o for n, o in enumerate(options) if n < limit or o.selected]
    return options


class Scopes:
    """The result sets a search's facets are counted over, each computed once.

    A facet's counts take every *other* facet's filter, so with ``k`` facets ticked there are
    at most ``k + 1`` different sets: the results (every filter), and the results without one
    ticked facet's filter. All are fetched as lists of ids in one query, and every count runs
    over those ids, passed as one parameter: a count then joins a few
    thousand rows by primary key instead of repeating the text search and the other facets'
    filters (subqueries, joins) once per facet. That holds for any facet, declared or added."""

    def __init__(self, search: FacetedSearch, base: QuerySet, filters: Filters, matching=None):
        self.search = search
        self.base = base
        self.filters = filters
        #: The text search's matches: a subquery of ids (which may be wider than ``base``: it is
        #: always combined with it), or ids already fetched in ``base`` (a list).
        self.matching = matching
        self.active = [spec.name for spec in search.specs if filters.get(spec.name)]
        self._ids: dict[str, list] = {}

    def _matched(self) -> QuerySet:
        queryset = self.base
        if isinstance(self.matching, list):
            queryset = narrowed(queryset, self.matching)
        elif self.matching is not None:
            queryset = queryset.filter(pk__in=self.matching)
        return queryset

    def _unfiltered(self, skip: str) -> bool:
        return not [name for name in self.active if name != skip]

    def _fetch(self) -> None:
        """Every set in one query: the matches that pass all ticked facets but at most one,
        each with whether it passes each ticked facet."""
        matched = self._matched()
        if not self.active:
            self._ids[""] = list(matched.order_by().values_list("pk", flat=True))
            return
        passes = {}
        pool = self.base.model._default_manager.all()
        for number, name in enumerate(self.active):
            # Filters narrow row by row, so each can be tested on the whole table: a simpler
            # subquery than one repeating the text search and ``base``'s conditions. The
            # search backend's form of a filter, when there is one, is the plainer.
            spec = self.search.spec(name)
            narrow = spec.search_filter or spec.filter
            passing = narrow(pool, self.filters[name]).order_by().values("pk")
            passes[f"_passes_{number}"] = Case(
                When(Q(pk__in=Subquery(passing)), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        flags = matched.order_by().annotate(**passes).values_list("pk", *passes)
        # Filtered outside (materialised): inside, each flag's subquery would run twice.
        try:
            sql, params = flags.query.sql_with_params()
        except EmptyResultSet:  # nothing can match (a query of punctuation only): no rows
            rows = []
        else:
            passed = " + ".join(f"flags.{flag}" for flag in passes)
            with connections[flags.db].cursor() as cursor:
                cursor.execute(
                    f"WITH flags AS MATERIALIZED ({sql}) SELECT * FROM flags WHERE {passed} >= %s",  # noqa: S608
                    [*params, len(passes) - 1],
                )
                rows = cursor.fetchall()
        everything, failing_only = [], {name: [] for name in self.active}
        for pk, *flags in rows:
            if all(flags):
                everything.append(pk)
            else:  # fails exactly one
                failing_only[self.active[flags.index(0)]].append(pk)
        self._ids = {"": everything}
        for name, failing in failing_only.items():
            self._ids[name] = everything + failing

    def ids(self, skip: str = "") -> list:
        """Ids of the results without ``skip``'s filter (of all results for "")."""
        if skip not in self.active:
            skip = ""
        if isinstance(self.matching, list) and self._unfiltered(skip):
            return self.matching  # fetched by the backend already
        if not self._ids:
            self._fetch()
        return self._ids[skip]

    def results(self) -> QuerySet:
        """``base`` narrowed to the results."""
        if self.matching is None and not self.active:
            return self.base
        return narrowed(self.base, self.ids())

    def queryset(self, skip: str = "") -> QuerySet:
        """What facet ``skip`` is counted over: the results without its filter. Their ids
        say it all, so ``base``'s own conditions (live, public) are not repeated."""
        if self.matching is None and self._unfiltered(skip):
            return self.base  # nothing to narrow: count over base directly
        pool = self.base.model._default_manager.all()
        return narrowed(pool, self.ids(skip))


def compute_facets(
    search: FacetedSearch,
    base: QuerySet,
    filters: Filters,
    *,
    language_code: str,
    matching_ids=None,
    scopes: Scopes | None = None,
) -> list[Facet]:
    """Every facet of ``search`` with its counts over ``base``, optionally restricted to
    ``matching_ids`` (a text search's match set)."""
    if scopes is None:
        scopes = Scopes(search, base, filters, matching_ids)
    # A facet with nothing ticked is counted over every filter: those with a value expression
    # share that scope, so one grouped query counts them all.
    together = [
        spec for spec in search.specs if spec.value is not None and not filters.get(spec.name)
    ]
    shared = _count_together(scopes.queryset(), together) if len(together) > 1 else {}
    facets = []
    for spec in search.specs:
        selected = filters.get(spec.name, [])
        if spec.name in shared and spec.resolve is not None:
            counts, labels = spec.resolve(shared[spec.name], selected, language_code)
        elif spec.name in shared:
            counts, labels = shared[spec.name], spec.choices or {}
        else:
            counts, labels = spec.count(scopes.queryset(skip=spec.name), selected, language_code)
        facets.append(Facet(spec.name, spec.label, _options(counts, labels, selected, spec.limit)))
    return facets


# --- Ready-made facets ----------------------------------------------------------------------


def choice_facet(
    name: str,
    label: Any,
    *,
    lookup: str,
    choices: Sequence[tuple[str, Any]],
    relation: bool = False,
    indexed: bool = False,
    limit: int | None = None,
) -> FacetSpec:
    """A facet over a field with fixed choices (``lookup`` is its path from the searched
    model). ``relation``: the path crosses a many-valued relation, so filtering goes through
    an id subquery (results stay distinct). ``indexed``: the field is an ``index.FilterField``
    of the model, so the search backend applies the filter itself."""
    codes = {str(code) for code, _label in choices}

    def filter_(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
        if not relation:
            return queryset.filter(**{f"{lookup}__in": values})
        matching = queryset.model.objects.filter(**{f"{lookup}__in": values})
        return queryset.filter(id__in=Subquery(matching.order_by().values("id")))

    def count(queryset: QuerySet, selected: Sequence[str], language_code: str):
        return count_by(queryset, lookup, distinct=relation), dict(choices)

    return FacetSpec(
        name=name,
        label=label,
        filter=filter_,
        count=count,
        accepts=lambda value: value in codes,
        limit=limit,
        search_filter=filter_ if indexed and not relation else None,
        value=None if relation else lambda: F(lookup),
        choices=dict(choices),
    )


def language_facet(name: str, label: Any) -> FacetSpec:
    """The language versions searched; with none ticked, the page's own language."""

    def filter_(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
        return queryset.filter(locale__language_code__in=values)

    def search_filter(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
        locales = Locale.objects.filter(language_code__in=values).values("id")
        return queryset.filter(locale__in=Subquery(locales))

    def count(queryset: QuerySet, selected: Sequence[str], language_code: str):
        counts = count_by(queryset, "locale__language_code", distinct=False)
        return counts, dict(settings.LANGUAGES)

    return FacetSpec(
        name=name,
        label=label,
        filter=filter_,
        count=count,
        accepts=lambda value: value in dict(settings.LANGUAGES),
        default=lambda language_code: [language_code],
        search_filter=search_filter,
    )
