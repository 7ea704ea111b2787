"""Applying for accreditation and the editors' decisions: the service, its mail, its log."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from actionplans.monitoring import services
from actionplans.monitoring.accreditation import is_accredited_member
from actionplans.monitoring.models import Accreditation

from .conftest import ROLES, STATES


def apply(world, user, **overrides):
    fields = {
        "user": user,
        "plan": world["plan"],
        "organisation": world["cso"],
        "registration_number": "RNA-2024-118",
        "contact_name": "Leila",
        "contact_email": "leila@example.org",
        "member_emails": [],
    }
    fields.update(overrides)
    return services.apply_for_accreditation(**fields)


def test_application_names_members_and_is_logged(
    world, make_user, django_capture_on_commit_callbacks
):
    applicant = make_user()
    colleague = make_user(email="Colleague@Example.org")
    accreditation = apply(world, applicant, member_emails=["colleague@example.org", ""])
    assert accreditation.status == Accreditation.Status.APPLIED
    assert set(accreditation.members.all()) == {applicant, colleague}
    assert accreditation.plan_key == world["plan"].translation_key
    assert ModelLogEntry.objects.filter(action="monitoring.accreditation.apply").count() == 1
    assert not is_accredited_member(applicant, world["plan"])


def test_unknown_member_email_is_refused_with_the_address(world, make_user):
    with pytest.raises(ValidationError) as error:
        apply(world, make_user(), member_emails=["nobody@example.org"])
    assert "nobody@example.org" in str(error.value)
    assert not Accreditation.objects.exists()


@pytest.mark.parametrize(
    "field,value",
    [
        ("registration_number", "   "),
        ("registration_number", "x" * 101),
        ("contact_name", ""),
        ("contact_email", "not-an-email"),
        ("member_emails", ["not an email"]),
    ],
)
def test_bad_application_fields(world, make_user, field, value):
    with pytest.raises(ValidationError):
        apply(world, make_user(), **{field: value})
    assert not Accreditation.objects.exists()


def test_only_civil_society_organisations_apply(world, make_user):
    with pytest.raises(ValidationError):
        apply(world, make_user(), organisation=world["lead"])


def test_second_application_refused_unless_refused_before(world, make_user):
    user = make_user()
    first = apply(world, user)
    with pytest.raises(ValidationError):
        apply(world, user)
    editor = make_user(groups=["Editors"])
    services.decide_accreditation(
        user=editor, accreditation=first, decision="refuse", reason="Pièces manquantes"
    )
    again = apply(world, user)
    assert again.pk == first.pk and again.status == Accreditation.Status.APPLIED
    assert again.reason == ""


def test_decisions_email_members_in_their_language_and_change_the_predicate(
    world, make_user, django_capture_on_commit_callbacks
):
    member = make_user(preferred_language="en")
    editor = make_user(groups=["Editors"])
    accreditation = apply(world, member)
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_accreditation(user=editor, accreditation=accreditation, decision="accredit")
    assert is_accredited_member(member, world["plan"])
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]
    assert "accredited" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_accreditation(
            user=editor,
            accreditation=accreditation,
            decision="suspend",
            reason="Conflict of interest",
        )
    # A new request loads the user afresh (the answer is cached per request on the instance).
    member = type(member).objects.get(pk=member.pk)
    assert not is_accredited_member(member, world["plan"])
    assert "Conflict of interest" in mail.outbox[1].body
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(accreditation.pk)).values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == sorted(
        [
            "monitoring.accreditation.apply",
            "monitoring.accreditation.accredit",
            "monitoring.accreditation.suspend",
        ]
    )


def test_accreditation_holds_on_every_language_version_of_the_plan(world, make_user, accredit):
    from wagtail.models import Locale

    member = make_user()
    accredit([member])
    french = world["plan"].copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True
    )
    assert is_accredited_member(member, french)
    assert is_accredited_member(member, world["plan"].translation_key)


@pytest.mark.parametrize("decision", ["refuse", "suspend"])
def test_refusing_or_suspending_needs_a_reason(world, make_user, accredit, decision):
    state = "applied" if decision == "refuse" else "accredited"
    accreditation = accredit([make_user()], state=state)
    with pytest.raises(ValidationError):
        services.decide_accreditation(
            user=make_user(groups=["Editors"]),
            accreditation=accreditation,
            decision=decision,
            reason=" ",
        )
    accreditation.refresh_from_db()
    assert accreditation.status == state


@pytest.mark.parametrize("state", STATES[1:])
@pytest.mark.parametrize("decision", ["accredit", "refuse", "suspend"])
def test_transitions(world, make_user, accredit, state, decision):
    accreditation = accredit([make_user()], state=state)
    call = lambda: services.decide_accreditation(  # noqa: E731
        user=make_user(groups=["Editors"]),
        accreditation=accreditation,
        decision=decision,
        reason="R",
    )
    if decision in services.ALLOWED[state]:
        assert call().status == services.DECISIONS[decision]
    else:
        with pytest.raises(ValidationError):
            call()


@pytest.mark.parametrize("role", ROLES)
def test_who_decides(world, role_user, accredit, make_user, role):
    accreditation = accredit([make_user()], state="applied")
    user = role_user(role)
    call = lambda: services.decide_accreditation(  # noqa: E731
        user=user, accreditation=accreditation, decision="accredit"
    )
    if role == "editor":
        assert call().status == "accredited"
    else:
        with pytest.raises(PermissionDenied):
            call()


@pytest.mark.parametrize("role", ROLES)
def test_who_applies(world, role_user, role):
    user = role_user(role)
    expected = role in ("citizen", "cso_member")
    if expected:
        assert apply(world, user).status == "applied"
    else:
        with pytest.raises(PermissionDenied):
            apply(world, user)


def test_mail_outage_does_not_fail_the_decision(
    world, make_user, accredit, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.monitoring.broken_mail.Backend"
    accreditation = accredit([make_user()], state="applied")
    with django_capture_on_commit_callbacks(execute=True):
        result = services.decide_accreditation(
            user=make_user(groups=["Editors"]), accreditation=accreditation, decision="accredit"
        )
    assert result.status == "accredited"
