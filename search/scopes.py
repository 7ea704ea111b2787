"""The result sets a search's facets are counted over, and the counts of every facet the facet
table holds (search/table.py).

A facet's counts take every *other* facet's filter, so with ``k`` facets ticked there are at
most ``k + 1`` different sets: the results (every filter), and the results without one ticked
facet's filter. Each is the text search's matches (or everything the search can find) crossed
with the objects passing each ticked facet, worked out from the table as sets; the facets the
table holds are then counted over their set in Python, with no query of their own. A ticked
facet the table does not hold is tested with its filter (one query for its passing ids), and
a facet that only gives ``count`` is counted by it over the ids of its set, passed as one
parameter (search/idlists.py)."""

from collections import Counter
from collections.abc import Callable
from itertools import chain, repeat

from django.db.models import QuerySet

from search.backends.database import cursor_rows
from search.idlists import narrowed
from search.registry import FacetedSearch, FacetSpec
from search.table import FacetTable, table_for

Filters = dict[str, list[str]]


class Scopes:
    """The results of a search and the sets its facets are counted over."""

    def __init__(
        self,
        search: FacetedSearch,
        base: QuerySet | Callable[[], QuerySet],
        filters: Filters,
        matching=None,
    ):
        self.search = search
        #: What the search can find, or the function that gives it (called at most once, when
        #: first needed: with the facet table kept, a text search on the database backends
        #: never needs it, and building it can cost a query, as Wagtail's ``public()`` does).
        self._base = base
        self.filters = filters
        #: The text search's matches: a subquery of ids (which may be wider than ``base``: it is
        #: crossed with it), or ids already fetched (a list).
        self.matching = matching
        self.active = [spec.name for spec in search.specs if filters.get(spec.name)]
        self._table: FacetTable | None = None
        self._sets: dict[str, set] | None = None

    @property
    def base(self) -> QuerySet:
        if not isinstance(self._base, QuerySet):
            self._base = self._base()
        return self._base

    def _pool(self) -> QuerySet:
        return self.search.model._default_manager.all()

    @property
    def table(self) -> FacetTable:
        if self._table is None:
            self._table = table_for(self.search, lambda: self.base)
        return self._table

    def _unfiltered(self, skip: str) -> bool:
        return not [name for name in self.active if name != skip]

    def _passing(self, spec: FacetSpec, values: list[str]) -> set:
        if self.table.holds(spec):
            return self.table.passing(spec, values)
        narrow = spec.search_filter or spec.filter
        return set(narrow(self._pool(), values).order_by().values_list("pk", flat=True))

    def _matches(self) -> set:
        """The text search's matches: the backends give a list of ids, or a flat subquery of
        them, read here from the cursor (thousands of ids, which the ORM's per-row work
        took longer to hand over than the database to find)."""
        if isinstance(self.matching, QuerySet):
            return {row[0] for row in cursor_rows(self.matching)}
        return set(self.matching)

    def _work_out(self) -> None:
        """The matches, then each set: the matches passing every ticked facet but ``skip``."""
        everything = self.table.pks
        if self.matching is None:
            matches = set(everything)
        else:
            matches = self._matches() & everything
        passing = [
            (name, self._passing(self.search.spec(name), self.filters[name]))
            for name in self.active
        ]
        # The smallest sets first: each intersection then walks the fewest rows.
        passing.sort(key=lambda item: len(item[1]))

        def crossed(skip: str) -> set:
            found = matches
            for name, pks in passing:
                if name != skip:
                    found = found & pks
            return found

        self._sets = {"": crossed("")}
        for name in self.active:
            self._sets[name] = crossed(name)

    def _set(self, skip: str = "") -> set:
        if skip not in self.active:
            skip = ""
        if self._sets is None:
            self._work_out()
        return self._sets[skip]

    def ids(self, skip: str = "") -> list:
        """Ids of the results without ``skip``'s filter (of all results for "")."""
        return list(self._set(skip))

    def results(self) -> QuerySet:
        """The results: ``base`` narrowed to them. Their ids say it all, so ``base``'s own
        conditions (live, public) are not repeated when the ranking or a page of them is
        read."""
        if self.matching is None and not self.active:
            return self.base
        return narrowed(self._pool(), self.ids())

    def queryset(self, skip: str = "") -> QuerySet:
        """What facet ``skip`` is counted over: the results without its filter."""
        if self.matching is None and self._unfiltered(skip):
            return self.base  # nothing to narrow: count over base directly
        return narrowed(self._pool(), self.ids(skip))

    # --- Counting from the table ----------------------------------------------------------

    def reads(self, spec: FacetSpec) -> bool:
        """Whether ``spec`` is counted from the table (it declares its value or values)."""
        return spec.value is not None or spec.values is not None

    def counts(self, spec: FacetSpec) -> dict:
        """{value: number of results with it} over ``spec``'s set."""
        pks = self._set(spec.name)
        table = self.table
        if spec.name in table.single:
            counted = Counter(map(table.single[spec.name].get, pks))
            counted.pop(None, None)
        else:
            column = table.many[spec.name]
            counted = Counter(chain.from_iterable(map(column.get, pks, repeat(()))))
        return dict(counted)
