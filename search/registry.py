"""Faceted searches, declared by the apps that own what is searched.

``search/`` knows no app. An app describes a faceted search and registers it from its
``AppConfig.ready()``; ``search/`` then serves it at ``/<lang>/search/<name>/`` (URL name
``search:<name>``) with text ranking by the search backend, facet counts, one form built from
the facets and one facet template.

- A **faceted search** (``FacetedSearch``) has a name, the model searched, a callable giving
  the base queryset (what may be found at all), its facets, and optional per-result extras
  (links a result shows under its title, such as the plan a commitment belongs to).
- A **facet** (``FacetSpec``) has a name (its query parameter, so stable: shared links carry
  it), a label, which values it accepts, a filter, and the options with their counts in a
  language. Values within one facet combine with OR, facets with AND. Counts are taken with
  every *other* facet's filter applied (search/facets.py does that for every facet).

Adding a facet to a search another app declared, without touching ``search/``: declare a
``FacetSpec`` in your app and add it from your ``AppConfig.ready()``. The order of the apps'
``ready()`` does not matter (a facet added before the search is registered waits for it).
For a field of the searched model with fixed choices, ``search.facets.choice_facet`` is the
whole facet. For anything else (the status of the latest progress report, an evaluation
rating), write the filter and the count, each a fixed number of queries::

    # actionplans/monitoring/search.py
    from django.db.models import OuterRef, Subquery
    from django.utils.translation import pgettext_lazy

    from search.facets import count_by
    from search.registry import FacetSpec, add_facet

    from .models import ProgressReport, ProgressStatus

    def _with_progress(commitments):
        latest = ProgressReport.objects.filter(commitment=OuterRef("pk")).order_by("-created_at")
        return commitments.annotate(progress_status=Subquery(latest.values("status")[:1]))

    def register():
        add_facet(
            "commitments",
            FacetSpec(
                "progress",  # the query parameter: ?progress=delayed
                pgettext_lazy("search facet", "Reported progress"),
                filter=lambda qs, values: _with_progress(qs).filter(progress_status__in=values),
                count=lambda qs, selected, language_code: (
                    count_by(_with_progress(qs), "progress_status"),
                    dict(ProgressStatus.choices),
                ),
                accepts=lambda value: value in ProgressStatus.values,
            ),
        )

    # actionplans/monitoring/apps.py
    def ready(self):
        from . import search

        search.register()

A facet with one value per result can instead give ``value`` (an expression such as the
``Subquery`` above), and a facet with several values per result ``values`` (a field path such
as ``"tags__slug"``); either with ``choices`` (a fixed scale) or ``labels`` (which labels the
values in a language). The value is the one the facet's filter tests: a result passes when
its value (one of its values) is ticked. Such facets are read into the search's facet table
(search/table.py), kept in the process while the data stays the same, and counted there in
Python: each adds no query to a search, and needs no ``count``.

The facet then shows on ``/<lang>/search/commitments/`` after the declared ones, its values
are kept in shared links, and the other facets' counts take it into account. A ``count``
returns ``({value: count}, {value: label})``; ``count_by(queryset, key)`` counts distinct
results per value of a field path in one query. Labels for translatable objects come from
``home.translations.in_locale`` in ``language_code``. The queryset a ``count`` receives is the
searched model's rows narrowed by id to the results in scope (the text and the other facets
applied already), so a count only groups; a ``filter`` narrows row by row (it is also tested
against the whole table).
"""

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, QuerySet

#: ``count(queryset, selected, language_code)`` -> ({value: count}, {value: label})
Counter = Callable[[QuerySet, Sequence[str], str], tuple[Mapping[str, int], Mapping[str, str]]]
Filter = Callable[[QuerySet, Sequence[str]], QuerySet]

RESERVED_NAMES = {"autocomplete", "q", "page", "all"}


def _any_value(value: str) -> bool:
    return True


