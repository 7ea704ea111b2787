import pytest
from django.utils.translation import override
from wagtail.models import Page

from accounts import roles


@pytest.mark.parametrize(
    ("group", "can_publish", "can_edit"),
    [
        (roles.EDITORS, True, True),
        (roles.COUNCIL_STAFF, False, True),
        (roles.MODERATORS, False, False),
        (roles.EVALUATORS, False, False),
    ],
)
def test_role_groups_have_the_page_rights_of_the_design(make_user, group, can_publish, can_edit):
    user = make_user(groups=[group])
    home = Page.objects.get(depth=2)
    permissions = home.permissions_for_user(user)
    assert permissions.can_publish() is can_publish
    assert permissions.can_edit() is can_edit
    assert user.has_perm("wagtailadmin.access_admin")


def test_role_predicates(make_user):
    editor = make_user(groups=[roles.EDITORS])
    citizen = make_user()
    assert roles.is_editor(editor) and not roles.is_editor(citizen)
    assert not roles.is_moderator(editor)


def test_public_name_never_shows_the_email(make_user):
    user = make_user(display_name="")
    assert user.email not in user.public_name
    assert str(user.pk) in user.public_name
    user.is_active = False
    with override("fr"):
        assert user.public_name == "Compte supprimé"


def test_editor_sees_the_admin_in_arabic_right_to_left(client, make_user):
    editor = make_user(groups=[roles.EDITORS])
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert 'lang="ar"' in html
