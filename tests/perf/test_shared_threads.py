"""A commitment's comment thread and report history for signed-in visitors (the pages the page
cache never serves): the comments and reports are read once per cache generation from the shared
cache, each visitor's rights (reply, report, see a hidden comment, correct a report) are worked
out for them, a committed comment or report shows on the next request, and no author's private
details are kept in the shared cache."""

import pytest
from django.core.cache import caches
from django.test import Client

from accounts import roles
from actionplans.monitoring.bulk import add_reports
from consultations.models import Comment
from pagecache import generation
from pagecache.shared import memo
from tests.actionplans.factories import organisation
from tests.consultations.conftest import consultation_index, make_consultation  # noqa: F401

from .conftest import committed, render

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(plan, make_user):
    """The first commitment with 25 comments (two pages; one hidden, one by the citizen, one
    with a reply) and 30 reports (two pages of history)."""
    commitment = plan.get_children().first().specific
    citizen = make_user(email="citizen.private@example.org", display_name="Samira")
    others = [make_user(email=f"other{n}.private@example.org") for n in range(2)]
    comments = Comment.objects.bulk_create(
        Comment(
            target_key=commitment.translation_key,
            language="en",
            author=citizen if n == 24 else others[n % 2],
            body=f"Comment number {n}",
            status="hidden" if n == 23 else "published",
        )
        for n in range(25)
    )
    Comment.objects.create(
        target_key=commitment.translation_key,
        language="en",
        author=others[0],
        parent=comments[22],
        body="A reply",
    )
    editor = make_user(groups=[roles.EDITORS], email="editor.private@example.org")
    add_reports(
        commitment,
        plan,
        30,
        author=editor,
        official_by=organisation("مديرية", language="ar"),
        civil_society_by=organisation("جمعية", kind="cso"),
    )
    return {
        "commitment": commitment,
        "visitors": {
            "anonymous": None,
            "citizen": citizen,
            "moderator": make_user(groups=[roles.MODERATORS]),
            "editor": editor,
        },
    }


def clients(visitors: dict) -> dict:
    result = {}
    for name, user in visitors.items():
        result[name] = Client()
        if user is not None:
            result[name].force_login(user)
    return result


def urls(commitment) -> list[str]:
    return [commitment.url, commitment.url + "?comments=2", commitment.url + "?history=2"]


def test_each_visitor_gets_their_own_thread_and_history(thread, settings):
    commitment, visitors = thread["commitment"], clients(thread["visitors"])
    settings.MOSHARAKA_SITE_DATA_CACHE = False
    alone = {
        (name, url): render(url, client)
        for name, client in visitors.items()
        for url in urls(commitment)
    }
    page = alone[("moderator", commitment.url)][0]
    assert "Comment number 23" in page  # a moderator reads a hidden comment
    assert "Comment number 23" not in alone[("citizen", commitment.url)][0]
    assert "?parent=" in alone[("citizen", commitment.url)][0]  # a citizen may reply
    assert "?parent=" not in alone[("anonymous", commitment.url)][0]
    assert "Comment number 4" in alone[("anonymous", commitment.url + "?comments=2")][0]
    assert "Comment number 4" not in alone[("anonymous", commitment.url)][0]
    assert "?corrects=" in alone[("editor", commitment.url)][0]  # an editor corrects reports
    assert "?corrects=" not in alone[("citizen", commitment.url)][0]
    settings.MOSHARAKA_SITE_DATA_CACHE = True
    for order in (list(visitors), list(reversed(visitors))):
        memo.clear()
        generation.bump()
        for name in order:
            for url in urls(commitment):
                html, queries = render(url, visitors[name])
                assert html == alone[(name, url)][0], (order, name, url)
        for name in order:  # filled by the others: fewer queries
            html, queries = render(commitment.url, visitors[name])
            assert queries <= alone[(name, commitment.url)][1] - 4, (name, queries)


def test_a_committed_comment_or_report_shows_on_the_next_request(thread, shared):
    commitment = thread["commitment"]
    visitor = clients({"citizen": thread["visitors"]["citizen"]})["citizen"]
    before = render(commitment.url, visitor)[0]
    assert before == render(commitment.url, visitor)[0]
    Comment.objects.create(
        target_key=commitment.translation_key,
        language="en",
        author=thread["visitors"]["citizen"],
        body="A comment after the cache was filled",
    )
    committed()
    assert "A comment after the cache was filled" in render(commitment.url, visitor)[0]
    add_reports(
        commitment,
        commitment.get_parent().specific,
        1,
        author=thread["visitors"]["editor"],
        official_by=organisation("مديرية أخرى", language="ar"),
        civil_society_by=organisation("جمعية أخرى", kind="cso"),
    )
    committed()
    assert "جمعية أخرى" in render(commitment.url, visitor)[0]


def test_no_private_detail_of_an_author_is_kept_in_the_shared_cache(thread, shared, settings):
    commitment = thread["commitment"]
    for url in urls(commitment):
        render(url, Client())
    cache = caches[settings.MOSHARAKA_PAGE_CACHE["ALIAS"]]
    # The tests' local-memory cache holds each value pickled, as Redis and the file cache do.
    stored = [value for key, value in cache._cache.items() if ":pagecache:shared:" in key]
    assert len(stored) >= 5  # counts, two pages of comments, two of history
    for value in stored:
        assert b"private@example.org" not in value
        assert b"pbkdf2" not in value and b"argon2" not in value
    assert any(b"Samira" in value for value in stored)  # the public name is kept


def test_consultation_threads_are_each_readers_own(make_consultation, make_user, settings):  # noqa: F811
    """The whole text's comments and a paragraph's (hidden ones among them, replies, answers)
    for a moderator, a citizen and a visitor, each filling the shared parts for the others."""
    from consultations.bulk import add_comments
    from tests.consultations.fixtures import first_paragraph

    consultation = make_consultation("during")
    authors = [make_user() for _ in range(3)]
    add_comments(consultation, authors, 90)
    visitors = clients(
        {
            "anonymous": None,
            "author": authors[1],
            "moderator": make_user(groups=[roles.MODERATORS]),
        }
    )
    pages = [consultation.url, consultation.paragraph_url(first_paragraph(consultation))]
    settings.MOSHARAKA_SITE_DATA_CACHE = False
    alone = {(name, url): render(url, c)[0] for name, c in visitors.items() for url in pages}
    assert alone[("moderator", pages[1])] != alone[("author", pages[1])]  # the hidden one
    settings.MOSHARAKA_SITE_DATA_CACHE = True
    for order in (list(visitors), list(reversed(visitors))):
        memo.clear()
        generation.bump()
        for name in order:
            for url in pages:
                assert render(url, visitors[name])[0] == alone[(name, url)], (order, name, url)


def test_a_committed_milestone_or_evaluation_round_shows_on_the_next_request(
    thread, shared, make_user
):
    from tests.evaluation.conftest import new_round

    commitment = thread["commitment"]
    evaluator = make_user(groups=[roles.EVALUATORS])
    visitor = clients({"evaluator": evaluator})["evaluator"]
    before = render(commitment.url, visitor)[0]
    assert "/assess/" not in before and before == render(commitment.url, visitor)[0]
    new_round(commitment.get_parent().specific, "open", evaluators=[evaluator])
    committed()
    assert "/assess/" in render(commitment.url, visitor)[0]  # this evaluator's own link
    assert "/assess/" not in render(commitment.url, Client())[0]
    milestone = commitment.milestones.first()
    milestone.deliverable = "A deliverable renamed after the cache was filled"
    milestone.save()
    committed()
    assert milestone.deliverable in render(commitment.url, visitor)[0]
