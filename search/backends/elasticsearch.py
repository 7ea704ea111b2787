"""Wagtail's elasticsearch9 backend with the same normalisation as the database backends.

Documents and queries are normalised in Python by search.normalise before they reach the
cluster, so Elasticsearch indexes exactly the tokens the database backends index. The index's
analysers repeat the character equivalences as char filters generated from the same table (so
text that reaches the cluster another way is treated alike) and add what Lucene does well per
language: Arabic and Persian normalisation, the Arabic light stemmer, French elision and the
light French stemmer. Each of those filters only touches its own script, so one analyser serves
a page in any of our languages.
"""

import copy

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import deep_update

from search.normalise import CHARACTER_TABLE, normalise

from .query import NormalisingQueryMixin

#: The most ids matching_ids() fetches: Elasticsearch's default index.max_result_window.
MAX_MATCHING_IDS = 10_000

FRENCH_ELISIONS = [
    *("l", "m", "t", "qu", "n", "s", "j", "d", "c"),
    *("jusqu", "quoiqu", "lorsqu", "puisqu"),
]
_CHAR_FILTERS = ["mosharaka_remove", "mosharaka_letters"]
_TEXT_FILTERS = [
    "mosharaka_elision",
    "lowercase",
    "decimal_digit",
    "arabic_normalization",
    "persian_normalization",
    "asciifolding",
]


def _escape(char: str) -> str:
    return f"\\u{ord(char):04X}"


def _rule_output(text: str) -> str:
    return text if text.isascii() else "".join(_escape(char) for char in text)


def char_filters() -> dict:
    """The normaliser's character table as Elasticsearch char filters: removals as one
    pattern_replace (a mapping rule cannot map to nothing), one-for-one rewrites as a mapping."""
    removed = sorted(char for char, replacement in CHARACTER_TABLE.items() if replacement == "")
    rewritten = sorted(
        (char, replacement) for char, replacement in CHARACTER_TABLE.items() if replacement
    )
    return {
        "mosharaka_remove": {
            "type": "pattern_replace",
            "pattern": "[" + "".join(_escape(char) for char in removed) + "]",
            "replacement": "",
        },
        "mosharaka_letters": {
            "type": "mapping",
            "mappings": [
                f"{_escape(char)} => {_rule_output(replacement)}" for char, replacement in rewritten
            ],
        },
    }


def index_settings() -> dict:
    """Analysis settings merged into Wagtail's: ``default`` analyses every text field (and the
    ``_all_text`` catch-all), the edge-n-gram analysers serve autocomplete."""
    return {
        "settings": {
            "analysis": {
                "char_filter": char_filters(),
                "filter": {
                    "mosharaka_elision": {
                        "type": "elision",
                        "articles_case": True,
                        "articles": FRENCH_ELISIONS,
                    },
                    "mosharaka_arabic_stem": {"type": "stemmer", "language": "arabic"},
                    "mosharaka_french_stem": {"type": "stemmer", "language": "light_french"},
                },
                "analyzer": {
                    "default": {
                        "type": "custom",
                        "char_filter": _CHAR_FILTERS,
                        "tokenizer": "standard",
                        "filter": [
                            *_TEXT_FILTERS,
                            "mosharaka_arabic_stem",
                            "mosharaka_french_stem",
                        ],
                    },
                    "mosharaka_autocomplete_search": {
                        "type": "custom",
                        "char_filter": _CHAR_FILTERS,
                        "tokenizer": "standard",
                        "filter": _TEXT_FILTERS,
                    },
                    "edgengram_analyzer": {
                        "type": "custom",
                        "char_filter": _CHAR_FILTERS,
                        "tokenizer": "standard",
                        "filter": [*_TEXT_FILTERS, "edgengram"],
                    },
                    "ngram_analyzer": {
                        "type": "custom",
                        "char_filter": _CHAR_FILTERS,
                        "tokenizer": "standard",
                        "filter": [*_TEXT_FILTERS, "ngram"],
                    },
                },
            }
        }
    }


class MosharakaMapping(Elasticsearch9Mapping):
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "mosharaka_autocomplete_search",
    }

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        # Filter values (status codes, ids, dates) are matched exactly: leave them alone.
        if isinstance(field, (SearchField, AutocompleteField)):
            value = self._normalise(value)
            edgengrams = [self._normalise(item) for item in edgengrams]
        return name, value, edgengrams

    @staticmethod
    def _normalise(value):
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, list | tuple):
            return [normalise(item) for item in value]
        return normalise(value)


class MosharakaIndex(Elasticsearch9Index):
    pass


class MosharakaSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = MosharakaMapping


class MosharakaAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = MosharakaMapping


class MosharakaSearchResults(Elasticsearch9SearchResults):
    pass


class ElasticsearchSearchBackend(NormalisingQueryMixin, Elasticsearch9SearchBackend):
    mapping_class = MosharakaMapping
    index_class = MosharakaIndex
    query_compiler_class = MosharakaSearchQueryCompiler
    autocomplete_query_compiler_class = MosharakaAutocompleteQueryCompiler
    results_class = MosharakaSearchResults
    settings = deep_update(copy.deepcopy(Elasticsearch9SearchBackend.settings), index_settings())

    def matching_ids(self, query, queryset, operator="and"):
        """Ids of ``queryset`` matching ``query`` (at most MAX_MATCHING_IDS), for ``id__in``."""
        results = self.search(query, queryset, operator=operator, order_by_relevance=False)
        compiler = getattr(results, "query_compiler", None)
        if compiler is None:  # no query left after normalisation
            return []
        response = self.es.search(
            index=self.get_index_for_model(queryset.model).name,
            query=compiler.get_query(),
            size=MAX_MATCHING_IDS,
            _source=False,
            stored_fields="pk",
        )
        return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]


SearchBackend = ElasticsearchSearchBackend
