"""Plan and commitment pages for signed-in visitors (never served by the page cache): what is
the same for everyone (site data, the plan's cards and summary, a commitment's milestones and
facts) is read once per cache generation, the page stays the same, in fewer queries however
many commitments there are, and a committed change shows on the next request."""

from datetime import timedelta

import pytest
from django.test import Client, override_settings

from pagecache import generation
from pagecache.shared import memo
from tests.consultations.conftest import consultation_index, make_consultation  # noqa: F401

from .conftest import committed, render

pytestmark = pytest.mark.django_db


def test_same_page_in_fewer_queries_flat_with_the_data(plan, settings, make_user):
    visitor = Client()
    visitor.force_login(make_user())
    urls = [plan.url, plan.get_children().first().url]
    settings.MOSHARAKA_SITE_DATA_CACHE = False
    visitor.get(urls[0])
    unshared = {url: render(url, visitor) for url in urls}
    settings.MOSHARAKA_SITE_DATA_CACHE = True
    memo.clear()
    generation.bump()
    first = {url: render(url, visitor) for url in urls}  # fills the shared parts
    again = {url: render(url, visitor) for url in urls}
    for url in urls:
        assert first[url][0] == unshared[url][0] == again[url][0], url
        assert again[url][1] < unshared[url][1], (url, again[url][1], unshared[url][1])
    assert again[plan.url][1] <= unshared[plan.url][1] - 8  # the cards, summary, header, footer

    plan.add_commitments(20, 2)
    committed()
    for url in urls:
        render(url, visitor)
    grown = {url: render(url, visitor) for url in urls}
    assert {url: n for url, (_, n) in grown.items()} == {url: n for url, (_, n) in again.items()}
    assert grown[plan.url][0].count('class="ap-card"') == 22


def test_committed_change_shows_on_the_next_request(plan, shared):
    visitor = Client()
    commitment = plan.get_children().first().specific
    render(plan.url, visitor)
    render(commitment.url, visitor)
    commitment.title = "Budget ouvert, renommé"
    commitment.save_revision().publish()
    committed()
    assert "Budget ouvert, renommé" in render(plan.url, visitor)[0]
    assert "Budget ouvert, renommé" in render(commitment.url, visitor)[0]


def test_parts_are_kept_per_day(plan, shared, monkeypatch):
    from django.utils import timezone

    visitor = Client()
    english, _ = render(plan.url, visitor)
    later = timezone.localdate() + timedelta(days=400)
    monkeypatch.setattr(timezone, "localdate", lambda *args: later)
    assert render(plan.url, visitor)[0] != english  # milestones now overdue


def test_consultation_draft_is_shared_and_its_state_shows_at_once(
    make_consultation,  # noqa: F811
    make_user,
    monkeypatch,
):
    from django.utils import timezone

    from consultations.bulk import add_comments

    consultation = make_consultation("during")
    users = [make_user() for _ in range(3)]
    add_comments(consultation, users, 10)
    visitor = Client()
    visitor.force_login(users[0])
    unshared = render(consultation.url, visitor)
    with override_settings(MOSHARAKA_SITE_DATA_CACHE=True):
        memo.clear()
        generation.bump()
        render(consultation.url, visitor)
        shared = render(consultation.url, visitor)
        assert shared[0] == unshared[0]
        assert shared[1] <= unshared[1] - 6, (shared[1], unshared[1])  # counts too
        add_comments(consultation, users, 3)
        committed()
        render(consultation.url, visitor)
        more = render(consultation.url, visitor)
        assert more[1] == shared[1]
        assert more[0] != shared[0]  # the new comments and counts show
        shared = more
        # Closing at its hour writes nothing (no new generation): the draft's links follow
        # the state at once.
        after = consultation.closes_at + timedelta(seconds=1)
        monkeypatch.setattr(timezone, "now", lambda: after)
        closed = render(consultation.url, visitor)[0]
    assert draft(closed) != draft(shared[0])
    assert closed == render(consultation.url, visitor)[0]  # the same without the shared cache


def draft(html: str) -> str:
    return html[html.index('class="consultation__layout"') : html.index('id="general-comments"')]


def test_each_visitor_gets_their_own_page_after_another_filled_the_parts(plan, settings, make_user):
    """An editor (who may post official reports) and a citizen, in either order: with the
    shared parts filled by the other one, each gets exactly the page rendered for them alone."""
    from accounts import roles

    editor, citizen = make_user(groups=[roles.EDITORS]), make_user()
    commitment = plan.get_children().first().specific
    urls = [plan.url, commitment.url]
    visitors = {}
    for name, user in (("editor", editor), ("citizen", citizen)):
        visitors[name] = Client()
        visitors[name].force_login(user)
    settings.MOSHARAKA_SITE_DATA_CACHE = False
    alone = {
        (name, url): render(url, client)[0] for name, client in visitors.items() for url in urls
    }
    assert alone[("editor", commitment.url)] != alone[("citizen", commitment.url)]
    settings.MOSHARAKA_SITE_DATA_CACHE = True
    for order in (("editor", "citizen"), ("citizen", "editor")):
        memo.clear()
        generation.bump()
        for name in order:
            for url in urls:
                assert render(url, visitors[name])[0] == alone[(name, url)], (order, name, url)
