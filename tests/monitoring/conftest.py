"""Fixtures for co-monitoring: a plan whose phases put today before, during or after its
implementation, a commitment led by a council department, users of every role, and a CSO whose
accreditation on the plan is in a given state."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts import roles
from accounts.models import Membership, Organisation, User
from actionplans.models import PlanPhase
from actionplans.monitoring.models import Accreditation
from tests.actionplans.factories import (
    accreditation,
    commitment_page,
    english_home,
    index_page,
    milestone,
    organisation,
    plan_page,
)
from tests.conftest import new_user

ROLES = [
    "anonymous",
    "citizen",
    "cso_member",
    "staff_lead",
    "staff_other",
    "editor",
    "moderator",
    "evaluator",
]
STATES = ["none", *Accreditation.Status.values]
PHASES = ["before", "during", "after"]


def set_phase(plan, phase: str) -> None:
    """Move the plan's phases so that today is before, during or after its implementation."""
    today = timezone.localdate()
    offset = {"before": timedelta(days=400), "during": timedelta(0), "after": -timedelta(days=2000)}
    start = today - timedelta(days=300) + offset[phase]
    plan.period_start = start
    plan.period_end = start + timedelta(days=700)
    type(plan).objects.filter(pk=plan.pk).update(
        period_start=plan.period_start, period_end=plan.period_end
    )
    windows = {
        "co_creation": (start - timedelta(days=120), start - timedelta(1)),
        "implementation": (start, start + timedelta(days=600)),
        "evaluation": (start + timedelta(days=500), start + timedelta(days=700)),
    }
    # Moved in place: deleting and creating them again ran wagtail-localize's clean-up of each
    # deleted phase (about 40 queries), most of the permission matrices' time.
    PlanPhase.objects.filter(plan=plan).exclude(kind__in=windows).delete()
    for kind, (begins, ends) in windows.items():
        if not PlanPhase.objects.filter(plan=plan, kind=kind).update(start=begins, end=ends):
            PlanPhase.objects.create(plan=plan, kind=kind, start=begins, end=ends)


def build_world() -> dict:
    today = timezone.localdate()
    index = index_page(english_home())
    plan = plan_page(index)
    lead = organisation("Information systems department", language="en")
    other = organisation("Communication service", language="en")
    cso = organisation("Transparency association", language="en", kind="cso")
    commitment = commitment_page(
        plan,
        "C1",
        lead=lead,
        milestones=[
            milestone(1, due=today - timedelta(days=20)),
            milestone(2, due=today + timedelta(days=60), status="not_started", progress=0),
        ],
    )
    return {
        "index": index,
        "plan": plan,
        "commitment": commitment,
        "lead": lead,
        "other": other,
        "cso": cso,
    }


@pytest.fixture(scope="module")
def world_keys(module_db, django_db_blocker) -> dict:
    """The plan's tree and organisations, built once per module (tests/conftest.py)."""
    with django_db_blocker.unblock():
        return {name: (type(obj), obj.pk) for name, obj in build_world().items()}


@pytest.fixture
def world(db, world_keys):
    """The module's plan, commitment and organisations, fetched afresh for each test."""
    return {name: model.objects.get(pk=pk) for name, (model, pk) in world_keys.items()}


GROUPS = {
    "staff_lead": [roles.COUNCIL_STAFF],
    "staff_other": [roles.COUNCIL_STAFF],
    "editor": [roles.EDITORS],
    "moderator": [roles.MODERATORS],
    "evaluator": [roles.EVALUATORS],
}
MEMBER_OF = {"staff_lead": "lead", "staff_other": "other", "cso_member": "cso"}


def new_role_user(world: dict, role: str):
    """A user in the role's groups, member of the world's organisation the role belongs to."""
    if role == "anonymous":
        return AnonymousUser()
    number = User.objects.count() + 1
    user = new_user(
        username=f"{role}-{uuid.uuid4().hex[:8]}",
        display_name=f"User {number}",
        groups=GROUPS.get(role, []),
        preferred_language="fr",
    )
    if role in MEMBER_OF:
        Membership.objects.create(user=user, organisation=world[MEMBER_OF[role]])
    return user


def new_accreditation(
    world: dict, users, state: str = "accredited", organisation: Organisation | None = None
) -> Accreditation:
    return accreditation(world["plan"], organisation or world["cso"], users, state)


@pytest.fixture
def role_user(db, world):
    cache: dict = {}

    def make(role: str):
        if role not in cache:
            cache[role] = new_role_user(world, role)
        return cache[role]

    return make


@pytest.fixture
def accredit(world):
    def make(users, state: str = "accredited", organisation: Organisation | None = None):
        return new_accreditation(world, users, state, organisation)

    return make
