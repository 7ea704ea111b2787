"""A plan in the English tree with commitments, an evaluation round in each state, and one user
per role of the co-evaluation permission matrix."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import roles
from accounts.models import Membership
from actionplans.evaluation import ratings, services
from actionplans.evaluation.models import EvaluationRound
from tests.actionplans.factories import (
    accreditation,
    commitment_page,
    english_home,
    index_page,
    organisation,
    plan_page,
)

ROLES = [
    "evaluator",
    "other_evaluator",
    "cso_accredited",
    "cso_not_accredited",
    "citizen",
    "editor",
    "anonymous",
]
STATES = ["draft", "open", "closed", "published"]

COMPLETE = {
    "verifiable": True,
    "relevant_values": ["transparency", "civic_participation"],
    "potential": "substantial",
    "completion": "substantial",
    "early_results": "major",
    "narrative": "The portal is online and used.",
    "evidence": "https://example.org/portal",
}


@pytest.fixture(scope="module")
def plan_pk(module_db, django_db_blocker) -> int:
    """The plan's tree is built once per module (tests/conftest.py, `module_db`)."""
    with django_db_blocker.unblock():
        index = index_page(english_home())
        plan = plan_page(index)
        commitment_page(plan, "C1")
        commitment_page(plan, "C2", milestones=[])
        return plan.pk


@pytest.fixture
def plan(db, plan_pk):
    from actionplans.models import ActionPlanPage

    return ActionPlanPage.objects.get(pk=plan_pk)


@pytest.fixture
def commitments(plan):
    from actionplans.models import CommitmentPage

    return list(CommitmentPage.objects.child_of(plan).order_by("path"))


@pytest.fixture
def accredited_cso(db):
    return organisation("جمعية الشفافية", kind="cso", fr="Association Transparence")


@pytest.fixture
def other_cso(db):
    return organisation("جمعية أخرى", kind="cso")


@pytest.fixture
def accredit():
    """Accredit an organisation on a plan (co-monitoring's accreditation), with member accounts."""

    def accredit(org, plan, members=(), status="accredited"):
        return accreditation(plan, org, members, status)

    return accredit


@pytest.fixture
def users(make_user, accredited_cso, other_cso):
    evaluator = make_user(groups=[roles.EVALUATORS], display_name="Dr. Evaluator")
    other = make_user(groups=[roles.EVALUATORS])
    cso = make_user(display_name="CSO member")
    Membership.objects.create(user=cso, organisation=accredited_cso)
    cso_other = make_user()
    Membership.objects.create(user=cso_other, organisation=other_cso)
    return {
        "evaluator": evaluator,
        "other_evaluator": other,
        "cso_accredited": cso,
        "cso_not_accredited": cso_other,
        "citizen": make_user(),
        "editor": make_user(groups=[roles.EDITORS]),
        "moderator": make_user(groups=[roles.MODERATORS]),
    }


@pytest.fixture
def role_user(users):
    from django.contrib.auth.models import AnonymousUser

    def get(role):
        return AnonymousUser() if role == "anonymous" else users[role]

    return get


def new_round(plan, state="open", *, feedback=True, evaluators=(), **fields) -> EvaluationRound:
    """A round on the plan; its citizen feedback window is open today unless feedback=False."""
    today = timezone.localdate()
    window = (today - timedelta(days=5), today + timedelta(days=5))
    if not feedback:
        window = (today - timedelta(days=30), today - timedelta(days=1))
    evaluation_round = EvaluationRound.objects.create(
        plan_key=plan.translation_key,
        kind=fields.pop("kind", EvaluationRound.Kind.MID_TERM),
        starts_on=today - timedelta(days=10),
        ends_on=today + timedelta(days=20),
        feedback_opens_on=window[0],
        feedback_closes_on=window[1],
        state=state,
        **fields,
    )
    evaluation_round.evaluators.set(evaluators)
    return evaluation_round


@pytest.fixture
def make_round(plan, users, accredit, accredited_cso, other_cso):
    accredit(accredited_cso, plan, [users["cso_accredited"]])
    # The other organisation applied but is not accredited (yet).
    accredit(other_cso, plan, [users["cso_not_accredited"]], status="applied")

    def make(state="open", *, feedback=True, **fields) -> EvaluationRound:
        return new_round(plan, state, feedback=feedback, evaluators=[users["evaluator"]], **fields)

    return make


def assess(user, evaluation_round, commitment, submit=True, organisation=None, **values):
    return services.save_assessment(
        user=user,
        evaluation_round=evaluation_round,
        commitment_key=commitment.translation_key,
        values={**COMPLETE, **values},
        organisation=organisation,
        language=commitment.locale.language_code,
        submit=submit,
    )


def give(user, evaluation_round, commitment, rating=3, body="Seen it."):
    return services.give_feedback(
        user=user,
        evaluation_round=evaluation_round,
        commitment=commitment,
        rating=rating,
        body=body,
        language=commitment.locale.language_code,
    )


def set_state(evaluation_round, state):
    """A round in any state, bypassing the transitions (and the permission) the service checks;
    the search's ratings are rewritten as the service rewrites them."""
    EvaluationRound.objects.filter(pk=evaluation_round.pk).update(state=state)
    ratings.refresh_round(evaluation_round)
    evaluation_round.refresh_from_db()
    for attribute in ("_evaluator_ids",):
        evaluation_round.__dict__.pop(attribute, None)
    return evaluation_round
