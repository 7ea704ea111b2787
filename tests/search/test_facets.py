"""Commitment facets: counts, combinations with text and with each other, and a page that
runs a constant number of queries whatever the number of commitments and facet values."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Organisation
from actionplans.models import ActionPlanPage, CommitmentPage, OGPValue
from home.pagetree import add_child
from search.engine import run


def search_commitments(query, filters, *, language_code):
    return run("commitments", query, filters, language_code=language_code)


pytestmark = pytest.mark.django_db


def facet(found, name) -> dict:
    return {
        option.value: option.count
        for option in next(f for f in found.facets if f.name == name).options
    }


def codes(found) -> list[str]:
    return sorted(page.code for page in found.results)


def test_without_filters_the_page_language_is_searched(corpus):
    found = search_commitments("", {"language": ["fa-af"]}, language_code="fa-af")
    assert codes(found) == [f"MS-0{n}" for n in range(1, 9)]
    assert facet(found, "language") == {"ar": 8, "fa-af": 8, "fr": 5}


def test_status_counts_and_filter(corpus):
    found = search_commitments(
        "", {"language": ["ar"], "status": ["in_progress"]}, language_code="ar"
    )
    assert codes(found) == ["AR-01", "AR-04", "AR-06", "AR-07"]
    # Counts of a facet ignore that facet's own filter, so other statuses stay choosable.
    assert facet(found, "status") == {
        "in_progress": 4,
        "completed": 2,
        "delayed": 1,
        "not_started": 1,
    }
    assert facet(found, "value")["transparency"] == 1


def test_values_within_a_facet_add_up_and_facets_narrow_each_other(corpus):
    either = search_commitments(
        "", {"language": ["ar"], "value": ["inclusion", "transparency"]}, language_code="ar"
    )
    assert codes(either) == ["AR-04", "AR-05", "AR-08"]
    both = search_commitments(
        "",
        {"language": ["ar"], "value": ["inclusion", "transparency"], "status": ["completed"]},
        language_code="ar",
    )
    assert codes(both) == ["AR-08"]


def test_theme_institution_and_plan_facets(corpus):
    plan_key = str(corpus.plans["fa-af"].translation_key)
    water_key = str(corpus.organisations["water"]["fa-af"].translation_key)
    found = search_commitments(
        "",
        {"language": ["fa-af"], "plan": [plan_key], "institution": [water_key]},
        language_code="fa-af",
    )
    assert codes(found) == ["MS-03", "MS-08"]
    plan = next(f for f in found.facets if f.name == "plan")
    assert [(o.label, o.count, o.selected) for o in plan.options] == [
        ("پلان عمل شاروالی مزار شریف", 2, True)
    ]
    institutions = next(f for f in found.facets if f.name == "institution").options
    assert {o.label: o.count for o in institutions} == {"شاروالی": 5, "آبرسانی": 2, "معارف": 1}
    by_theme = search_commitments(
        "", {"language": ["fa-af"], "theme": ["آب"]}, language_code="fa-af"
    )
    assert codes(by_theme) == ["MS-03"]


def test_institution_labels_follow_the_page_language(corpus):
    found = search_commitments("", {"language": ["ar", "fr"]}, language_code="fr")
    labels = {o.label for o in next(f for f in found.facets if f.name == "institution").options}
    assert "Direction des finances" in labels
    assert "قسم المالية" not in labels


def test_text_and_facets_combine(corpus):
    found = search_commitments("الخدمات", {"language": ["ar"]}, language_code="ar")
    assert codes(found) == ["AR-03", "AR-06"]
    assert facet(found, "status") == {"delayed": 1, "in_progress": 1}
    narrowed = search_commitments(
        "الخدمات", {"language": ["ar"], "status": ["delayed"]}, language_code="ar"
    )
    assert [page.code for page in narrowed.results] == ["AR-03"]
    assert facet(narrowed, "status") == {"delayed": 1, "in_progress": 1}


def test_text_search_with_other_keyboard_letters_and_a_relation_facet(corpus):
    found = search_commitments(
        "قراردادهاي",
        {"language": ["fa-af"], "value": ["access_to_information"]},
        language_code="fa-af",
    )
    assert [page.code for page in found.results] == ["MS-06"]


def test_selected_value_without_results_stays_listed(corpus):
    found = search_commitments(
        "", {"language": ["fr"], "status": ["cancelled"]}, language_code="fr"
    )
    assert codes(found) == []
    statuses = next(f for f in found.facets if f.name == "status").options
    assert any(o.value == "cancelled" and o.selected and o.count == 0 for o in statuses)


def _more_commitments(corpus, count: int):
    plan = ActionPlanPage.objects.get(pk=corpus.plans["ar"].pk)
    values = list(OGPValue.objects.all())
    for n in range(count):
        organisation = Organisation.objects.create(
            name=f"مؤسسة {n}", kind="public_institution", locale=plan.locale
        )
        page = CommitmentPage(
            title=f"تحسين الخدمات رقم {n}",
            code=f"AR-X{n}",
            problem="مشكل",
            objective="هدف",
            status=["cancelled", "completed"][n % 2],
            lead_institution=organisation,
            start_date=date(2025, 1, 1),
        )
        page.ogp_values = values[: n % len(values) + 1]
        page.tags.add(f"موضوع {n}", f"محور {n}")
        add_child(plan, page)


def _queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/ar/search/commitments/",
        "/ar/search/commitments/?q=الخدمات&status=delayed&status=completed&value=public_accountability",
        "/ar/search/commitments/?language=ar&language=fr&theme=الخدمات",
    ],
)
def test_commitment_search_runs_a_constant_number_of_queries(client, corpus, url):
    client.get(url)  # warm Wagtail's per-process caches (site root paths, locales)
    before = _queries_for(client, url)
    _more_commitments(corpus, 6)
    after = _queries_for(client, url)
    assert before == after


def test_plan_labels_are_in_the_page_language_else_the_plans_own(corpus):
    """A plan with a version in the page's language is named by it; one without keeps the
    title of the plan its commitments belong to."""
    from home.pagetree import translate

    arabic_plan = ActionPlanPage.objects.get(pk=corpus.plans["ar"].pk)
    translate(arabic_plan.get_parent().specific, "fr")
    translate(arabic_plan, "fr", title="Programme régional d'ouverture")
    found = search_commitments("", {"language": ["ar", "fa-af"]}, language_code="fr")
    plan = next(f for f in found.facets if f.name == "plan")
    assert {(o.label, o.count) for o in plan.options} == {
        ("Programme régional d'ouverture", 8),
        ("پلان عمل شاروالی مزار شریف", 8),
    }


def test_facets_of_many_values_list_the_most_frequent_and_every_ticked_one():
    """A region's archive can hold hundreds of plans: the plan, theme and institution facets
    list the most frequent values (search.facets' ``limit``) and whatever a link ticked."""
    from actionplans.search import MAX_OPTIONS
    from search import registry
    from search.facets import _options

    counts = {f"v{n}": n for n in range(1, 21)}
    options = _options(counts, {}, ["v1", "gone"], limit=3)
    assert [(o.value, o.count, o.selected) for o in options] == [
        ("v20", 20, False),
        ("v19", 19, False),
        ("v18", 18, False),
        ("v1", 1, True),
        ("gone", 0, True),
    ]
    limits = {spec.name: spec.limit for spec in registry.get("commitments").specs}
    assert {name: limits[name] for name in ("plan", "theme", "institution")} == dict.fromkeys(
        ("plan", "theme", "institution"), MAX_OPTIONS
    )
