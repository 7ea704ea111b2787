"""PostgreSQL side of search.backends.database (imported only when the database is PostgreSQL).
The ``simple`` text search configuration is the default: the index holds several languages at
once, and an English or Arabic stemmer applied to all of them does more harm than good once
spellings are normalised.

A page of results ranked by relevance is ranked on the index table alone: upstream joins every
match's model rows (pages, with all their text) to the index entries before ``ts_rank`` sorts
them, which took most of a search's time with thousands of matches. Here the index entries in
scope are matched and ranked by themselves, and only the page's rows are then fetched.
"""

from django.db.models import BigIntegerField, CharField, F, Subquery
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres import postgres
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from search.idlists import INTEGER_TYPES, pk_type
from search.normalise import normalise

from .database import DatabaseSearchMixin, ranked_page, with_indexer
from .query import normalise_query

#: Above this many results on one slice, rank the way upstream does.
MAX_RANKED_SLICE = 1000


class NormalisingPostgresIndexer(postgres.ObjectIndexer):
    def prepare_value(self, value):
        return normalise(super().prepare_value(value))


class NormalisingPostgresIndex(postgres.PostgresIndex):
    add_items = with_indexer(postgres.PostgresIndex.add_items, NormalisingPostgresIndexer)


class IndexVectorsMixin:
    """Searches restricted to some fields (``fields=[...]``, e.g. the admin's snippet search)
    read those model columns as typed, which the normalised query cannot match: search the
    index column that holds them instead (the title, or the rest of the text)."""

    def get_fields_vectors(self, search_query):
        vectors = self.get_index_vectors(search_query)
        if len(vectors) == 1:  # autocomplete: one column
            return vectors
        title, body = vectors
        names = set(self.search_fields)
        return [title] * ("title" in names) + [body] * bool(names - {"title"})


def _on_entry(expression):
    """An expression over the model's index entries (``index_entries__title``) as the same
    expression over the index table itself (``title``)."""
    if isinstance(expression, F):
        return F(expression.name.removeprefix("index_entries__"))
    return expression


class IndexFirstMixin:
    """search() ranking a page of results on the index table, then fetching that page."""

    def _on_index(self) -> bool:
        query = self.query
        if isinstance(query, MatchAll | Fuzzy) or (
            isinstance(query, Not) and isinstance(query.subquery, MatchAll)
        ):
            return False
        return self.fields is None and pk_type(self.queryset) in INTEGER_TYPES

    def matching_entries(self, config):
        """The index entries of the queryset's model matching the query (not yet restricted
        to the queryset), each with its model row's primary key as ``_object_pk``, and the
        vectors they are ranked by; None for queries upstream answers its own way."""
        if not self._on_index():
            return None, None
        search_query = self.build_tsquery(self.query, config=config)
        vectors = [
            (_on_entry(vector), _on_entry(boost))
            for vector, boost in self.get_index_vectors(search_query)
        ]
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        entries = (
            postgres.IndexEntry._default_manager.filter(
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(_vector_=combined)
            .filter(_vector_=search_query)
            .annotate(_object_pk=Cast("object_id", BigIntegerField()))
        )
        return entries, vectors

    def search(self, config, start, stop, score_field=None, backend=None):
        ranks_a_page = stop is not None and stop - (start or 0) <= MAX_RANKED_SLICE
        entries, vectors = (None, None)
        if self.order_by_relevance and ranks_a_page:
            entries, vectors = self.matching_entries(config)
        if entries is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        in_scope = (
            self.queryset.order_by().annotate(_pk_text=Cast("pk", CharField())).values("_pk_text")
        )
        ranked = (
            entries.filter(object_id__in=Subquery(in_scope))
            .annotate(_score=self._build_rank_expression(vectors, config))
            .order_by("-_score", "-_object_pk")  # as upstream: best first, then newest
            .values_list("_object_pk", "_score")
        )
        ranked = list(ranked[start or 0 : stop])
        return ranked_page(
            self.queryset, [pk for pk, _ in ranked], dict(ranked), score_field=score_field
        )


class NormalisingPostgresSearchQueryCompiler(
    IndexFirstMixin, IndexVectorsMixin, postgres.PostgresSearchQueryCompiler
):
    pass


class NormalisingPostgresAutocompleteQueryCompiler(
    IndexFirstMixin, IndexVectorsMixin, postgres.PostgresAutocompleteQueryCompiler
):
    pass


class NormalisingPostgresSearchBackend(DatabaseSearchMixin, postgres.PostgresSearchBackend):
    index_class = NormalisingPostgresIndex
    query_compiler_class = NormalisingPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = NormalisingPostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "simple", **params})

    def matching_ids(self, query, queryset, operator="and"):
        """Ids of the model's rows matching the text, as a subquery for ``id__in`` read from
        the index table alone: unlike the other backends' it is not narrowed to ``queryset``
        (facet scopes apply ``queryset``'s conditions themselves, in the query that fetches
        the matches, instead of joining every match's rows twice)."""
        query = normalise_query(query)
        if not query:
            return queryset.none().values_list("id", flat=True)
        compiler = self.query_compiler_class(
            queryset, query, operator=operator, order_by_relevance=False
        )
        entries, _vectors = compiler.matching_entries(self.config)
        if entries is None:
            return super().matching_ids(query, queryset, operator)
        return entries.order_by().values_list("_object_pk", flat=True)
