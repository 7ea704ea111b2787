from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from consultations.models import (
    Comment,
    CommentResponse,
    ConsultationIndexPage,
    ConsultationPage,
)
from home.models import HomePage

from .conftest import first_paragraph, french_version, window


class TestPageTree(WagtailPageTestCase):
    def test_consultations_live_under_an_index_under_the_home_page(self):
        self.assertAllowedSubpageTypes(ConsultationIndexPage, {ConsultationPage})
        self.assertAllowedParentPageTypes(ConsultationPage, {ConsultationIndexPage})
        self.assertAllowedParentPageTypes(ConsultationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConsultationPage, set())


@pytest.mark.parametrize(
    ("phase", "state"), [("before", "upcoming"), ("during", "open"), ("after", "closed")]
)
def test_state_follows_the_window(db, phase, state):
    opens_at, closes_at = window(phase)
    page = ConsultationPage(title="مشروع", opens_at=opens_at, closes_at=closes_at)  # unsaved
    assert page.state(timezone.now()) == state


def test_closed_consultation_is_answered_once_every_contribution_has_a_published_response(
    make_consultation, make_comment
):
    page = make_consultation("after", french=False)
    now = timezone.now()
    comment = make_comment(page)
    make_comment(page, parent=comment)  # replies need no answer
    assert page.state(now) == "closed"
    response = CommentResponse.objects.create(
        comment=comment, outcome="incorporated", justification="Oui", language="ar"
    )
    assert page.state(now) == "closed"  # a draft is not an answer
    response.status = CommentResponse.Status.PUBLISHED
    response.save()
    assert page.state(now) == "answered"
    annotated = ConsultationPage.objects.with_comment_counts().get(pk=page.pk)
    assert (annotated.contribution_count, annotated.unanswered_count) == (1, 0)
    assert annotated.state(now) == "answered"


def test_the_window_decides_the_commenting_state_at_a_given_time(consultation):
    from consultations.commentable import CommentingState, is_open

    page = consultation
    assert page.commenting_state(page.opens_at - timedelta(seconds=1)) == CommentingState.UPCOMING
    assert page.commenting_state(page.opens_at) == CommentingState.OPEN
    assert is_open(page, page.closes_at - timedelta(seconds=1))
    assert page.commenting_state(page.closes_at) == CommentingState.CLOSED
    assert not is_open(page, page.closes_at)
    assert not page.answers_allowed(page.closes_at - timedelta(seconds=1))
    assert page.answers_allowed(page.closes_at)


def test_a_consultation_must_close_after_it_opens(consultation):
    from django.core.exceptions import ValidationError

    page = consultation
    page.closes_at = page.opens_at
    with pytest.raises(ValidationError):
        page.full_clean()


def test_draft_is_numbered_by_position_with_anchors_from_block_ids(consultation):
    sections = consultation.sections
    assert [s.number for s in sections] == [1, 2]
    assert [p.number for p in sections[0].paragraphs] == ["1.1", "1.2"]
    paragraph = sections[1].paragraphs[0]
    assert paragraph.number == "2.1"
    assert paragraph.anchor == f"p-{paragraph.id[:8]}"
    assert consultation.paragraphs[paragraph.short_id] is paragraph


def test_translations_share_paragraph_ids(consultation):
    french = french_version(consultation)
    assert french.paragraph_ids() == consultation.paragraph_ids()
    assert str(first_paragraph(french).text) != str(first_paragraph(consultation).text)


def test_index_page_groups_consultations_by_state(
    consultation, make_consultation, rf, make_comment
):
    running = consultation
    past = make_consultation("after", french=False)
    make_comment(past)
    index = running.get_parent().specific
    request = rf.get("/")
    request.user = AnonymousUser()
    context = index.get_context(request)
    assert context["groups"]["open"] == [running]
    assert context["groups"]["past"] == [past]
    assert context["groups"]["past"][0].contribution_count == 1


def test_consultation_pages_render_in_both_languages(client, consultation):
    for page in (consultation, french_version(consultation)):
        response = client.get(page.url)
        assert response.status_code == 200
        assert first_paragraph(page).anchor in response.content.decode()


def test_comment_keyed_on_translation_key_not_on_a_page_row(consultation, make_comment):
    comment = make_comment(consultation)
    assert Comment.objects.for_target(french_version(consultation).translation_key).get() == comment
