"""Who may answer a comment: editors publish, council staff draft, once the consultation has
closed, and only published comments."""

import pytest
from django.core.exceptions import PermissionDenied

from consultations import services
from consultations.models import Comment
from consultations.rules import can

from .conftest import ROLES


@pytest.mark.parametrize("state", Comment.Status.values)
@pytest.mark.parametrize("phase", ["before", "during", "after"])
@pytest.mark.parametrize("role", ROLES)
def test_answer(matrix, role, phase, state):
    page = matrix.consultation(phase)
    comment = matrix.comment(page, state)
    user = matrix.user(role)
    answerable = phase == "after" and state == "published"
    may_draft = answerable and role in {"editor", "staff"}
    may_publish = answerable and role == "editor"
    assert can(user, "consultations.draft_response", comment) is may_draft
    assert can(user, "consultations.publish_response", comment) is may_publish
    if user is None:
        return
    for publish, expected in ((False, may_draft), (True, may_publish)):
        call = lambda publish=publish: services.save_response(  # noqa: E731
            user=user,
            comment=comment,
            outcome="incorporated",
            justification="Pourquoi",
            publish=publish,
        )
        if expected:
            assert call().is_published is publish
        else:
            with pytest.raises(PermissionDenied):
                call()
