"""PostgreSQL side of search.backends.database (imported only when the database is PostgreSQL).
The ``simple`` text search configuration is the default: the index holds several languages at
once, and an English or Arabic stemmer applied to all of them does more harm than good once
spellings are normalised."""

from modelsearch.backends.database.postgres import postgres

from search.normalise import normalise

from .database import DatabaseSearchMixin, with_indexer


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


class NormalisingPostgresSearchQueryCompiler(
    IndexVectorsMixin, postgres.PostgresSearchQueryCompiler
):
    pass


class NormalisingPostgresAutocompleteQueryCompiler(
    IndexVectorsMixin, postgres.PostgresAutocompleteQueryCompiler
):
    pass


class NormalisingPostgresSearchBackend(DatabaseSearchMixin, postgres.PostgresSearchBackend):
    index_class = NormalisingPostgresIndex
    query_compiler_class = NormalisingPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = NormalisingPostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "simple", **params})

    def matching_ids(self, query, queryset, operator="and"):
        """The matching ids, fetched once (a list): the facet counts and the ranking reuse
        them rather than match the text again."""
        return list(super().matching_ids(query, queryset, operator).values_list("id", flat=True))
