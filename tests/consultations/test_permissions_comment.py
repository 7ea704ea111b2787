"""Who may comment on a draft: role × phase of the window (design brief §5)."""

import pytest
from django.core.exceptions import PermissionDenied

from consultations import services
from consultations.rules import can

from .conftest import ROLES, first_paragraph

ALLOWED = {"citizen", "cso_member", "editor"}


@pytest.mark.parametrize("phase", ["before", "during", "after"])
@pytest.mark.parametrize("role", ROLES)
def test_comment_on_a_paragraph(matrix, role, phase):
    page = matrix.consultation(phase)
    user = matrix.user(role)
    expected = role in ALLOWED and phase == "during"
    assert can(user, "consultations.post_comment", page) is expected
    if user is None:
        return
    call = lambda: services.post_comment(  # noqa: E731
        user=user, page=page, body="رأيي", paragraph=first_paragraph(page).id
    )
    if expected:
        assert call().paragraph == first_paragraph(page).id
    else:
        with pytest.raises(PermissionDenied):
            call()


def test_inactive_user_cannot_comment(consultation, make_user):
    user = make_user()
    user.is_active = False
    assert not can(user, "consultations.post_comment", consultation)


def test_superuser_does_not_bypass_the_window(make_consultation, make_user):
    admin = make_user(is_superuser=True)
    assert admin.has_perm("consultations.post_comment")  # Django's own shortcut…
    assert not can(admin, "consultations.post_comment", make_consultation("after"))  # …not ours
