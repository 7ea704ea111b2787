"""The facet table of a faceted search: every searchable object's value for each facet that
declares one, read in a fixed number of queries and kept in the process while the data it was
read from stays the same.

A search then only asks the database which objects match its text (if any); which of them
pass each ticked facet, and how many results each option of each facet would give, are set
operations and counts over the table in Python (search/scopes.py). Without the table, every
search read the values of every match again: on PostgreSQL, 10,000 commitments, that one query
took 40 ms of a search's 95.

The table is kept under the token that ``settings.MOSHARAKA_SEARCH_DATA_VERSION`` names (a
dotted path to a function returning a text that changes whenever data the site shows is
written: the page cache's generation in this project, which every committed write to such a
table replaces). Without it (the tests' settings), each search reads its own table."""

import functools
import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from threading import Lock

from django.conf import settings
from django.db import router
from django.db.models import QuerySet
from django.utils.module_loading import import_string

from search.registry import FacetedSearch, FacetSpec

Pk = int


def _texts(values) -> list:
    """Facet values as texts, as visitors tick them (codes, translation keys); None for none."""
    return [None if value is None or value == "" else str(value) for value in values]


@dataclass
class FacetTable:
    #: Primary keys of every object the search can find (its base queryset).
    pks: frozenset
    #: For each facet with one value per object: {pk: value}, objects without a value left out.
    single: dict[str, dict[Pk, str]] = field(default_factory=dict)
    #: For each facet with several values per object: {pk: (value, ...)}.
    many: dict[str, dict[Pk, tuple[str, ...]]] = field(default_factory=dict)
    #: For the facets ticked so far: {value: pks of the objects that have it}, made on first
    #: use (most searches tick few facets).
    _having: dict[str, dict[str, frozenset]] = field(default_factory=dict)
    #: {(facet, language code): {value: label}}, made on first use.
    _labels: dict[tuple[str, str], dict[str, object]] = field(default_factory=dict)

    def holds(self, spec: FacetSpec) -> bool:
        return spec.name in self.single or spec.name in self.many

    def having(self, name: str) -> dict[str, frozenset]:
        having = self._having.get(name)
        if having is None:
            gathered: dict[str, list] = {}
            if name in self.single:
                for pk, value in self.single[name].items():
                    gathered.setdefault(value, []).append(pk)
            else:
                for pk, values in self.many[name].items():
                    for value in values:
                        gathered.setdefault(value, []).append(pk)
            having = {value: frozenset(pks) for value, pks in gathered.items()}
            self._having[name] = having  # whole, or not at all: threads may share the table
        return having

    def labels(self, spec: FacetSpec, language_code: str, also: Iterable[str] = ()) -> dict:
        """The labels of every value ``spec`` has in the table, in a language (asked once per
        language), and of the values in ``also`` it has not (ticked in a shared link, say)."""
        key = (spec.name, language_code)
        labels = self._labels.get(key)
        if labels is None:
            column = self.single.get(spec.name)
            values = set(column.values()) if column is not None else self.having(spec.name)
            found = spec.labels(values, language_code)
            labels = {str(value): label for value, label in found.items()}
            self._labels[key] = labels
        missing = [value for value in also if value not in labels]
        if missing:
            found = spec.labels(missing, language_code)
            return {**labels, **{str(value): label for value, label in found.items()}}
        return labels

    def passing(self, spec: FacetSpec, values: Iterable[str]) -> set:
        """Pks of the objects with at least one of ``values`` (a facet's filter: OR)."""
        having = self.having(spec.name)
        found: set = set()
        for value in values:
            found.update(having.get(value, ()))
        return found


def read(search: FacetedSearch, base: QuerySet) -> FacetTable:
    """The table of ``search`` over ``base``: one query for the facets with one value per
    object, one per facet with several (read from its relation alone, without ``base``'s
    conditions, then kept for the objects of ``base``), and what each facet's ``rekey``
    asks. The garbage collector waits meanwhile: the table is some hundred thousand objects
    without cycles, and the collections their creation set off took as long as reading them
    (10,000 commitments: 150 to 290 ms a read, 120 ms without)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(search, base)
    finally:
        if collecting:
            gc.enable()


def _read(search: FacetedSearch, base: QuerySet) -> FacetTable:
    singles = [spec for spec in search.specs if spec.value is not None]
    names = [f"_facet_{number}" for number in range(len(singles))]
    annotated = base.order_by().annotate(
        **{name: spec.value() for name, spec in zip(names, singles, strict=True)}
    )
    rows = list(annotated.values_list("pk", *names))
    pks, *columns = zip(*rows, strict=True) if rows else [(), *([()] * len(singles))]
    table = FacetTable(pks=frozenset(pks))
    for spec, column in zip(singles, columns, strict=True):
        values = _texts(column)
        if spec.rekey is not None:
            keys = {str(raw): str(key) for raw, key in spec.rekey(set(values) - {None}).items()}
            values = [keys.get(value) for value in values]
        table.single[spec.name] = {
            pk: value for pk, value in zip(pks, values, strict=True) if value is not None
        }
    pool = base.model._default_manager.order_by()
    for spec in search.specs:
        if spec.value is None and spec.values is not None:
            gathered: dict[Pk, dict[str, None]] = {}
            rows = pool.filter(**{f"{spec.values}__isnull": False}).values_list("pk", spec.values)
            found = table.pks
            for pk, value in rows:
                if pk in found and value != "":
                    gathered.setdefault(pk, {})[str(value)] = None
            table.many[spec.name] = {pk: tuple(values) for pk, values in gathered.items()}
    return table


_kept: dict[str, tuple[tuple, FacetTable]] = {}
_lock = Lock()


@functools.cache
def _token_function(path: str) -> Callable[[], str]:
    return import_string(path)


def version() -> str | None:
    """The token the data is read under, or None where tables are not kept."""
    path = getattr(settings, "MOSHARAKA_SEARCH_DATA_VERSION", None)
    return _token_function(path)() if path else None


def table_for(search: FacetedSearch, base: Callable[[], QuerySet]) -> FacetTable:
    """The facet table of ``search`` over ``base()``, read again only when the data or the
    search's facets changed (a facet added by another app, a test's own)."""
    token = version()
    if token is None:
        return read(search, base())
    key = (token, router.db_for_read(search.model), tuple(spec.name for spec in search.specs))
    kept = _kept.get(search.name)
    if kept is not None and kept[0] == key:
        return kept[1]
    table = read(search, base())
    with _lock:
        _kept[search.name] = (key, table)
    return table


def forget() -> None:
    """Drop every kept table (for tests)."""
    _kept.clear()
