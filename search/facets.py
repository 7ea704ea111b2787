"""Facet counting for any registered faceted search, and ready-made facets.

Filters combine with AND across facets and OR within one facet. Each facet's counts are taken
with every *other* facet's filter applied, so a visitor sees how many results each value
would give if ticked (the usual multi-select facet). The result sets those counts run over are
worked out together (``search.scopes.Scopes``) from the facet table (``search.table``), and
the facets that declare their values are counted there, so a page runs the same number of
queries whatever the number of results, facets or facet values.
"""

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import CharField, Count, F, QuerySet, Subquery
from django.db.models.expressions import Expression
from wagtail.models import Locale

from search.registry import FacetedSearch, FacetSpec
from search.scopes import Filters, Scopes


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
    """The ``key`` column of ``model``'s rows whose ``field`` is ``value``, compiled by the
    ORM once per process (compiling them all for every search took milliseconds)."""
    return model._default_manager.filter(**{field: value}).values(key).query.sql_with_params()


class ValueByKey(Expression):
    """``CASE WHEN <column> IN (keys with value a) THEN a WHEN ... END``: a facet's value read
    from a summary table, one subquery per value of its scale (see ``value_by_key``). Resolved
    as the one column it tests: a ``Case`` of ``When(column__in=...)`` resolved a lookup per
    value, milliseconds per search for the co-monitoring and co-evaluation facets."""

    output_field = CharField()

    def __init__(self, column: str, cases: Sequence[tuple[str, tuple, str]]):
        super().__init__()
        self.column = F(column)
        self.cases = list(cases)  # (subquery SQL, its params, the value)

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def as_sql(self, compiler, connection):
        column, column_params = compiler.compile(self.column)
        whens, params = [], []
        for sql, sql_params, value in self.cases:
            whens.append(f"WHEN {column} IN ({sql}) THEN %s")
            params += [*column_params, *sql_params, value]
        return f"CASE {' '.join(whens)} ELSE NULL END", params


def value_by_key(model, field: str, values, *, key: str = "commitment_key", to=None) -> Any:
    """A facet's ``value`` from a summary table: the value of ``field`` in ``model``'s row whose
    ``key`` is the result's translation key, for each of ``values`` (a scale), as
    ``to(value)`` (the value itself by default); None without a row (or another value)."""
    cases = [(*_keys_sql(model, key, field, value), to(value) if to else value) for value in values]
    return ValueByKey("translation_key", cases)


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


def compute_facets(
    search: FacetedSearch,
    base: QuerySet | None,
    filters: Filters,
    *,
    language_code: str,
    matching_ids=None,
    scopes: Scopes | None = None,
) -> list[Facet]:
    """Every facet of ``search`` with its counts over ``base``, optionally restricted to
    ``matching_ids`` (a text search's match set); or over ``scopes``, worked out already."""
    if scopes is None:
        scopes = Scopes(search, base, filters, matching_ids)
    facets = []
    for spec in search.specs:
        selected = filters.get(spec.name, [])
        if scopes.reads(spec):  # counted from the facet table
            counts = scopes.counts(spec)
            if spec.labels is not None:
                labels = scopes.table.labels(spec, language_code, also=selected)
            else:
                labels = spec.choices or {}
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
        values=lookup if relation else None,
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
        value=lambda: F("locale__language_code"),
        choices=dict(settings.LANGUAGES),
    )
