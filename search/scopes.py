"""The result sets a search's facets are counted over, fetched once, and the counts of every
facet that declares its value, taken in Python from that one fetch.

A facet's counts take every *other* facet's filter, so with ``k`` facets ticked there are at
most ``k + 1`` different sets: the results (every filter), and the results without one ticked
facet's filter. One query fetches every match that passes all ticked facets but at most one,
with the facet it fails, if any, and the value of each facet that declares one
(``FacetSpec.value``): those facets are then counted here from its rows, so the text match and
``base``'s conditions run once and none of them costs a query. A facet that only gives
``count`` (several values per result, such as themes) is counted by it over the ids of its
set, passed as one parameter (search/idlists.py)."""

from collections import Counter

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, F, IntegerField, Q, QuerySet, Subquery, Value, When

from search.idlists import narrowed
from search.registry import FacetedSearch, FacetSpec

Filters = dict[str, list[str]]
PASSES_ALL = -1


def _blank(value) -> bool:
    return value is None or value == ""


class Scopes:
    """The rows of a search's results and of the sets its facets are counted over."""

    def __init__(self, search: FacetedSearch, base: QuerySet, filters: Filters, matching=None):
        self.search = search
        self.base = base
        self.filters = filters
        #: The text search's matches: a subquery of ids (which may be wider than ``base``: it is
        #: always combined with it), or ids already fetched in ``base`` (a list).
        self.matching = matching
        self.active = [spec.name for spec in search.specs if filters.get(spec.name)]
        self._single = [spec for spec in search.specs if spec.value is not None]
        #: (pk, the index in ``active`` of the one facet it fails or PASSES_ALL, *values)
        self._rows: list[tuple] | None = None
        self._ids: dict[str, list] = {}
        self._groups: dict[int, list[tuple]] = {}
        self._columns: dict[int, list[tuple]] = {}
        self._converters: dict[int, tuple] = {}
        self._connection = None

    def _pool(self) -> QuerySet:
        return self.base.model._default_manager.all()

    def _matched(self) -> QuerySet:
        queryset = self.base
        if isinstance(self.matching, list):
            queryset = narrowed(queryset, self.matching)
        elif self.matching is not None:
            queryset = queryset.filter(pk__in=self.matching)
        return queryset

    def _unfiltered(self, skip: str) -> bool:
        return not [name for name in self.active if name != skip]

    def _passes(self, spec: FacetSpec, values: list[str]):
        """1 when a row passes ``spec``'s filter. A facet whose value is one of its options (a
        fixed scale) is tested on the row's value; any other through its filter, which narrows
        row by row and so can be tested on the whole table (a plainer subquery than one
        repeating the text search and ``base``'s conditions)."""
        if spec.value is not None and spec.choices is not None:
            test = Q(**{f"_value_{self._single.index(spec)}__in": values})
        else:
            narrow = spec.search_filter or spec.filter
            test = Q(pk__in=Subquery(narrow(self._pool(), values).order_by().values("pk")))
        return Case(When(test, then=Value(1)), default=Value(0), output_field=IntegerField())

    def _fetch(self) -> None:
        """Every row in one query: the matches that pass all ticked facets but at most one,
        with the facet each fails and each facet's value."""
        values = {f"_value_{n}": spec.value() for n, spec in enumerate(self._single)}
        rows = self._matched().order_by().annotate(_pk=F("pk"), **values)
        passes = {
            f"_passes_{n}": self._passes(self.search.spec(name), self.filters[name])
            for n, name in enumerate(self.active)
        }
        rows = rows.annotate(**passes).values_list("_pk", *passes, *values)
        compiler = rows.query.get_compiler(using=rows.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:  # nothing can match (a query of punctuation only): no rows
            fetched = []
        else:
            sql = self._outer_sql(sql, list(passes))
            with connections[rows.db].cursor() as cursor:
                cursor.execute(sql, params)
                fetched = cursor.fetchall()
            # Counted as the database gives them; only the values counted are then made what
            # the ORM would give (UUIDs from SQLite's text, say), not every row's.
            value_columns = [column for column, _, _ in compiler.select][1 + len(passes) :]
            self._converters = {
                2 + position: converter
                for position, converter in compiler.get_converters(value_columns).items()
            }
            self._connection = connections[rows.db]
        self._rows = fetched
        for row in fetched:
            self._groups.setdefault(row[1], []).append(row)
        everything = [row[0] for row in self._groups.get(PASSES_ALL, [])]
        self._ids = {"": everything}
        for number, name in enumerate(self.active):
            self._ids[name] = everything + [row[0] for row in self._groups.get(number, [])]

    def _outer_sql(self, sql: str, passes: list[str]) -> str:
        """The ORM's query filtered outside it, materialised (inside, each flag would run
        twice), with the facet each row fails worked out, and each value left out (NULL)
        where it is not counted: a row that fails one facet counts for that facet only."""
        values = [f"_value_{n}" for n in range(len(self._single))]
        if not passes:
            columns = "".join(f", flags.{name}" for name in values)
            return f"SELECT flags._pk, {PASSES_ALL}{columns} FROM ({sql}) flags"  # noqa: S608
        passed = " + ".join(f"flags.{flag}" for flag in passes)
        first_failed = " ".join(f"WHEN flags.{flag} = 0 THEN {n}" for n, flag in enumerate(passes))
        failing = f"CASE WHEN {passed} = {len(passes)} THEN {PASSES_ALL} {first_failed} END"
        columns = ""
        for name, spec in zip(values, self._single, strict=True):
            groups = [PASSES_ALL]
            if spec.name in self.active:
                groups.append(self.active.index(spec.name))
            counted = ", ".join(map(str, groups))
            columns += f", CASE WHEN kept._failing IN ({counted}) THEN kept.{name} END"
        return (
            f"WITH flags AS MATERIALIZED ({sql}) SELECT kept._pk, kept._failing{columns} "  # noqa: S608 - SQL from the ORM
            f"FROM (SELECT flags.*, {failing} AS _failing FROM flags "
            f"WHERE {passed} >= {len(passes) - 1}) kept"
        )

    def ids(self, skip: str = "") -> list:
        """Ids of the results without ``skip``'s filter (of all results for "")."""
        if skip not in self.active:
            skip = ""
        if isinstance(self.matching, list) and self._unfiltered(skip) and self._rows is None:
            return self.matching  # fetched by the backend already
        if self._rows is None:
            self._fetch()
        return self._ids[skip]

    def results(self) -> QuerySet:
        """The results: ``base`` narrowed to them. Their ids say it all, so ``base``'s own
        conditions (live, public) are not repeated when the ranking or a page of them is
        read."""
        if self.matching is None and not self.active:
            return self.base
        return narrowed(self._pool(), self.ids())

    def queryset(self, skip: str = "") -> QuerySet:
        """What facet ``skip`` is counted over: the results without its filter. Their ids
        say it all, so ``base``'s own conditions (live, public) are not repeated."""
        if self.matching is None and self._unfiltered(skip):
            return self.base  # nothing to narrow: count over base directly
        return narrowed(self._pool(), self.ids(skip))

    # --- Counting from the fetched rows ---------------------------------------------------

    def reads(self, spec: FacetSpec) -> bool:
        """Whether ``spec`` is counted from the fetched rows (it declares its value)."""
        return spec.value is not None

    def _column(self, group: int, column: int) -> tuple:
        """One column of one group of rows (transposed once per group)."""
        if group not in self._columns:
            rows = self._groups.get(group, [])
            self._columns[group] = list(zip(*rows, strict=True)) if rows else []
        columns = self._columns[group]
        return columns[column] if columns else ()

    def counts(self, spec: FacetSpec) -> dict:
        """{value: number of results with it} over ``spec``'s set."""
        if self._rows is None:
            self._fetch()
        groups = [PASSES_ALL]
        if spec.name in self.active:
            groups.append(self.active.index(spec.name))
        column = 2 + self._single.index(spec)
        counted = Counter()
        for group in groups:
            counted.update(self._column(group, column))
        converters, expression = self._converters.get(column, ((), None))
        counts = {}
        for value, count in counted.items():
            for converter in converters:
                value = converter(value, expression, self._connection)
            if not _blank(value):
                counts[value] = counts.get(value, 0) + count
        return counts
