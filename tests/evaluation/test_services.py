"""Rounds, assessments and their versions, citizen feedback: the services, called directly."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from wagtail.models import ModelLogEntry

from actionplans.evaluation import services
from actionplans.evaluation.models import Assessment, CitizenFeedback, EvaluationRound
from consultations.models import Comment

from .conftest import assess, give, set_state


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in English: said here, not left to the language an earlier test
    of the process happened to activate."""
    with translation.override("en"):
        yield


def test_round_goes_through_its_states_with_an_audit_trail(make_round, users):
    evaluation_round = make_round("draft")
    editor = users["editor"]
    for state in ("open", "closed", "published"):
        evaluation_round = services.change_round_state(
            user=editor, evaluation_round=evaluation_round, state=state
        )
        assert evaluation_round.state == state
    assert evaluation_round.published_at is not None
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(evaluation_round.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "evaluation.round.open",
        "evaluation.round.closed",
        "evaluation.round.published",
    ]


def test_a_round_cannot_skip_states_or_be_moved_by_others(make_round, users):
    evaluation_round = make_round("draft")
    with pytest.raises(ValidationError, match="cannot become"):
        services.change_round_state(
            user=users["editor"], evaluation_round=evaluation_round, state="published"
        )
    with pytest.raises(ValidationError):
        services.change_round_state(
            user=users["editor"], evaluation_round=evaluation_round, state="bogus"
        )
    for role in ("evaluator", "citizen", "cso_accredited"):
        with pytest.raises(PermissionDenied):
            services.change_round_state(
                user=users[role], evaluation_round=evaluation_round, state="open"
            )
    evaluation_round.refresh_from_db()
    assert evaluation_round.state == "draft"


def test_draft_is_saved_incomplete_and_submitting_asks_for_every_scale(
    make_round, users, commitments
):
    evaluation_round = make_round("open")
    draft = assess(
        users["evaluator"],
        evaluation_round,
        commitments[0],
        submit=False,
        completion="",
        narrative="",
    )
    assert draft.is_draft and draft.kind == Assessment.Kind.EVALUATOR
    with pytest.raises(ValidationError) as error:
        services.submit_assessment(user=users["evaluator"], assessment=draft)
    assert set(error.value.error_dict) == {"completion", "narrative"}
    draft.refresh_from_db()
    assert draft.is_draft  # nothing lost: still the saved draft
    submitted = assess(users["evaluator"], evaluation_round, commitments[0])
    assert submitted.pk == draft.pk and not submitted.is_draft
    assert sorted(v.code for v in submitted.relevant_values.all()) == [
        "civic_participation",
        "transparency",
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("completion", "finished"),
        ("early_results", "great"),
        ("potential", "huge"),
        ("verifiable", "maybe"),
        ("relevant_values", ["happiness"]),
    ],
)
def test_ratings_outside_the_scales_are_refused(make_round, users, commitments, field, value):
    evaluation_round = make_round("open")
    with pytest.raises(ValidationError) as error:
        assess(users["evaluator"], evaluation_round, commitments[0], **{field: value})
    assert field in error.value.error_dict
    assert not Assessment.objects.exists()


def test_a_second_submission_is_refused_and_a_revision_keeps_history(
    make_round, users, commitments
):
    evaluation_round = make_round("open")
    evaluator = users["evaluator"]
    first = assess(evaluator, evaluation_round, commitments[0])
    with pytest.raises(ValidationError, match="already submitted"):
        assess(evaluator, evaluation_round, commitments[0], completion="complete")
    with pytest.raises(ValidationError, match="already submitted"):
        services.submit_assessment(user=evaluator, assessment=first)
    revision = services.start_revision(user=evaluator, assessment=first)
    assert revision.version == 2 and revision.is_draft and revision.previous == first
    assert sorted(v.code for v in revision.relevant_values.all()) == [
        "civic_participation",
        "transparency",
    ]
    with pytest.raises(ValidationError):
        services.start_revision(user=evaluator, assessment=first)
    second = assess(evaluator, evaluation_round, commitments[0], completion="complete")
    first.refresh_from_db()
    assert first.completion == "substantial"  # the submitted version is never edited
    assert first.superseded_by == second
    assert list(Assessment.objects.current()) == [second]
    assert Assessment.objects.submitted().count() == 2


