"""Display names cannot pass for the site's own labels or carry links, on every form and in the
profile service."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts import services
from accounts.models import User
from accounts.names import validate_display_name

REFUSED = [
    "Deleted account",
    "deleted   ACCOUNT",
    "Compte supprimé",
    "compte supprime",
    "Participant 12",
    "participant 7",
    "Mosharaka",
    "مجلس الجهة",  # the council's name in the fixture's Arabic home page
    "Conseil régional",
    "Le Conseil régional officiel",
    "http://evil.example",
    "see evil.example",
    "www.example",
    "bit.ly/x",
    "javascript:/alert",
    "me@example.org",
]
ACCEPTED = ["Nadia de Safi", "Dr. Amina", "مواطن من آسفي", "شهروند مزار", "Jean-Pierre", "Участник"]


def deleted_labels():
    labels = set()
    for code in ("ar", "fr", "en", "fa-af"):
        with translation.override(code):
            labels.add(translation.gettext("Deleted account"))
            labels.add(translation.gettext("Participant %(number)s") % {"number": 3})
    return labels


@pytest.mark.parametrize("name", REFUSED)
def test_impersonating_or_linking_names_are_refused(home_pages, name):
    with pytest.raises(ValidationError):
        validate_display_name(name)


def test_the_deleted_and_participant_labels_are_refused_in_every_language(home_pages):
    for label in deleted_labels():
        with pytest.raises(ValidationError):
            validate_display_name(label)


@pytest.mark.parametrize("name", ACCEPTED)
def test_ordinary_names_are_accepted(home_pages, name):
    assert validate_display_name(name) == name


@pytest.mark.parametrize("name", ["Compte supprimé", "http://evil.example", "Participant 1"])
def test_sign_up_and_profile_refuse_them_with_a_message(client, home_pages, make_user, name):
    response = client.post(
        "/fr/account/signup/",
        {
            "email": "x@example.org",
            "password1": "a-long-enough-passphrase-42",
            "password2": "a-long-enough-passphrase-42",
            "display_name": name,
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 200 and not User.objects.filter(email="x@example.org").exists()
    user = make_user(display_name="Avant")
    client.force_login(user)
    response = client.post(
        "/fr/account/profile/", {"display_name": name, "preferred_language": "fr"}
    )
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode() or "error" in response.content.decode()
    user.refresh_from_db()
    assert user.display_name == "Avant"
    with pytest.raises(ValidationError):
        services.update_profile(user=user, display_name=name, preferred_language="fr")
