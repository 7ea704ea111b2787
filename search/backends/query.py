"""Query-side normalisation shared by every backend."""

import copy

from modelsearch.query import (
    MATCH_NONE,
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
    SearchQuery,
)

from search.normalise import normalise


def normalise_query(query: str | SearchQuery | None) -> str | SearchQuery | None:
    """The same query with every string it carries normalised. A string that normalises to
    nothing becomes "" (no results); such a leaf inside a query tree matches nothing."""
    if query is None or isinstance(query, MatchAll):
        return query
    if isinstance(query, str):
        return normalise(query)
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        text = normalise(query.query_string)
        if not text:
            return MATCH_NONE
        leaf = copy.copy(query)
        leaf.query_string = text
        return leaf
    if isinstance(query, Boost):
        return Boost(normalise_query(query.subquery), query.boost)
    if isinstance(query, And):
        return And([normalise_query(sub) for sub in query.subqueries])
    if isinstance(query, Or):
        return Or([normalise_query(sub) for sub in query.subqueries])
    if isinstance(query, Not):
        return Not(normalise_query(query.subquery))
    return query


class NormalisingQueryMixin:
    """Normalises the query of search() and autocomplete() before the backend compiles it."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(
            query_compiler_class, normalise_query(query), model_or_queryset, **kwargs
        )
