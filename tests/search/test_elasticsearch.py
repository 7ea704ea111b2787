"""The Elasticsearch path, tested at the boundary: no cluster runs here, so these tests build
the index settings, mappings, documents and query bodies with the real backend classes, and
record through a fake transport node what `update_index` and a search would send.

Not verified without a live cluster: that Elasticsearch accepts these analysis settings, how
its analysers tokenise (standard tokenizer, Arabic stemmer, light French stemmer) and the
relevance it computes. See the README section on Elasticsearch for how to check them."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from actionplans.models import CommitmentPage
from search.backends.elasticsearch import (
    MosharakaMapping,
    char_filters,
    index_settings,
)
from search.normalise import CHARACTER_TABLE, normalise

from .recorded_es import RecordingNode, recorded_backend_settings

pytestmark = pytest.mark.django_db

BACKENDS = {
    "default": {"BACKEND": "search.backends.database"},
    "es": recorded_backend_settings(AUTO_UPDATE=False),
}


@pytest.fixture
def es():
    RecordingNode.reset()
    with override_settings(WAGTAILSEARCH_BACKENDS=BACKENDS):
        yield get_search_backend("es")


def _unescape(rule_side: str) -> str:
    return rule_side.strip().encode().decode("unicode_escape")


def test_char_filters_carry_every_equivalence_of_the_normaliser():
    filters = char_filters()
    mapped = {
        _unescape(left): _unescape(right)
        for left, right in (rule.split("=>") for rule in filters["mosharaka_letters"]["mappings"])
    }
    removed = {char for char, replacement in CHARACTER_TABLE.items() if replacement == ""}
    assert mapped == {char: repl for char, repl in CHARACTER_TABLE.items() if repl}
    pattern = _unescape(filters["mosharaka_remove"]["pattern"])
    assert set(pattern.strip("[]")) == removed
    assert filters["mosharaka_remove"]["replacement"] == ""


def test_index_settings_define_the_multilingual_analysers(es):
    analysis = es.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert default["char_filter"] == ["mosharaka_remove", "mosharaka_letters"]
    for token_filter in (
        "arabic_normalization",
        "persian_normalization",
        "asciifolding",
        "decimal_digit",
        "mosharaka_elision",
        "mosharaka_arabic_stem",
        "mosharaka_french_stem",
    ):
        assert token_filter in default["filter"]
    assert analysis["filter"]["mosharaka_arabic_stem"] == {"type": "stemmer", "language": "arabic"}
    assert analysis["filter"]["mosharaka_french_stem"]["language"] == "light_french"
    assert "l" in analysis["filter"]["mosharaka_elision"]["articles"]
    # Wagtail's own n-gram analysers keep working, now with the same normalisation.
    assert analysis["analyzer"]["edgengram_analyzer"]["filter"][-1] == "edgengram"
    assert "mosharaka_letters" in analysis["analyzer"]["edgengram_analyzer"]["char_filter"]
    assert es.settings["settings"]["index"]["max_ngram_diff"] == 12
    assert index_settings()["settings"]["analysis"]["char_filter"] == char_filters()


def test_mapping_uses_the_normalising_analysers_for_autocomplete():
    mapping = MosharakaMapping(CommitmentPage).get_mapping()["properties"]
    assert mapping["_edgengrams"]["search_analyzer"] == "mosharaka_autocomplete_search"
    assert mapping["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert mapping["title"]["type"] == "text"
    assert mapping["actionplans_commitmentpage__status_filter"]["type"] == "keyword"
    assert mapping["actionplans_commitmentpage__milestones"]["type"] == "nested"


def test_documents_hold_normalised_text_and_raw_filter_values(corpus):
    commitment = corpus.commitments["MS-02"]
    document = MosharakaMapping(CommitmentPage).get_document(commitment)
    assert document["title"] == normalise("مشارکت زنان در بودجه‌سازی")
    assert document["title"] == "مشاركت زنان در بودجهسازي"
    assert document["actionplans_commitmentpage__status_filter"] == "not_started"
    assert normalise("مشارکت زنان") in " ".join(document["_edgengrams"])
    tags = document["actionplans_commitmentpage__tags"]
    assert tags == [{"name": normalise("بودجه")}]


def test_search_body_carries_the_normalised_query(es, corpus):
    results = es.search("مشارکت  زنان", CommitmentPage.objects.live(), operator="and")
    query = results.query_compiler.get_query()
    match = query["bool"]["must"]["multi_match"]
    assert match["query"] == "مشاركت زنان"
    assert match["operator"] == "and"
    assert {"match": {"_django_content_type": "actionplans.CommitmentPage"}} in (
        query["bool"]["filter"]
        if isinstance(query["bool"]["filter"], list)
        else [query["bool"]["filter"]]
    )


def test_autocomplete_body_targets_the_edge_ngrams_with_a_normalised_prefix(es):
    results = es.autocomplete("مشارکة", CommitmentPage.objects.live())
    inner = results.query_compiler.get_inner_query()
    assert inner == {"match": {"_edgengrams": {"query": "مشاركه"}}}


def test_search_sends_the_query_through_the_client_and_loads_the_hits(es, corpus):
    commitment = corpus.commitments["MS-06"]
    RecordingNode.reset(hits=[{"_score": 2.5, "fields": {"pk": [str(commitment.pk)]}}])
    found = list(es.search("شفافیت قراردادها", CommitmentPage.objects.live())[:10])
    assert found == [commitment]
    request = RecordingNode.requests[-1]
    assert request.method == "POST"
    assert request.path == "/mosharaka_wagtailcore_page/_search"
    assert request.body["query"]["bool"]["must"]["multi_match"]["query"] == "شفافيت قراردادها"


def test_matching_ids_asks_for_ids_only(es, corpus):
    commitment = corpus.commitments["MS-06"]
    RecordingNode.reset(hits=[{"_score": 1.0, "fields": {"pk": [str(commitment.pk)]}}])
    ids = es.matching_ids("قراردادهاي", CommitmentPage.objects.live())
    assert ids == [commitment.pk]
    body = RecordingNode.requests[-1].body
    assert body["_source"] is False
    assert body["stored_fields"] == "pk"
    assert body["size"] == 10_000


def test_update_index_creates_the_index_with_the_analysers_and_bulk_indexes_normalised_text(
    es, corpus
):
    RecordingNode.reset()
    with override_settings(WAGTAILSEARCH_BACKENDS=BACKENDS):
        call_command("update_index", backend_name="es", verbosity=0)
    requests = RecordingNode.requests
    created = [r for r in requests if r.method == "PUT" and r.path.count("/") == 1]
    page_index = next(r for r in created if r.path.startswith("/mosharaka_wagtailcore_page_"))
    assert page_index.body["settings"]["analysis"] == es.settings["settings"]["analysis"]
    mappings = [r for r in requests if r.path.endswith("/_mapping")]
    assert any("actionplans_commitmentpage__problem" in r.body["properties"] for r in mappings)
    bulk_lines = [line for r in requests if r.path.endswith("/_bulk") for line in r.body]
    titles = {line.get("title") for line in bulk_lines if "title" in line}
    assert normalise("شورای مشورتی شهروندان") in titles
    assert "شورای مشورتی شهروندان" not in titles
    aliases = [r for r in requests if "/_alias/" in r.path and r.method == "PUT"]
    assert any(r.path.endswith("/_alias/mosharaka_wagtailcore_page") for r in aliases)


def test_the_cluster_url_and_index_prefix_come_from_the_environment(monkeypatch):
    import importlib

    import config.settings.base as base

    monkeypatch.setenv("ELASTICSEARCH_URL", "https://search.example.org:9243")
    monkeypatch.setenv("ELASTICSEARCH_INDEX", "council")
    try:
        reloaded = importlib.reload(base)
        backend = reloaded.WAGTAILSEARCH_BACKENDS["default"]
        assert backend["BACKEND"] == "search.backends.elasticsearch"
        assert backend["URLS"] == ["https://search.example.org:9243"]
        assert backend["INDEX_PREFIX"] == "council_"
    finally:
        monkeypatch.delenv("ELASTICSEARCH_URL")
        importlib.reload(base)
