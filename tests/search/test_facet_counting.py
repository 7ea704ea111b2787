"""Facet counts taken over result sets fetched once (search.facets.Scopes): each count equals
the number of results ticking that value gives, and a facet costs one query, whatever else is
ticked or typed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import registry
from search.engine import run
from search.facets import choice_facet

pytestmark = pytest.mark.django_db

EVERY_LANGUAGE = ["ar", "fa-af", "fr"]

# (query, filters): text, facets, both; the counts of every facet are checked for each.
SEARCHES = [
    ("", {"language": EVERY_LANGUAGE}),
    ("", {"language": ["ar"], "status": ["in_progress", "completed"]}),
    ("", {"language": EVERY_LANGUAGE, "value": ["transparency"], "status": ["delayed"]}),
    ("الخدمات", {"language": ["ar"]}),
    ("خدمات", {"language": EVERY_LANGUAGE, "value": ["inclusion", "public_accountability"]}),
    ("services", {"language": ["fr", "ar"], "status": ["in_progress"]}),
]


def _codes(query, filters, language_code="fr") -> set[str]:
    found = run("commitments", query, filters, language_code=language_code)
    return {page.code for page in found.results}


@pytest.mark.parametrize(("query", "filters"), SEARCHES)
def test_every_count_is_the_number_of_results_ticking_that_value_gives(corpus, query, filters):
    """Brute force: for each option, search again with that value as the facet's only one."""
    found = run("commitments", query, filters, language_code="fr")
    checked = 0
    for facet in found.facets:
        for option in facet.options:
            ticked = {**filters, facet.name: [option.value]}
            assert option.count == len(_codes(query, ticked)), (facet.name, option.value)
            checked += 1
    assert checked >= 5


@pytest.mark.parametrize(
    ("query", "filters"),
    [("خدمات", {"language": EVERY_LANGUAGE}), ("", {"language": ["ar"], "status": ["delayed"]})],
)
def test_results_and_their_number_agree(corpus, query, filters):
    found = run("commitments", query, filters, language_code="fr")
    assert found.results.count() == len(list(found.results[:100])) > 0
    assert found.results.count() == len(_codes(query, filters))


def _queries(query, filters) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        found = run("commitments", query, filters, language_code="ar")
        list(found.results[:20])
        found.results.count()
    return [captured_query["sql"] for captured_query in captured.captured_queries]


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("", {"language": ["ar"]}),
        ("الخدمات", {"language": ["ar"]}),
        ("الخدمات", {"language": ["ar"], "status": ["delayed"], "value": ["transparency"]}),
    ],
)
def test_an_added_facet_costs_one_query_over_ids(corpus, query, filters):
    """Its count runs over the ids fetched once, not over the text search and the other
    facets' filters again."""
    run("commitments", query, filters, language_code="ar")  # warm per-process caches
    before = _queries(query, filters)
    names = ["extra_a", "extra_b", "extra_c"]
    for name in names:
        registry.add_facet(
            "commitments",
            choice_facet(name, name, lookup="code", choices=[("AR-03", "AR-03")]),
        )
    try:
        after = _queries(query, filters)
    finally:
        for name in names:
            registry.remove_facet("commitments", name)
    # At most one query each: facets of one value per result with nothing ticked share one
    # grouped count (search.facets._count_together), so they may cost none.
    assert len(after) <= len(before) + len(names)
    added = [
        sql for sql in after if '"actionplans_commitmentpage"."code"' in sql and "GROUP BY" in sql
    ]
    assert added
    for sql in added:
        assert "indexentry" not in sql  # the text search
        assert "ogp" not in sql  # another facet's filter


def test_the_search_page_runs_at_most_20_queries(client, corpus):
    url = (
        "/ar/search/commitments/?q=الخدمات&status=delayed&status=completed"
        "&value=public_accountability&theme=الخدمات&language=ar&language=fr"
    )
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    queries = [query["sql"][:160] for query in captured.captured_queries]
    assert len(queries) <= 20, "\n".join(queries)


def test_a_query_that_can_match_nothing_with_a_ticked_facet_is_an_empty_page(client, corpus):
    """Punctuation only normalises to nothing: the result sets are empty, not a server error."""
    response = client.get("/fr/search/commitments/", {"q": ":", "status": "delayed"})
    assert response.status_code == 200
