"""An organisation that is not listed yet applies under its name: it is created, in the plan's
language, only when an editor accredits it; a refused application leaves none behind."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Membership, Organisation
from actionplans.monitoring import services
from actionplans.monitoring.models import Accreditation
from actionplans.monitoring.rules import can

from .helpers import assessment


def apply_url(world):
    return f"/en/monitoring/plans/{world['plan'].pk}/apply/"


FIELDS = {
    "registration_number": "RNA-2025-7",
    "contact_name": "Samira",
    "contact_email": "samira@example.org",
}


@pytest.fixture
def applicant(client, make_user):
    user = make_user(email="samira@example.org")
    client.force_login(user)
    return user


def apply_with_new_name(client, world, name="Collectif des quartiers nord"):
    return client.post(apply_url(world), {**FIELDS, "new_organisation": name})


def test_a_member_applies_for_an_organisation_not_listed(client, world, applicant):
    form = client.get(apply_url(world)).content.decode()
    assert 'name="new_organisation"' in form
    response = apply_with_new_name(client, world)
    assert response.status_code == 302
    accreditation = Accreditation.objects.get()
    assert accreditation.organisation is None
    assert accreditation.new_organisation_name == "Collectif des quartiers nord"
    assert accreditation.new_organisation_locale == world["plan"].locale
    assert list(accreditation.members.all()) == [applicant]
    # Nothing public yet.
    assert not Organisation.objects.filter(name="Collectif des quartiers nord").exists()
    mine = client.get(apply_url(world)).content.decode()
    assert "Collectif des quartiers nord" in mine


def test_accrediting_creates_the_organisation_and_the_member_can_report(
    client, world, applicant, role_user, django_capture_on_commit_callbacks
):
    apply_with_new_name(client, world)
    accreditation = Accreditation.objects.get()
    editor = role_user("editor")
    client.force_login(editor)
    url = reverse("accreditations:edit", args=[accreditation.pk])
    screen = client.get(url).content.decode()
    # The admin speaks the server language (Arabic) to an editor who chose none.
    assert "Collectif des quartiers nord" in screen and "غير مدرجة بعد" in screen
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"decision": "accredit", "reason": ""}).status_code == 302
    accreditation.refresh_from_db()
    organisation = accreditation.organisation
    assert organisation.name == "Collectif des quartiers nord"
    assert organisation.kind == Organisation.Kind.CSO
    assert organisation.locale == world["plan"].locale
    assert accreditation.organisation_key == organisation.translation_key
    assert Membership.objects.filter(user=applicant, organisation=organisation).exists()
    assert "Collectif des quartiers nord" in mail.outbox[-1].subject
    applicant.refresh_from_db()
    assert can(applicant, "monitoring.add_assessment", world["commitment"])
    report = assessment(applicant, world["commitment"], status="on_track")
    assert report.organisation == organisation


def test_a_refused_application_leaves_no_organisation(
    world, applicant, role_user, client, django_capture_on_commit_callbacks
):
    before = Organisation.objects.count()
    apply_with_new_name(client, world)
    accreditation = Accreditation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_accreditation(
            user=role_user("editor"),
            accreditation=accreditation,
            decision=services.REFUSE,
            reason="Pas de statuts déposés",
        )
    accreditation.refresh_from_db()
    assert (accreditation.status, accreditation.organisation) == ("refused", None)
    assert Organisation.objects.count() == before
    assert "Collectif des quartiers nord" in mail.outbox[-1].subject
    assert not can(applicant, "monitoring.add_assessment", world["commitment"])
    # It may apply again; the same application goes back to the editors.
    assert apply_with_new_name(client, world).status_code == 302
    assert Accreditation.objects.get().status == "applied"


def test_a_second_application_under_the_same_name_is_refused(client, world, applicant):
    apply_with_new_name(client, world)
    again = apply_with_new_name(client, world, name="collectif des quartiers NORD")
    assert again.status_code == 400
    assert "already applied" in again.content.decode()
    assert Accreditation.objects.count() == 1


@pytest.mark.parametrize(
    "data,message",
    [
        ({}, "choose your organisation or give its name"),
        ({"new_organisation": "   "}, "choose your organisation or give its name"),
        ({"new_organisation": "Transparency association"}, "already listed"),
        ({"new_organisation": "x" * 201}, "at most 200"),
        ({"new_organisation": "Nouveau", "organisation": "CSO"}, "not both"),
    ],
)
def test_bad_new_names_get_a_clear_message(client, world, applicant, data, message):
    if data.get("organisation") == "CSO":
        data = {**data, "organisation": world["cso"].pk}
    response = client.post(apply_url(world), {**FIELDS, **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Accreditation.objects.exists()


def test_the_service_refuses_an_application_naming_no_organisation(world, applicant):
    with pytest.raises(ValidationError):
        services.apply_for_accreditation(
            user=applicant, plan=world["plan"], new_organisation_name="\u200f ", **FIELDS
        )
    assert not Accreditation.objects.exists()
