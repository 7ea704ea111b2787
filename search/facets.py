"""Facet counting for any registered faceted search, and ready-made facets.

Filters combine with AND across facets and OR within one facet. Each facet's counts are taken
with every *other* facet's filter applied, so a visitor sees how many results each value
would give if ticked (the usual multi-select facet). The result sets those counts run over are
worked out together (``search.scopes.Scopes``) from the facet table (``search.table``), and
the facets that declare their values are counted there, so a page runs the same number of
queries whatever the number of results, facets or facet values.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Case, CharField, Count, F, QuerySet, Subquery, Value, When
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


def value_by_key(model, field: str, values, *, key: str = "commitment_key", to=None) -> Any:
    """A facet's ``value`` from a summary table: the value of ``field`` in ``model``'s row whose
    ``key`` is the result's translation key, for each of ``values`` (a scale), as
    ``to(value)`` (the value itself by default); None without a row (or another value). Each
    value is a subquery that does not depend on the result (``translation_key IN (keys with
    this value)``), which the database runs once when the facet table is read."""
    keys = model._default_manager.order_by()
    whens = [
        When(
            translation_key__in=Subquery(keys.filter(**{field: value}).values(key)),
            then=Value(to(value) if to else value),
        )
        for value in values
    ]
    return Case(*whens, default=None, output_field=CharField())


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

    return FacetSpec(
        name=name,
        label=label,
        filter=filter_,
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

    return FacetSpec(
        name=name,
        label=label,
        filter=filter_,
        accepts=lambda value: value in dict(settings.LANGUAGES),
        default=lambda language_code: [language_code],
        search_filter=search_filter,
        value=lambda: F("locale__language_code"),
        choices=dict(settings.LANGUAGES),
    )
