"""Who may do what in co-monitoring: every role × accreditation state × plan phase.

The role's user is a member account of the CSO's accreditation in each state ("none": no
accreditation), so the matrix also shows that council roles never speak for civil society. One
test per role walks every state and phase (building a page tree per cell would take minutes)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from actionplans.monitoring import services
from actionplans.monitoring.accreditation import forget, is_accredited_member
from actionplans.monitoring.models import Accreditation
from actionplans.monitoring.rules import can

from .conftest import PHASES, ROLES, STATES, set_phase
from .helpers import assessment, official

CIVIL_SOCIETY = {"citizen", "cso_member"}


@pytest.fixture
def cells(world, role_user, accredit):
    """Yields (user, commitment, state, phase) for every state × phase of one role."""

    def walk(role):
        user = role_user(role)
        accreditation = accredit([user] if user.is_authenticated else [], state="applied")
        for state in STATES:
            if state == "none":
                accreditation.members.clear()
            else:
                if user.is_authenticated:
                    accreditation.members.set([user])
                Accreditation.objects.filter(pk=accreditation.pk).update(status=state)
            for phase in PHASES:
                set_phase(world["plan"], phase)
                commitment = type(world["commitment"]).objects.get(pk=world["commitment"].pk)
                if user.is_authenticated:
                    forget(user)
                yield user, commitment, state, phase

    return walk


@pytest.mark.parametrize("role", ROLES)
def test_official_report(cells, role):
    for user, commitment, state, phase in cells(role):
        expected = role in ("editor", "staff_lead") and phase == "during"
        cell = (role, state, phase)
        assert can(user, "monitoring.add_official_report", commitment) is expected, cell
        if not user.is_authenticated:
            continue
        if expected:
            assert official(user, commitment, reported_on=timezone.localdate()).pk, cell
        else:
            with pytest.raises(PermissionDenied):
                official(user, commitment, reported_on=timezone.localdate())


@pytest.mark.parametrize("role", ROLES)
def test_assessment(cells, role):
    for user, commitment, state, phase in cells(role):
        expected = role in CIVIL_SOCIETY and state == "accredited" and phase == "during"
        cell = (role, state, phase)
        assert can(user, "monitoring.add_assessment", commitment) is expected, cell
        if not user.is_authenticated:
            continue
        if expected:
            assert assessment(user, commitment).organisation is not None, cell
        else:
            with pytest.raises(PermissionDenied):
                assessment(user, commitment)


@pytest.mark.parametrize("role", ROLES)
def test_accredited_member_predicate_for_evaluation(cells, world, role):
    for user, _commitment, state, phase in cells(role):
        expected = user.is_authenticated and state == "accredited"
        assert is_accredited_member(user, world["plan"]) is expected, (role, state, phase)


@pytest.mark.parametrize("role", ROLES)
def test_hide(cells, role_user, world, role):
    editor = role_user("editor")
    set_phase(world["plan"], "during")
    reports = [
        official(editor, world["commitment"], reported_on=timezone.localdate(), narrative=f"R{n}")
        for n in range(len(STATES) * len(PHASES))  # distinct: the same report twice is one
    ]
    for (user, _commitment, state, phase), report in zip(cells(role), reports, strict=True):
        expected = role == "moderator"
        assert can(user, "monitoring.hide_report", report) is expected, (role, state, phase)
        if not user.is_authenticated:
            continue
        if expected:
            hidden = services.hide_report(user=user, report=report, reason="Motif")
            assert hidden.visibility == "hidden"
        else:
            with pytest.raises(PermissionDenied):
                services.hide_report(user=user, report=report, reason="Motif")


@pytest.mark.parametrize("role", ROLES)
def test_import_decide_apply(cells, world, role):
    for user, _commitment, state, phase in cells(role):
        cell = (role, state, phase)
        assert can(user, "monitoring.import_reports", world["plan"]) is (role == "editor"), cell
        assert can(user, "monitoring.decide_accreditation", world["plan"]) is (role == "editor"), (
            cell
        )
        assert can(user, "monitoring.apply_for_accreditation", world["plan"]) is (
            role in CIVIL_SOCIETY
        ), cell
