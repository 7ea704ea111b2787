"""Deleting an account leaves nothing that identifies the person; user names never come from
the email."""

import json

from django.test import TestCase
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

from accounts.models import User
from consultations import services as consultation_services

PASSWORD = "a-long-enough-passphrase-42"


def test_sign_up_user_name_is_not_derived_from_the_email(client, locales):
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            "/fr/account/signup/",
            {
                "email": "fatima.zahra@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "display_name": "",
                "preferred_language": "fr",
            },
        )
    user = User.objects.get(email="fatima.zahra@example.org")
    assert "fatima" not in user.username.lower() and "zahra" not in user.username.lower()
    assert user.username.startswith("u-")


def test_deletion_scrubs_every_copy_of_the_names(
    client, consultation, make_user, make_comment, home_pages
):
    user = make_user(
        username="karima.b",
        email="karima.benali@example.org",
        display_name="Karima Benali",
        first_name="Karima",
        last_name="Benali",
    )
    UserProfile.get_for_user(user)
    client.force_login(user)
    client.post("/fr/account/profile/", {"display_name": "Karima B.", "preferred_language": "fr"})
    comment = consultation_services.post_comment(user=user, page=consultation, body="Mon avis")
    log(instance=user, action="wagtail.edit", user=None, data={"title": "Karima B.", "n": 1})
    log(instance=home_pages["fr"], action="wagtail.edit", user=user, data={"by": "karima.b"})
    assert ModelLogEntry.objects.filter(label__contains="Karima").exists()
    response = client.post(
        "/fr/account/delete/", {"password": "pass-for-tests-123", "confirm": "on"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    names = ["Karima", "Benali", "karima.b", "karima.benali@example.org"]
    row = [user.username, user.email, user.first_name, user.last_name, user.display_name]
    assert not any(name.lower() in " ".join(row).lower() for name in names)
    for model in (ModelLogEntry, PageLogEntry):
        for entry in model.objects.all():
            text = f"{entry.label} {json.dumps(entry.data, ensure_ascii=False)}"
            assert not any(name in text for name in names), (model.__name__, text)
    assert not UserProfile.objects.filter(user=user).exists()
    comment.refresh_from_db()
    assert "Karima" not in comment.author_name
    html = client.get(consultation.url).content.decode()
    assert "Karima" not in html