def test_evaluator_not_named_on_the_round_cannot_assess(make_round, users, commitments):
    evaluation_round = make_round("open")
    with pytest.raises(PermissionDenied):
        assess(users["other_evaluator"], evaluation_round, commitments[0])
    assert not Assessment.objects.exists()


def test_accredited_cso_member_writes_a_civil_society_evaluation(
    make_round, users, commitments, accredited_cso, other_cso
):
    evaluation_round = make_round("open")
    member = users["cso_accredited"]
    with pytest.raises(ValidationError, match="accredited organisation"):
        assess(member, evaluation_round, commitments[0], organisation=other_cso)
    assessment = assess(member, evaluation_round, commitments[0], organisation=accredited_cso)
    assert assessment.kind == Assessment.Kind.CIVIL_SOCIETY
    assert assessment.organisation == accredited_cso
    with pytest.raises(PermissionDenied):
        assess(
            users["cso_not_accredited"], evaluation_round, commitments[0], organisation=other_cso
        )


def test_round_without_civil_society_evaluation(make_round, users, commitments, accredited_cso):
    evaluation_round = make_round("open", civil_society=False)
    with pytest.raises(PermissionDenied):
        assess(
            users["cso_accredited"], evaluation_round, commitments[0], organisation=accredited_cso
        )


def test_assessing_stops_when_the_round_closes(make_round, users, commitments):
    evaluation_round = make_round("open")
    draft = assess(users["evaluator"], evaluation_round, commitments[0], submit=False)
    set_state(evaluation_round, "closed")
    with pytest.raises(PermissionDenied):
        services.submit_assessment(user=users["evaluator"], assessment=draft)
    draft.refresh_from_db()
    assert draft.is_draft and draft.narrative  # kept as it was


def test_citizen_feedback_is_a_moderated_comment_with_a_rating(make_round, users, commitments):
    evaluation_round = make_round("open")
    feedback = give(
        users["citizen"], evaluation_round, commitments[0], rating=4, body="The portal works."
    )
    comment = feedback.comment
    assert comment.target_key == commitments[0].translation_key
    assert comment.body == "The portal works." and comment.status == Comment.Status.PUBLISHED
    assert feedback.rating == 4
    assert CitizenFeedback.objects.visible().count() == 1
    comment.status = Comment.Status.HIDDEN
    comment.save()
    assert CitizenFeedback.objects.visible().count() == 0


@pytest.mark.parametrize("rating", [0, 6, "five", None, -1])
def test_feedback_rating_outside_the_scale(make_round, users, commitments, rating):
    evaluation_round = make_round("open")
    with pytest.raises(ValidationError) as error:
        give(users["citizen"], evaluation_round, commitments[0], rating=rating, body="x")
    assert "rating" in error.value.error_dict
    assert not Comment.objects.exists()


def test_feedback_outside_the_window_and_twice(make_round, users, commitments):
    closed_window = make_round("open", feedback=False)
    with pytest.raises(ValidationError, match="not open"):
        give(users["citizen"], closed_window, commitments[0], rating=3, body="x")
    evaluation_round = make_round("open")
    give(users["citizen"], evaluation_round, commitments[0], rating=3, body="first")
    with pytest.raises(ValidationError, match="already given"):
        give(users["citizen"], evaluation_round, commitments[0], rating=5, body="again")
    assert list(Comment.objects.values_list("body", flat=True)) == ["first"]


def test_evaluators_do_not_give_citizen_feedback(make_round, users, commitments):
    evaluation_round = make_round("open")
    with pytest.raises(PermissionDenied):
        give(users["evaluator"], evaluation_round, commitments[0], rating=3, body="x")


def test_rounds_belong_to_every_language_version_of_the_plan(make_round, plan):
    evaluation_round = make_round("open")
    assert EvaluationRound.objects.for_plan(plan.translation_key).get() == evaluation_round
    assert evaluation_round.plan() == plan