@dataclass(frozen=True)
class FacetSpec:
    name: str
    label: Any  # usually a lazy string
    filter: Filter
    #: How the facet is counted when it declares no ``value`` or ``values`` (which the facet
    #: table counts instead): one query over the results in scope.
    count: Counter | None = None
    accepts: Callable[[str], bool] = _any_value
    #: At most this many options are listed, the most frequent first (plus any ticked one).
    limit: int | None = None
    #: Values applied when the visitor ticked none, from the page's language code.
    default: Callable[[str], list[str]] | None = None
    #: The same filter written for the search backend (FilterField lookups only), so a text
    #: search can apply it itself; without it the backend gets an id subquery.
    search_filter: Filter | None = None
    #: For a facet with at most one value per result: ``value()`` is an expression giving
    #: that value (a field, a subquery), the one its filter tests (a result passes when its
    #: value is ticked); ``choices`` its {value: label} when the values are a fixed scale.
    #: Such facets are read into the facet table (search/table.py) and counted there, with
    #: no query of their own.
    value: Callable[[], Any] | None = None
    choices: Mapping[str, Any] | None = None
    #: For a facet with several values per result: the field path of those values (such as
    #: ``"tags__slug"``). A result passes when one of its values is ticked.
    values: str | None = None
    #: ``rekey({value, ...})`` -> {value: the facet's own value}, applied to the values of
    #: ``value()`` when the facet table is read, in a fixed number of queries: for a value
    #: cheap to read but not the one ticked (a plan's tree path for its translation key).
    rekey: Callable[[set], Mapping[Any, Any]] | None = None
    #: Without fixed choices: ``labels({value, ...}, language_code)`` -> {value: label}, the
    #: values' labels in a language in a fixed number of queries (plans' titles by translation
    #: key, say). The facet table keeps them per language while the data is unchanged.
    labels: Callable[[Collection[str], str], Mapping[str, Any]] | None = None

    def __post_init__(self):
        if self.count is None and self.value is None and self.values is None:
            raise ImproperlyConfigured(
                f"Facet {self.name!r} needs a count, or a value or values the facet table reads."
            )


@dataclass(frozen=True)
class Extra:
    """A link a result shows beside its type: ``label`` then the page's title."""

    name: str  # a CSS modifier: result__<name>
    label: Any
    page: Any


@dataclass
class FacetedSearch:
    name: str
    model: type[Model]
    queryset: Callable[[], QuerySet]
    facets: Sequence[FacetSpec]
    template: str
    #: ``extras(results)`` -> {pk: [Extra, ...]} for one page of results, in a fixed number of
    #: queries. Also used by the site search for results of this model.
    extras: Callable[[list[Any]], Mapping[int, list[Extra]]] | None = None
    order_by: Sequence[str] = ("path",)
    query_label: Any = ""
    #: The facet that says which languages are searched: results then show their language
    #: when it is not the page's own.
    language_facet: str | None = None
    #: ``suggestion(obj, request)`` -> dict: the search then answers /search/autocomplete/.
    suggestion: Callable[[Any, Any], dict] | None = None
    _added: list[FacetSpec] = field(default_factory=list, repr=False)

    @property
    def specs(self) -> list[FacetSpec]:
        """Declared facets, then those other apps added, in the order they were added."""
        return [*self.facets, *self._added]

    def spec(self, name: str) -> FacetSpec | None:
        return next((spec for spec in self.specs if spec.name == name), None)


_searches: dict[str, FacetedSearch] = {}
_waiting: dict[str, list[FacetSpec]] = {}


def _check_name(search: FacetedSearch, spec: FacetSpec) -> None:
    if spec.name in RESERVED_NAMES or search.spec(spec.name) is not None:
        raise ImproperlyConfigured(f"Facet name {spec.name!r} is taken in {search.name!r}.")


def register(search: FacetedSearch) -> FacetedSearch:
    if search.name in RESERVED_NAMES or search.name in _searches:
        raise ImproperlyConfigured(f"A search is already registered as {search.name!r}.")
    names = [spec.name for spec in search.facets]
    if len(set(names)) != len(names) or RESERVED_NAMES & set(names):
        raise ImproperlyConfigured(f"Facet names of {search.name!r} must be unique: {names}")
    _searches[search.name] = search
    for spec in _waiting.pop(search.name, []):
        add_facet(search.name, spec)
    return search


def add_facet(search_name: str, spec: FacetSpec) -> None:
    """Add a facet to a search, registered already or not yet."""
    search = _searches.get(search_name)
    if search is None:
        _waiting.setdefault(search_name, []).append(spec)
        return
    _check_name(search, spec)
    search._added.append(spec)


def remove_facet(search_name: str, facet_name: str) -> None:
    """Take back a facet added with ``add_facet`` (for tests)."""
    search = _searches.get(search_name)
    if search is not None:
        search._added[:] = [spec for spec in search._added if spec.name != facet_name]
    waiting = _waiting.get(search_name, [])
    waiting[:] = [spec for spec in waiting if spec.name != facet_name]


def unregister(name: str) -> None:
    """For tests that register a search of their own."""
    _searches.pop(name, None)
    _waiting.pop(name, None)


def get(name: str) -> FacetedSearch:
    return _searches[name]


def searches() -> list[FacetedSearch]:
    return list(_searches.values())


def autocompleted() -> FacetedSearch | None:
    """The search that answers /search/autocomplete/ (the first one with suggestions)."""
    return next((search for search in _searches.values() if search.suggestion), None)


def extras_for(results: Iterable[Any]) -> dict[int, list[Extra]]:
    """Per-result extras of every registered search, for the results of its model."""
    results = list(results)
    extras: dict[int, list[Extra]] = {}
    for search in _searches.values():
        if search.extras is None:
            continue
        own = [obj for obj in results if isinstance(obj, search.model)]
        if own:
            for pk, items in search.extras(own).items():
                extras.setdefault(pk, []).extend(items)
    return extras
