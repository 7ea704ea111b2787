"""What the consultation overview shows of its comments: each paragraph's count and latest
published contributions, the page's figures, and the general thread's pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.models import Comment, ConsultationPage
from consultations.threads import COMMENTS_PER_PAGE

from .conftest import first_paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment_at(make_comment):
    """A comment posted ``minutes`` ago (order on the page follows the posting time)."""

    def make(page, minutes: int, **fields) -> Comment:
        comment = make_comment(page, **fields)
        posted = timezone.now() - timedelta(minutes=minutes)
        Comment.objects.filter(pk=comment.pk).update(created_at=posted)
        return comment

    return make


def overview(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.context


def test_a_paragraph_previews_its_two_latest_published_contributions_oldest_first(
    client, make_consultation, comment_at
):
    page = make_consultation(french=False)
    first, second = first_paragraph(page).id, page.sections[0].paragraphs[1].id
    oldest = comment_at(page, 50, paragraph=first, body="oldest")
    older = comment_at(page, 40, paragraph=first, body="older")
    newer = comment_at(page, 30, paragraph=first, body="newer")
    comment_at(page, 20, paragraph=first, parent=oldest, body="a reply")
    comment_at(page, 10, paragraph=first, status=Comment.Status.HIDDEN, body="hidden")
    comment_at(page, 5, paragraph="", body="on the whole text")
    only = comment_at(page, 45, paragraph=second, body="alone")

    paragraphs = {p.id: p for s in overview(client, page)["sections"] for p in s.paragraphs}

    assert [c.pk for c in paragraphs[first].previews] == [older.pk, newer.pk]
    assert [c.pk for c in paragraphs[second].previews] == [only.pk]
    assert paragraphs[page.sections[1].paragraphs[0].id].previews == []
    # Published comments, replies included; the hidden one is not counted.
    assert (paragraphs[first].comment_count, paragraphs[second].comment_count) == (4, 1)


def test_the_figures_count_published_comments_and_contributions(
    client, make_consultation, comment_at
):
    page = make_consultation(french=False)
    paragraph = first_paragraph(page).id
    general = comment_at(page, 30, paragraph="")
    comment_at(page, 29, paragraph="", parent=general)
    comment_at(page, 28, paragraph="", status=Comment.Status.HIDDEN)
    comment_at(page, 27, paragraph="", status=Comment.Status.REMOVED)
    on_paragraph = comment_at(page, 26, paragraph=paragraph)
    comment_at(page, 25, paragraph=paragraph, parent=on_paragraph)
    comment_at(page, 24, paragraph=paragraph, status=Comment.Status.PENDING)

    context = overview(client, page)

    assert context["general_count"] == 2  # the comment and its reply
    assert context["total_count"] == 4  # published, replies included
    assert context["contribution_count"] == 2  # published top-level comments
    # The thread lists hidden comments as placeholders, never removed ones or replies.
    thread = context["general_comments"]
    assert thread.paginator.count == 2
    assert [c.status for c in thread] == [Comment.Status.HIDDEN, Comment.Status.PUBLISHED]


def test_the_general_thread_pages_newest_first(client, make_consultation, comment_at):
    page = make_consultation(french=False)
    comments = [comment_at(page, minutes, paragraph="") for minutes in range(25, 0, -1)]
    newest_first = [c.pk for c in reversed(comments)]

    first = overview(client, page)["general_comments"]
    second = client.get(page.url, {"comments": 2}).context["general_comments"]

    assert first.paginator.count == 25
    assert [c.pk for c in first] == newest_first[:COMMENTS_PER_PAGE]
    assert [c.pk for c in second] == newest_first[COMMENTS_PER_PAGE:]


def test_a_long_draft_previews_every_paragraph(client, consultation_index, comment_at):
    from home.pagetree import add_child

    from .fixtures import draft_json, window

    opens_at, closes_at = window("during")
    page = add_child(
        consultation_index,
        ConsultationPage(
            title="مشروع طويل",
            slug="long-draft",
            consulted_on="مشروع",
            opens_at=opens_at,
            closes_at=closes_at,
            draft=draft_json([("الباب", [f"الفقرة {n}" for n in range(600)])]),
        ),
    )
    paragraphs = page.sections[0].paragraphs
    first = comment_at(page, 3, paragraph=paragraphs[0].id)
    last = comment_at(page, 2, paragraph=paragraphs[-1].id)

    shown = {p.id: p for s in overview(client, page)["sections"] for p in s.paragraphs}

    assert [c.pk for c in shown[paragraphs[0].id].previews] == [first.pk]
    assert [c.pk for c in shown[paragraphs[-1].id].previews] == [last.pk]
