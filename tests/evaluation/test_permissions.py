"""Co-evaluation permissions: role × round state × submitted or not (design brief §5)."""

import pytest

from actionplans.evaluation.rules import can

from .conftest import ROLES, STATES, assess, set_state

EVALUATING = {"evaluator", "cso_accredited"}
FEEDBACK = {"citizen", "cso_accredited", "cso_not_accredited"}


def _fresh(user):
    for attribute in ("_monitoring_accreditations", "_mosharaka_group_names"):
        if user is not None:
            user.__dict__.pop(attribute, None)
    return user


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_start_an_assessment_and_give_feedback(make_round, role_user, role, state):
    evaluation_round = make_round(state)
    user = _fresh(role_user(role))
    assert can(user, "evaluation.add_assessment", evaluation_round) is (
        state == "open" and role in EVALUATING
    )
    assert can(user, "evaluation.add_citizenfeedback", evaluation_round) is (
        state == "open" and role in FEEDBACK
    )
    assert can(user, "evaluation.view_results", evaluation_round) is (
        state == "published" or role == "editor"
    )
    assert can(user, "evaluation.manage_evaluationround", evaluation_round) is (role == "editor")


@pytest.mark.parametrize("submitted", [False, True], ids=["draft", "submitted"])
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_see_change_submit_and_revise_an_assessment(
    make_round, users, role_user, commitments, accredited_cso, role, state, submitted
):
    evaluation_round = make_round("open")
    author_role = "cso_accredited" if role == "cso_accredited" else "evaluator"
    assessment = assess(
        users[author_role],
        evaluation_round,
        commitments[0],
        submit=submitted,
        organisation=accredited_cso if author_role == "cso_accredited" else None,
    )
    set_state(evaluation_round, state)
    assessment.refresh_from_db()
    user = _fresh(role_user(role))
    is_author = role == author_role
    assert can(user, "evaluation.view_assessment", assessment) is (
        is_author or (submitted and (state == "published" or role == "editor"))
    )
    assert can(user, "evaluation.change_assessment", assessment) is (
        is_author and not submitted and state == "open"
    )
    assert can(user, "evaluation.submit_assessment", assessment) is (
        is_author and not submitted and state == "open"
    )
    assert can(user, "evaluation.revise_assessment", assessment) is (
        is_author and submitted and state == "open"
    )


def test_feedback_window_closed_refuses_everyone(make_round, role_user):
    evaluation_round = make_round("open", feedback=False)
    for role in ROLES:
        assert not can(_fresh(role_user(role)), "evaluation.add_citizenfeedback", evaluation_round)


def test_superuser_not_named_on_the_round_does_not_evaluate(make_round, make_user):
    evaluation_round = make_round("open")
    admin = make_user(is_superuser=True)
    assert admin.has_perm("evaluation.add_assessment")  # Django's shortcut…
    assert not can(admin, "evaluation.add_assessment", evaluation_round)  # …not ours
    evaluation_round.evaluators.add(admin)
    evaluation_round.__dict__.pop("_evaluator_ids", None)
    assert can(admin, "evaluation.add_assessment", evaluation_round)


def test_feedback_needs_a_confirmed_email(make_round, make_user):
    evaluation_round = make_round("open")
    assert can(make_user(), "evaluation.add_citizenfeedback", evaluation_round)
    assert not can(make_user(confirmed=False), "evaluation.add_citizenfeedback", evaluation_round)
