"""The commentable contract: pages declare it, consultations and rules rely only on it."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actionplans.models import CommitmentPage
from consultations import commentable, services
from consultations.commentable import Commentable, CommentingState
from consultations.models import Comment, ConsultationPage
from consultations.rules import can
from home.models import HomePage

from .conftest import french_version

pytestmark = pytest.mark.django_db


def test_consultations_and_commitments_declare_the_contract():
    assert issubclass(ConsultationPage, Commentable)
    assert issubclass(CommitmentPage, Commentable)
    assert not issubclass(HomePage, Commentable)


def test_a_commitment_is_open_while_its_switch_is_on_and_always_answerable():
    now = timezone.now()
    page = CommitmentPage(title="C1", code="C1", comments_open=True)
    assert page.commenting_state(now) == CommentingState.OPEN
    assert commentable.is_open(page, now)
    page.comments_open = False
    assert page.commenting_state(now) == CommentingState.CLOSED
    assert not commentable.is_open(page, now)
    assert commentable.answers_allowed(page, now)
    assert page.comment_paragraphs() == {}


def test_anything_else_is_closed_and_unanswerable():
    now = timezone.now()
    for page in (None, HomePage(title="Accueil")):
        assert commentable.commenting_state(page, now) == CommentingState.CLOSED
        assert not commentable.answers_allowed(page, now)
        assert commentable.paragraph(page, "abc") is None


def test_a_page_that_is_not_commentable_takes_no_comment(home_pages, make_user, client):
    user = make_user()
    with pytest.raises(PermissionDenied):
        services.post_comment(user=user, page=home_pages["ar"], body="تعليق")
    client.force_login(user)
    assert client.get(f"/ar/comments/new/{home_pages['ar'].pk}/").status_code == 404


def test_rules_do_not_need_the_page_set_on_the_comment(consultation, make_comment, make_user):
    """A comment fetched afresh finds its page itself, once, and the answers are those given
    with the page bound by the caller, whichever language version that is."""
    comment = make_comment(consultation, language="fr")
    user = make_user()
    permissions = ["consultations.reply_to_comment", "consultations.report_comment"]
    bound = Comment.objects.get(pk=comment.pk)
    bound.target_page = consultation
    expected = [can(user, name, bound) for name in permissions]
    assert expected == [True, True]
    fresh = Comment.objects.get(pk=comment.pk)
    with CaptureQueriesContext(connection) as first:
        assert [can(user, name, fresh) for name in permissions] == expected
    assert fresh.target_page == french_version(consultation)
    with CaptureQueriesContext(connection) as second:
        assert [can(user, name, fresh) for name in permissions] == expected
    assert len(first) <= 4
    assert len(second) < len(first)


def test_every_language_version_gives_the_same_state(consultation):
    french = french_version(consultation)
    for moment in (
        consultation.opens_at - timedelta(minutes=1),
        consultation.opens_at,
        consultation.closes_at,
    ):
        assert french.commenting_state(moment) == consultation.commenting_state(moment)


def test_templates_compare_states_with_the_enum_not_literal_strings():
    templates = Path(settings.BASE_DIR) / "templates" / "consultations"
    literal = re.compile(r"""state\s*[!=]=\s*["'](upcoming|open|closed|answered)["']""")
    offenders = [
        f"{path.relative_to(templates)}: {match.group(0)}"
        for path in templates.rglob("*.html")
        for match in literal.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    uses = sum(
        path.read_text(encoding="utf-8").count("CommentingState.")
        for path in templates.rglob("*.html")
    )
    assert uses >= 14
