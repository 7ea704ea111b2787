"""The normalising database backends: what they store, what they search for, and that
publishing keeps the index in step with the page."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.query import MATCH_NONE, And, Not, Or, Phrase, PlainText
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from actionplans.models import CommitmentPage
from search.backends.database import DatabaseSearchMixin, with_indexer
from search.backends.query import normalise_query

pytestmark = pytest.mark.django_db


def stored_text(page) -> str:
    entry = IndexEntry.objects.get(content_type__model="commitmentpage", object_id=str(page.pk))
    if connection.vendor == "postgresql":  # tsvectors, plus plain-text mirrors
        return f"{entry.title_text} {entry.body_text}"
    return f"{entry.title} {entry.body}"


def test_the_configured_backend_normalises(corpus):
    assert isinstance(get_search_backend(), DatabaseSearchMixin)


def test_published_pages_are_indexed_with_normalised_text(corpus):
    text = stored_text(corpus.commitments["MS-02"])
    assert "مشاركت زنان در بودجهسازي" in text
    assert "ک" not in text and "ی" not in text and "\u200c" not in text


def test_postgresql_uses_the_simple_configuration(corpus):
    assert get_search_backend().config == ("simple" if connection.vendor == "postgresql" else None)


def test_publishing_reindexes_the_page_with_its_new_themes(corpus):
    page = CommitmentPage.objects.get(pk=corpus.commitments["AR-03"].pk)
    page.tags.add("الاستقبال الرقمي")
    page.save_revision().publish()
    assert "استقبال رقمي" in stored_text(page)
    assert [p.pk for p in CommitmentPage.objects.live().search("الاستقبال الرقمي")] == [page.pk]


def test_update_index_rebuilds_normalised_entries(corpus):
    IndexEntry.objects.all().delete()
    call_command("update_index", verbosity=0)
    assert "شوراي مشورتي" in stored_text(corpus.commitments["MS-01"])
    assert [p.code for p in CommitmentPage.objects.live().search("شورای")] == ["MS-01"]


def test_queries_are_normalised_in_every_form():
    assert normalise_query("  مشارکة  ") == "مشاركه"
    plain = normalise_query(PlainText("شورای", operator="or"))
    assert (plain.query_string, plain.operator) == ("شوراي", "or")
    assert normalise_query(Phrase("مستوى")).query_string == "مستوي"
    combined = normalise_query(And([PlainText("۱۴۰۳"), Or([Not(PlainText("É"))])]))
    assert combined.subqueries[0].query_string == "1403"
    assert combined.subqueries[1].subqueries[0].subquery.query_string == "e"
    assert normalise_query(PlainText("ـــ")) is MATCH_NONE


def test_a_query_of_marks_alone_finds_nothing(corpus):
    assert list(CommitmentPage.objects.live().search("\u064e\u0640")) == []
    assert list(CommitmentPage.objects.live().autocomplete("\u200c")) == []


def test_indexer_rebinding_refuses_an_incompatible_upstream():
    def add_items(self, model, objs):
        return list(objs)

    with pytest.raises(ImproperlyConfigured):
        with_indexer(add_items, object)


def test_site_search_runs_a_constant_number_of_queries(client, corpus):
    from .test_facets import _more_commitments

    url = "/ar/search/?q=الخدمات"
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    _more_commitments(corpus, 6)
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert len(response.context["hits"]) > 2
    assert len(before.captured_queries) == len(after.captured_queries)


@pytest.mark.parametrize("query", ["الخدمات", "شورای", "budget participatif", "ما می‌خواهیم"])
def test_a_page_is_ranked_as_the_whole_result_set(corpus, query):
    """A page of results is ranked without the model's rows (SQLite: FTS5 first; PostgreSQL:
    on the index table), the whole result set the upstream way: both agree."""
    queryset = CommitmentPage.objects.live()
    whole = [
        (page.pk, page.score)
        for page in queryset.search(query, operator="or").annotate_score("score")
    ]
    first_page = [
        (page.pk, page.score)
        for page in queryset.search(query, operator="or").annotate_score("score")[:3]
    ]
    assert whole
    assert [pk for pk, _ in first_page] == [pk for pk, _ in whole[:3]]
    assert [score for _, score in first_page] == pytest.approx([s for _, s in whole[:3]])
    assert queryset.search(query, operator="or").count() == len(whole)


def test_a_page_of_results_stays_in_the_searched_queryset(corpus):
    everything = CommitmentPage.objects.live().search("الخدمات", operator="or")
    found = [page.pk for page in everything]
    assert len(found) > 2
    narrowed = CommitmentPage.objects.live().exclude(pk=found[0])
    assert [page.pk for page in narrowed.search("الخدمات", operator="or")[:2]] == found[1:3]


def test_matching_ids_give_the_matches(corpus):
    backend = get_search_backend()
    queryset = CommitmentPage.objects.live()
    matching = backend.matching_ids("شورای", queryset)
    assert sorted(queryset.filter(pk__in=matching).values_list("code", flat=True)) == sorted(
        page.code for page in queryset.search("شورای")
    )


def test_a_ranked_page_keeps_the_ranking_order_and_only_its_rows(corpus):
    """The page is ordered by each id's position in the ranking (search.idlists.PositionIn),
    not by the queryset's own order, and holds only the ranked ids."""
    from search.backends.database import ranked_page

    pks = list(CommitmentPage.objects.live().order_by("path").values_list("pk", flat=True))
    ranking = [pks[3], pks[0], pks[5], pks[1]]
    page = ranked_page(CommitmentPage.objects.live().order_by("path"), ranking, {})
    assert [commitment.pk for commitment in page] == ranking
    assert list(ranked_page(CommitmentPage.objects.all(), [], {})) == []
