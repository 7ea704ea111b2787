"""Who may report a comment: any signed-in user, in any phase, on a published comment that is
not their own."""

import pytest
from django.core.exceptions import PermissionDenied

from consultations import services
from consultations.models import Comment
from consultations.rules import can

from .conftest import ROLES


@pytest.mark.parametrize("state", Comment.Status.values)
@pytest.mark.parametrize("phase", ["before", "during", "after"])
@pytest.mark.parametrize("role", ROLES)
def test_report(matrix, role, phase, state):
    page = matrix.consultation(phase)
    comment = matrix.comment(page, state)
    user = matrix.user(role)
    expected = user is not None and state == "published"
    assert can(user, "consultations.report_comment", comment) is expected
    if user is None:
        return
    call = lambda: services.report_comment(user=user, comment=comment, reason="spam")  # noqa: E731
    if expected:
        assert call().reason == "spam"
    else:
        with pytest.raises(PermissionDenied):
            call()


def test_nobody_reports_their_own_comment(consultation, make_comment, make_user):
    author = make_user()
    comment = make_comment(consultation, author=author)
    assert not can(author, "consultations.report_comment", comment)
