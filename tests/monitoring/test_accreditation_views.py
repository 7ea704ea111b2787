"""The public application form and the editors' decision screen in the admin."""

import pytest
from django.urls import reverse

from actionplans.monitoring.models import Accreditation


def apply_url(world):
    return f"/en/monitoring/plans/{world['plan'].pk}/apply/"


def test_anonymous_visitor_is_asked_to_sign_in(client, world):
    response = client.get(apply_url(world))
    assert response.status_code == 302 and "login" in response["Location"]


def test_cso_member_applies_through_the_form(client, world, role_user, make_user):
    user = role_user("cso_member")
    colleague = make_user(email="colleague@example.org")
    client.force_login(user)
    page = client.get(apply_url(world))
    assert page.status_code == 200
    assert world["cso"].name in page.content.decode()
    response = client.post(
        apply_url(world),
        {
            "organisation": world["cso"].pk,
            "registration_number": "RNA-1",
            "contact_name": "Leila",
            "contact_email": "leila@example.org",
            "member_emails": "colleague@example.org\n",
        },
    )
    assert response.status_code == 302
    accreditation = Accreditation.objects.get()
    assert set(accreditation.members.all()) == {user, colleague}


def test_form_errors_are_shown_not_a_server_error(client, world, role_user):
    client.force_login(role_user("citizen"))
    response = client.post(
        apply_url(world),
        {
            "organisation": world["cso"].pk,
            "registration_number": "RNA-1",
            "contact_name": "Leila",
            "contact_email": "leila@example.org",
            "member_emails": "ghost@example.org",
        },
    )
    assert response.status_code == 400
    assert "ghost@example.org" in response.content.decode()
    assert not Accreditation.objects.exists()


def test_council_roles_cannot_apply(client, world, role_user):
    client.force_login(role_user("editor"))
    assert client.get(apply_url(world)).status_code == 403


def test_unknown_plan_is_404(client, world, role_user):
    client.force_login(role_user("citizen"))
    assert client.get("/en/monitoring/plans/999999/apply/").status_code == 404


@pytest.fixture
def editor_client(client, role_user):
    client.force_login(role_user("editor"))
    return client


def test_editor_lists_and_refuses_with_a_reason_in_the_admin(
    editor_client, world, accredit, make_user
):
    accreditation = accredit([make_user()], state="applied")
    listing = editor_client.get(reverse("accreditations:index"))
    assert listing.status_code == 200
    assert world["cso"].name in listing.content.decode()
    url = reverse("accreditations:edit", args=[accreditation.pk])
    assert editor_client.get(url).status_code == 200
    missing_reason = editor_client.post(url, {"decision": "refuse", "reason": ""})
    assert missing_reason.status_code == 200
    accreditation.refresh_from_db()
    assert accreditation.status == "applied"
    done = editor_client.post(url, {"decision": "refuse", "reason": "Statuts manquants"})
    assert done.status_code == 302
    accreditation.refresh_from_db()
    assert (accreditation.status, accreditation.reason) == ("refused", "Statuts manquants")


def test_editor_cannot_delete_or_add(editor_client, world, accredit, make_user):
    accreditation = accredit([make_user()], state="applied")
    assert editor_client.get(reverse("accreditations:add")).status_code in (302, 403)
    assert editor_client.post(
        reverse("accreditations:delete", args=[accreditation.pk])
    ).status_code in (302, 403)
    assert Accreditation.objects.filter(pk=accreditation.pk).exists()


@pytest.mark.parametrize("role", ["staff_lead", "moderator", "citizen"])
def test_other_roles_do_not_reach_the_decision_screen(
    client, world, role_user, accredit, make_user, role
):
    accreditation = accredit([make_user()], state="applied")
    client.force_login(role_user(role))
    response = client.post(
        reverse("accreditations:edit", args=[accreditation.pk]), {"decision": "accredit"}
    )
    assert response.status_code in (302, 403)
    accreditation.refresh_from_db()
    assert accreditation.status == "applied"
