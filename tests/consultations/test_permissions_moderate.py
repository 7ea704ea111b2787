"""Who may hide or restore a comment: moderators only, in any phase and state."""

import pytest
from django.core.exceptions import PermissionDenied

from consultations import services
from consultations.models import Comment
from consultations.rules import can

from .conftest import ROLES


@pytest.mark.parametrize("state", Comment.Status.values)
@pytest.mark.parametrize("phase", ["before", "during", "after"])
@pytest.mark.parametrize("role", ROLES)
def test_moderate(matrix, role, phase, state):
    page = matrix.consultation(phase)
    comment = matrix.comment(page, state)
    user = matrix.user(role)
    expected = role == "moderator"
    assert can(user, "consultations.moderate_comment", comment) is expected
    if user is None:
        return
    decision = services.RESTORE if state != "published" else services.HIDE
    call = lambda: services.moderate_comment(  # noqa: E731
        user=user, comment=comment, decision=decision, reason="Motif"
    )
    if expected:
        assert call().status == ("published" if decision == services.RESTORE else "hidden")
    else:
        with pytest.raises(PermissionDenied):
            call()
