"""Facet counts taken over result sets worked out once (search.scopes.Scopes): each count equals
the number of results ticking that value gives, and a facet costs at most one query (none when
it declares its value), whatever else is ticked or typed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import registry
from search.engine import run
from search.facets import choice_facet, count_by
from search.registry import FacetSpec

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


def _several_ticked(corpus) -> list[tuple[str, dict]]:
    """Searches with three to five facets ticked: fixed scales tested on each row's value
    (status, language), a relation (OGP value, theme) and translated objects (plan, lead
    institution), each tested through its filter."""
    plan = str(corpus.plans["ar"].translation_key)
    finance = str(corpus.organisations["finance"]["ar"].translation_key)
    return [
        (
            "",
            {
                "language": ["ar", "fr"],
                "status": ["in_progress", "completed"],
                "value": ["civic_participation", "transparency"],
            },
        ),
        (
            "",
            {
                "language": EVERY_LANGUAGE,
                "status": ["in_progress"],
                "plan": [plan],
                "institution": [finance],
            },
        ),
        (
            "الخدمات",
            {
                "language": ["ar"],
                "status": ["delayed", "in_progress"],
                "theme": ["الميزانية", "المعطيات"],
                "value": ["transparency", "civic_participation"],
            },
        ),
        (
            "services",
            {
                "language": EVERY_LANGUAGE,
                "status": ["in_progress", "delayed"],
                "plan": [plan],
                "institution": [finance],
                "value": ["transparency"],
            },
        ),
    ]


@pytest.mark.parametrize("number", range(4))
def test_counts_with_several_facets_ticked_are_the_numbers_ticking_a_value_gives(corpus, number):
    """Every option of every facet, brute force: its count is the number of results the same
    search gives with that value as the facet's only one."""
    query, filters = _several_ticked(corpus)[number]
    found = run("commitments", query, filters, language_code="ar")
    checked = 0
    for facet in found.facets:
        for option in facet.options:
            ticked = {**filters, facet.name: [option.value]}
            assert option.count == len(_codes(query, ticked)), (facet.name, option.value)
            checked += 1
    assert checked >= 5
    # A ticked facet lists the options it would list unticked, with the same counts.
    for facet in found.facets:
        if filters.get(facet.name):
            others = {name: values for name, values in filters.items() if name != facet.name}
            unticked = run("commitments", query, others, language_code="ar")
            same = next(f for f in unticked.facets if f.name == facet.name)
            expected = {option.value: option.count for option in same.options}
            assert {o.value: o.count for o in facet.options if o.count} == expected, facet.name
    # The results are those passing every ticked facet.
    assert found.results.count() == len(_codes(query, filters))


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


QUERY_COST_SEARCHES = [
    ("", {"language": ["ar"]}),
    ("الخدمات", {"language": ["ar"]}),
    ("الخدمات", {"language": ["ar"], "status": ["delayed"], "value": ["transparency"]}),
]


@pytest.mark.parametrize(("query", "filters"), QUERY_COST_SEARCHES)
def test_an_added_facet_that_declares_its_value_costs_no_query(corpus, query, filters):
    """It is counted from the facet table (search.table), ticked or not."""
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
        ticked = _queries(query, {**filters, "extra_a": ["AR-03"]})
    finally:
        for name in names:
            registry.remove_facet("commitments", name)
    assert len(after) == len(before)
    assert len(ticked) <= len(before)


@pytest.mark.parametrize(("query", "filters"), QUERY_COST_SEARCHES)
def test_an_added_facet_with_a_count_only_costs_one_query_over_ids(corpus, query, filters):
    """Its count runs over the ids fetched once, not over the text search and the other
    facets' filters again."""
    spec = choice_facet("extra", "extra", lookup="code", choices=[("AR-03", "AR-03")])

    def count(queryset, selected, language_code):
        return count_by(queryset, "code", distinct=False), {"AR-03": "AR-03"}

    count_only = FacetSpec("extra", "extra", filter=spec.filter, count=count)
    run("commitments", query, filters, language_code="ar")  # warm per-process caches
    before = _queries(query, filters)
    registry.add_facet("commitments", count_only)
    try:
        after = _queries(query, filters)
    finally:
        registry.remove_facet("commitments", "extra")
    assert len(after) == len(before) + 1
    added = [
        sql for sql in after if '"actionplans_commitmentpage"."code"' in sql and "GROUP BY" in sql
    ]
    assert len(added) == 1
    assert "indexentry" not in added[0]  # the text search
    assert "ogp" not in added[0]  # another facet's filter


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
