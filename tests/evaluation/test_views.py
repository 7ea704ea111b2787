"""Public pages of co-evaluation, through the test client (forms without JavaScript)."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from actionplans.evaluation.models import Assessment, CitizenFeedback

from .conftest import assess, give, set_state


def url(name, evaluation_round, commitment=None):
    with override("en"):
        kwargs = {"round_id": evaluation_round.pk}
        if commitment is not None:
            kwargs["commitment_key"] = commitment.translation_key
        return reverse(f"evaluation:{name}", kwargs=kwargs)


FORM = {
    "verifiable": "yes",
    "relevant_values": ["transparency"],
    "potential": "substantial",
    "completion": "complete",
    "early_results": "outstanding",
    "narrative": "Delivered and used by citizens.",
    "evidence": "Annual report 2026",
}


def test_evaluator_saves_a_draft_then_submits(client, make_round, users, commitments):
    evaluation_round = make_round("open")
    client.force_login(users["evaluator"])
    assess_url = url("assess", evaluation_round, commitments[0])
    page = client.get(assess_url)
    assert page.status_code == 200
    assert 'name="completion"' in page.content.decode()
    response = client.post(assess_url, {**FORM, "completion": "", "save": "1"})
    assert response.status_code == 302
    draft = Assessment.objects.get()
    assert draft.is_draft and draft.completion == "" and draft.narrative
    response = client.post(assess_url, {**FORM, "completion": "", "submit": "1"})
    assert response.status_code == 400
    assert "Choose a level before submitting." in response.content.decode()
    assert Assessment.objects.get().narrative == FORM["narrative"]
    response = client.post(assess_url, {**FORM, "submit": "1"})
    assert response.status_code == 302
    assert Assessment.objects.get().status == "submitted"


def test_second_submission_explains_and_keeps_the_typed_text(
    client, make_round, users, commitments
):
    evaluation_round = make_round("open")
    assess(users["evaluator"], evaluation_round, commitments[0])
    client.force_login(users["evaluator"])
    response = client.post(
        url("assess", evaluation_round, commitments[0]),
        {**FORM, "narrative": "A second opinion", "submit": "1"},
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "already submitted" in body and "A second opinion" in body
    assert Assessment.objects.count() == 1


def test_rating_outside_the_scale_is_a_clear_error(client, make_round, users, commitments):
    evaluation_round = make_round("open")
    client.force_login(users["evaluator"])
    response = client.post(
        url("assess", evaluation_round, commitments[0]),
        {**FORM, "completion": "finished", "submit": "1"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert FORM["narrative"] in response.content.decode()
    assert not Assessment.objects.exists()


def test_evaluator_not_named_gets_a_message_and_nothing_is_saved(
    client, make_round, users, commitments
):
    evaluation_round = make_round("open")
    client.force_login(users["other_evaluator"])
    response = client.post(url("assess", evaluation_round, commitments[0]), FORM)
    assert response.status_code == 403
    body = response.content.decode()
    assert "Only the evaluators named on this round" in body
    assert FORM["narrative"] in body  # what was typed is shown back
    assert not Assessment.objects.exists()


def test_revision_from_the_commitment_page(client, make_round, users, commitments):
    evaluation_round = make_round("open")
    first = assess(users["evaluator"], evaluation_round, commitments[0])
    client.force_login(users["evaluator"])
    page = client.get(url("commitment", evaluation_round, commitments[0]))
    assert "Start a revision" in page.content.decode()
    with override("en"):
        response = client.post(reverse("evaluation:revise", args=[first.pk]))
    assert response.status_code == 302
    assert Assessment.objects.filter(version=2, status="draft").exists()
    response = client.post(url("assess", evaluation_round, commitments[0]), {**FORM, "submit": "1"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.superseded_by is not None


def test_draft_rounds_are_hidden_from_the_public(client, make_round, users):
    evaluation_round = make_round("draft")
    assert client.get(url("round", evaluation_round)).status_code == 404
    client.force_login(users["editor"])
    assert client.get(url("round", evaluation_round)).status_code == 200


def test_citizen_gives_feedback_once(client, make_round, users, commitments):
    evaluation_round = make_round("open")
    client.force_login(users["citizen"])
    feedback_url = url("feedback", evaluation_round, commitments[0])
    assert client.get(feedback_url).status_code == 200
    response = client.post(feedback_url, {"rating": "4", "body": "Seen it work."})
    assert response.status_code == 302
    assert CitizenFeedback.objects.get().rating == 4
    response = client.post(feedback_url, {"rating": "2", "body": "Changed my mind"})
    assert response.status_code == 409
    assert "already given your feedback" in response.content.decode()
    assert CitizenFeedback.objects.get().rating == 4


def test_a_civil_society_member_both_assesses_and_gives_feedback(
    client, make_round, users, commitments
):
    """An accredited organisation's member assesses for the organisation and may still give
    citizen feedback as a person: the round's work list offers both."""
    evaluation_round = make_round("open")
    client.force_login(users["cso_accredited"])
    html = client.get(url("round", evaluation_round)).content.decode()
    assert url("assess", evaluation_round, commitments[0]) in html
    assert url("feedback", evaluation_round, commitments[0]) in html


def test_feedback_outside_the_window_says_when_it_is_open(client, make_round, users, commitments):
    evaluation_round = make_round("open", feedback=False)
    client.force_login(users["citizen"])
    response = client.post(
        url("feedback", evaluation_round, commitments[0]), {"rating": "4", "body": "Late"}
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "Citizen feedback on this evaluation is open from" in body
    assert "Late" in body
    assert not CitizenFeedback.objects.exists()


@pytest.mark.parametrize("rating", ["0", "6", "x", ""])
def test_feedback_rating_outside_the_scale_view(client, make_round, users, commitments, rating):
    evaluation_round = make_round("open")
    client.force_login(users["citizen"])
    response = client.post(
        url("feedback", evaluation_round, commitments[0]), {"rating": rating, "body": "Text kept"}
    )
    assert response.status_code == 400
    assert "Text kept" in response.content.decode()


def test_published_results_side_by_side(client, make_round, users, commitments, accredited_cso):
    evaluation_round = make_round("open")
    assess(users["evaluator"], evaluation_round, commitments[0])
    assess(
        users["cso_accredited"],
        evaluation_round,
        commitments[0],
        organisation=accredited_cso,
        completion="limited",
        early_results="marginal",
    )
    give(users["citizen"], evaluation_round, commitments[0], rating=5, body="Good")
    closed = url("commitment", evaluation_round, commitments[0])
    assert "Results side by side" not in client.get(closed).content.decode()
    set_state(evaluation_round, "published")
    body = client.get(closed).content.decode()
    for text in (
        "Independent evaluator",
        "Dr. Evaluator",
        "Civil-society evaluation",
        "Limited",
        "Marginal",
        "Substantial",
        "Major",
        "Average 5.0 / 5 from 1 citizen",
        "In progress",
    ):
        assert text in body, text
    plan_page = client.get(url("round", evaluation_round)).content.decode()
    assert "Star commitments" in plan_page and "ev-results__star" in plan_page
    assert "A commitment is a <strong>star</strong>" in plan_page


def test_plan_and_commitment_pages_link_to_the_round(client, make_round, plan, commitments):
    evaluation_round = make_round("open")
    assert url("round", evaluation_round) in client.get(plan.url).content.decode()
    body = client.get(commitments[0].url).content.decode()
    assert url("commitment", evaluation_round, commitments[0]) in body
    assert url("feedback", evaluation_round, commitments[0]) in body
