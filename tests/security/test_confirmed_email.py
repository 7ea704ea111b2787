"""Taking part needs a confirmed email, whatever door the user came in by; the confirmation email
never carries a name the person typed to an address that has not confirmed it."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import TestCase, override_settings

from consultations.models import Comment, CommentReport
from consultations.rules import can

from .test_mail_outage import MAIL_DOWN

PASSWORD = "a-long-enough-passphrase-42"


def signup(client, email="new@example.org", display_name="Nadia", language="fr"):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            f"/{language}/account/signup/",
            {
                "email": email,
                "password1": PASSWORD,
                "password2": PASSWORD,
                "display_name": display_name,
                "preferred_language": language,
            },
        )


@pytest.mark.parametrize("permission", ["post_comment", "reply_to_comment", "report_comment"])
def test_participation_rules_need_a_confirmed_email(
    consultation, make_comment, make_user, permission
):
    unconfirmed = make_user(confirmed=False)
    confirmed = make_user()
    comment = make_comment(consultation)
    comment.target_page = consultation
    target = consultation if permission == "post_comment" else comment
    assert not can(unconfirmed, f"consultations.{permission}", target)
    assert can(confirmed, f"consultations.{permission}", target)
    # Confirming a different address than the account's does not count.
    other = make_user(confirmed=False)
    EmailAddress.objects.create(user=other, email="else@example.org", verified=True)
    assert not can(other, f"consultations.{permission}", target)


def test_unconfirmed_account_cannot_comment_or_report_even_when_signed_in(
    client, consultation, make_comment, make_user
):
    """force_login stands for any door (admin sign-in, a session from before the rule…)."""
    user = make_user(confirmed=False)
    client.force_login(user)
    comment = make_comment(consultation)
    response = client.post(f"/fr/comments/new/{consultation.pk}/", {"body": "Par la porte"})
    assert response.status_code == 403
    response = client.post(f"/fr/comments/{comment.pk}/report/", {"reason": "spam"})
    assert response.status_code == 403
    assert Comment.objects.count() == 1 and CommentReport.objects.count() == 0


def test_unconfirmed_account_is_refused_at_the_admin_sign_in(client, consultation):
    signup(client, email="sneaky@example.org")
    client.logout()
    for login in ("sneaky@example.org", "sneaky"):
        response = client.post("/admin/login/", {"username": login, "password": PASSWORD})
        assert "_auth_user_id" not in client.session, login
    response = client.post(f"/fr/comments/new/{consultation.pk}/", {"body": "Par la porte"})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_confirmation_email_never_echoes_the_display_name(client, locales):
    signup(client, email="victim@example.org", display_name="Urgent call 0600000000 now")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["victim@example.org"]
    assert "0600000000" not in message.subject + message.body
    assert "/account/confirm-email/" in message.body


@override_settings(**MAIL_DOWN)
def test_sign_up_while_the_mail_server_is_down_succeeds(client, locales):
    response = signup(client, email="patient@example.org")
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email="patient@example.org", verified=False).exists()
