"""Who may reply to a comment: role × phase × state of the comment replied to."""

import pytest
from django.core.exceptions import PermissionDenied

from consultations import services
from consultations.models import Comment
from consultations.rules import can

from .conftest import ROLES

ALLOWED = {"citizen", "cso_member", "staff", "editor"}


@pytest.mark.parametrize("state", Comment.Status.values)
@pytest.mark.parametrize("phase", ["before", "during", "after"])
@pytest.mark.parametrize("role", ROLES)
def test_reply(matrix, role, phase, state):
    page = matrix.consultation(phase)
    parent = matrix.comment(page, state)
    user = matrix.user(role)
    expected = role in ALLOWED and phase == "during" and state == "published"
    assert can(user, "consultations.reply_to_comment", parent) is expected
    if user is None:
        return
    call = lambda: services.post_comment(user=user, page=page, body="ردّ", parent=parent)  # noqa: E731
    if expected:
        assert call().parent == parent
    else:
        with pytest.raises(PermissionDenied):
            call()


def test_replies_are_one_level_deep(consultation, make_comment, make_user):
    parent = make_comment(consultation)
    reply = make_comment(consultation, parent=parent)
    reply.target_page = consultation
    assert not can(make_user(), "consultations.reply_to_comment", reply)


def test_council_staff_reply_but_do_not_start_threads(consultation, role_user):
    staff = role_user("staff")
    assert not can(staff, "consultations.post_comment", consultation)
