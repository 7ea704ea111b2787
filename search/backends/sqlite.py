"""SQLite FTS5 side of search.backends.database (imported only when the database is SQLite).

Besides normalising what is indexed, the query compilers make FTS5 drive the search. Upstream
joins the index table to the FTS5 table; SQLite then walks every index entry of the model
through its content-type index and runs the MATCH once per entry, which takes seconds with
10,000 commitments. Keeping the content-type test off that index (``+ 0``) lets SQLite run
the MATCH once and look the few matching entries up by primary key instead: milliseconds.
"""

from django.db.models import CharField, F, FloatField, OuterRef, Subquery
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.idlists import INTEGER_TYPES
from search.normalise import normalise

from .database import DatabaseSearchMixin, cursor_rows, ranked_page, with_indexer
from .query import normalise_query

SQLiteFTSIndexEntry = sqlite.SQLiteFTSIndexEntry

#: Above this many results on one slice, rank in SQL rather than by ids from Python.
MAX_RANKED_SLICE = 1000


class NormalisingSQLiteIndexer(sqlite.ObjectIndexer):
    def prepare_value(self, value):
        return normalise(super().prepare_value(value))


class NormalisingSQLiteIndex(sqlite.SQLiteIndex):
    add_items = with_indexer(sqlite.SQLiteIndex.add_items, NormalisingSQLiteIndexer)


def _pk_parser(model):
    """The model's primary key from the text the index stores it as."""
    pk = model._meta.pk
    while pk.is_relation:
        pk = pk.target_field
    return int if pk.get_internal_type() in INTEGER_TYPES else pk.to_python


def _descending(pk):
    return -pk if isinstance(pk, int) else 0


class FTSFirstMixin:
    """search() for positive queries (words, phrases, and/or of them) with FTS5 in front."""

    def _use_fts_columns(self):
        # The FTS5 table has a column per kind of text (title, body, autocomplete), not per
        # model field: upstream passes field names through and SQLite fails ("no such column"),
        # e.g. in the admin's snippet search. Search the columns holding those fields. (Done
        # at search time: check() has validated the field names by then.)
        if self.fields:
            self.fields = sorted({self._fts_column(name) for name in self.fields})

    def _fts_column(self, field_name: str) -> str:
        if "autocomplete" in self.FTS_TABLE_FIELDS:
            return "autocomplete"
        return "title" if field_name == "title" else "body"

    def _match(self, config):
        query = normalize(self.query)
        if not isinstance(query, PlainText | Phrase | And | Or):
            return None  # negations and match-all: upstream's way
        return MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )

    def _entries(self, match, config, *, fts_first=True):
        content_types = get_descendants_content_types_pks(self.queryset.model)
        entries = SQLiteFTSIndexEntry.objects.filter(match)
        if fts_first:
            entries = entries.annotate(_content_type=F("index_entry__content_type_id") + 0).filter(
                _content_type__in=content_types
            )
        else:  # one entry per outer row: found through the (content type, object id) index
            entries = entries.filter(index_entry__content_type_id__in=content_types)
        return entries.annotate(
            score=self._build_rank_expression(self.get_search_vectors(), config)
        )

    def search(self, config, start, stop, score_field=None):
        self._use_fts_columns()
        match = self._match(config)
        if match is None:
            return super().search(config, start, stop, score_field=score_field)
        entries = self._entries(match, config)
        queryset = self.queryset.filter(pk__in=Subquery(entries.values("index_entry__object_id")))
        if not self.order_by_relevance and score_field is None:
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]
        score_field = score_field or "_score"
        start = start or 0
        if stop is None or stop - start > MAX_RANKED_SLICE:
            # Whole result sets (counting, iterating everything): score each row in SQL.
            scores = self._entries(match, config, fts_first=False).filter(
                index_entry__object_id=OuterRef("pk")
            )
            scores = scores.values("score")[:1]
            queryset = queryset.annotate(
                **{score_field: Subquery(scores, output_field=FloatField())}
            )
            if self.order_by_relevance:
                queryset = queryset.order_by(score_field, "-pk")
            return queryset[start:stop]
        # One page: the scores of every match in scope in one FTS5 pass, ranked here, then
        # the page.
        if self.order_by_relevance:  # as upstream: best score first, then newest
            in_scope = (
                self.queryset.order_by()
                .annotate(_pk_text=Cast("pk", CharField()))
                .values("_pk_text")
            )
            to_pk = _pk_parser(self.queryset.model)
            scored = entries.filter(index_entry__object_id__in=in_scope).values_list(
                "index_entry__object_id", "score"
            )
            scores = {to_pk(object_id): score for object_id, score in cursor_rows(scored)}
            ranked = sorted(scores, key=lambda pk: (scores[pk], _descending(pk)))
        else:
            scores = {}
            ranked = list(queryset.values_list("pk", flat=True))
        return ranked_page(self.queryset, ranked[start:stop], scores, score_field)


class NormalisingSQLiteSearchQueryCompiler(FTSFirstMixin, sqlite.SQLiteSearchQueryCompiler):
    pass


class NormalisingSQLiteAutocompleteQueryCompiler(
    FTSFirstMixin, sqlite.SQLiteAutocompleteQueryCompiler
):
    pass


class NormalisingSQLiteSearchBackend(DatabaseSearchMixin, sqlite.SQLiteSearchBackend):
    index_class = NormalisingSQLiteIndex
    query_compiler_class = NormalisingSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = NormalisingSQLiteAutocompleteQueryCompiler

    def matching_ids(self, query, queryset, operator="and"):
        query = normalise_query(query)
        if not query:
            return queryset.none().values_list("id", flat=True)
        compiler = self.query_compiler_class(
            queryset, query, operator=operator, order_by_relevance=False
        )
        compiler._use_fts_columns()
        match = compiler._match(None)
        if match is None:
            return super().matching_ids(query, queryset, operator)
        entries = compiler._entries(match, None)
        matching = queryset.filter(id__in=Subquery(entries.values("index_entry__object_id")))
        return matching.values_list("id", flat=True)
