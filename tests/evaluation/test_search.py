"""Co-evaluation facets on the commitment search: the IRM completion and early-results ratings
of a commitment's latest published independent assessment; drafts, unpublished rounds,
civil-society evaluations and replaced versions never count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from actionplans.evaluation import ratings, services
from actionplans.evaluation.models import Assessment, EvaluationRound
from actionplans.evaluation.scales import Completion, EarlyResults
from tests.actionplans.factories import commitment_page

from .conftest import assess, set_state

URL = "/en/search/commitments/"


def publish(evaluation_round, days_ago: int):
    """Published some days ago (the service publishes now), ratings rewritten as it does."""
    EvaluationRound.objects.filter(pk=evaluation_round.pk).update(
        state="published", published_at=timezone.now() - timedelta(days=days_ago)
    )
    ratings.refresh_round(evaluation_round)


@pytest.fixture
def evaluated(plan, commitments, make_round, users, accredited_cso):
    """C1: limited/marginal at mid-term, then complete/outstanding at the end of term. C2:
    substantial/major, revised to limited/did not change. C3: only a draft, a civil-society
    evaluation and an assessment in a round not published yet."""
    c1, c2 = commitments
    c3 = commitment_page(plan, "C3", title="Budget C3", milestones=[])
    evaluator, cso = users["evaluator"], users["cso_accredited"]
    mid_term = make_round()
    mid_term.evaluators.add(users["other_evaluator"])
    assess(evaluator, mid_term, c1, completion="limited", early_results="marginal")
    first = assess(evaluator, mid_term, c2)
    revision = services.start_revision(user=evaluator, assessment=first)
    assess(evaluator, mid_term, c2, completion="limited", early_results="did_not_change")
    assert revision.pk != first.pk
    assess(users["other_evaluator"], mid_term, c3, submit=False, completion="not_started")
    assess(cso, mid_term, c3, organisation=accredited_cso, completion="no_evidence")
    end_of_term = make_round(kind=EvaluationRound.Kind.END_OF_TERM)
    assess(evaluator, end_of_term, c1, completion="complete", early_results="outstanding")
    pending = make_round(kind=EvaluationRound.Kind.END_OF_TERM)
    assess(evaluator, pending, c3, completion="substantial", early_results="major")
    publish(mid_term, days_ago=200)
    publish(end_of_term, days_ago=2)
    set_state(pending, "closed")
    return {"c1": c1, "c2": c2, "c3": c3, "pending": pending, "mid_term": mid_term}


def facet(response, name: str):
    return next(f for f in response.context["facets"] if f.name == name)


def counts(response, name: str) -> dict:
    return {option.value: option.count for option in facet(response, name).options}


def codes(response) -> list[str]:
    return sorted(hit.page.code for hit in response.context["hits"])


def test_counts_come_from_the_latest_published_independent_assessment(client, evaluated):
    response = client.get(URL)
    assert counts(response, "completion") == {"complete": 1, "limited": 1}
    assert counts(response, "early_results") == {"outstanding": 1, "did_not_change": 1}


def test_filters_by_rating(client, evaluated):
    assert codes(client.get(URL, {"completion": "complete"})) == ["C1"]
    assert codes(client.get(URL, {"completion": ["complete", "limited"]})) == ["C1", "C2"]
    assert codes(client.get(URL, {"early_results": "did_not_change"})) == ["C2"]
    # C1's mid-term rating was replaced by the end-of-term round's; C2's first version by its
    # revision.
    assert codes(client.get(URL, {"early_results": "marginal"})) == []
    assert codes(client.get(URL, {"completion": "substantial"})) == []


def test_unpublished_rounds_drafts_and_civil_society_do_not_count(client, evaluated):
    for value in ("substantial", "not_started", "no_evidence"):
        response = client.get(URL, {"completion": value})
        assert codes(response) == []
    assert "C3" not in codes(client.get(URL, {"early_results": "major"}))
    # Once its round is published, the pending assessment counts.
    publish(evaluated["pending"], days_ago=0)
    assert codes(client.get(URL, {"completion": "substantial"})) == ["C3"]


def test_a_round_taken_back_from_publication_stops_counting(client, evaluated):
    set_state(evaluated["mid_term"], "closed")
    assert counts(client.get(URL), "completion") == {"complete": 1}


def test_ratings_combine_with_text_and_other_facets(client, evaluated):
    assert codes(client.get(URL, {"q": "budget", "completion": ["complete", "limited"]})) == []
    found = client.get(URL, {"q": "commitment", "completion": ["complete", "limited"]})
    assert codes(found) == ["C1", "C2"]
    both = client.get(URL, {"completion": "complete", "early_results": "outstanding"})
    assert codes(both) == ["C1"]
    # Each facet is counted with the other facets applied.
    narrowed = client.get(URL, {"completion": "limited"})
    assert counts(narrowed, "early_results") == {"did_not_change": 1}
    assert counts(narrowed, "completion") == {"complete": 1, "limited": 1}
    assert counts(narrowed, "status") == {"in_progress": 1}


@pytest.mark.parametrize(
    "params",
    [
        {"completion": "major"},  # the other scale's value
        {"early_results": "1 UNION SELECT password FROM auth_user"},
        {"completion": "complete\u202e"},
        {"early_results": ["x" * 500]},
    ],
)
def test_values_outside_the_scale_are_ignored(client, evaluated, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert codes(response) == ["C1", "C2", "C3"]


@pytest.mark.parametrize("language", ["ar", "fr", "fa-af"])
def test_labels_come_from_the_scales_in_the_page_language(client, evaluated, language):
    response = client.get(f"/{language}/search/commitments/", {"language": "en"})
    completion = {o.value: o.label for o in facet(response, "completion").options}
    early = {o.value: o.label for o in facet(response, "early_results").options}
    with translation.override(language):
        assert completion["limited"] == str(Completion.LIMITED.label)
        assert early["outstanding"] == str(EarlyResults.OUTSTANDING.label)
        assert str(facet(response, "completion").label) == translation.pgettext(
            "search facet", "Completion (evaluation)"
        )
    assert completion["limited"] != "Limited"  # translated already in every catalogue


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url",
    [URL, URL + "?completion=complete&early_results=outstanding&q=commitment"],
)
def test_queries_do_not_grow_with_rounds_and_assessments(
    client, plan, evaluated, make_round, users, url
):
    client.get(url)
    before = _queries(client, url)
    for _ in range(3):
        extra = make_round()
        for n in range(5):
            page = commitment_page(plan, f"X{extra.pk}-{n}", milestones=[])
            assess(users["evaluator"], extra, page, completion="complete")
        publish(extra, days_ago=1)
    assert Assessment.objects.count() > 20
    assert _queries(client, url) == before
