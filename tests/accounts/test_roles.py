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


def test_drafts_that_council_staff_submit_wait_for_the_editors_not_the_moderators(make_user):
    """Council staff draft, editors publish (DESIGN.md); moderators moderate comments only."""
    staff = make_user(groups=[roles.COUNCIL_STAFF])
    editor = make_user(groups=[roles.EDITORS])
    moderator = make_user(groups=[roles.MODERATORS])
    home = Page.objects.get(depth=2).specific
    home.save_revision(user=staff)
    workflow = home.get_workflow()
    assert workflow.name == "Editors' approval"
    state = workflow.start(home, staff)
    task = state.current_task_state.task.specific
    assert "approve" in [action for action, *_ in task.get_actions(home, editor)]
    assert task.get_actions(home, moderator) == []
    assert task.get_actions(home, staff) == []


def test_the_admin_language_menu_calls_dari_by_its_name(client, make_user):
    editor = make_user(groups=[roles.EDITORS])
    client.force_login(editor)
    html = client.get("/admin/account/").content.decode()
    assert ">دری<" in html and "فارسی" not in html
