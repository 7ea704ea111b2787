"""Every event that changes what the public reads shows on the next request of every affected
page: each language version, the listings, the plan page and the open-data files. Each test
warms the cache (a hit proves it), makes the change the way the site makes it and commits it,
then reads again as a new anonymous visitor."""

import time

import pytest
from django.db import connection

from actionplans.models import CommitmentPage, Milestone
from consultations import services
from consultations.models import Comment
from tests.actionplans.factories import commitment_page, english_home, index_page, plan_page
from tests.consultations.conftest import first_paragraph, french_version

from .conftest import get, state

pytestmark = pytest.mark.django_db


def settle() -> None:
    """The test's set-up counts as committed: run the on-commit callbacks it left pending (the
    test transaction itself never commits)."""
    pending = list(connection.run_on_commit)
    connection.run_on_commit.clear()
    for _, callback, _ in pending:
        callback()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the block as a committed transaction would: on-commit callbacks run at its end."""

    def run():
        settle()
        return django_capture_on_commit_callbacks(execute=True)

    return run


def warm(*urls: str) -> dict[str, str]:
    """Fill the cache with these pages and check they are served from it. A first render may
    write once (Wagtail creates a site's settings row on first use), so render twice."""
    pages = {}
    for _ in range(2):
        settle()
        pages = {url: get(url).content.decode() for url in urls}
    settle()
    for url in urls:
        assert state(get(url)) == "hit", url
    return pages


def fresh(url: str):
    response = get(url)
    assert state(response) == "miss", url
    return response


@pytest.fixture(scope="module")
def plan_tree_keys(module_db, django_db_blocker) -> dict:
    """Built once for the module (tests/conftest.py, `module_db`), before any cache is on."""
    with django_db_blocker.unblock():
        index = index_page(english_home())
        plan = plan_page(index)
        first = commitment_page(plan, "C1", title="Open budget portal")
        return {
            name: (type(page), page.pk)
            for name, page in (("index", index), ("plan", plan), ("first", first))
        }


@pytest.fixture
def plan_tree(db, plan_tree_keys):
    return {name: model.objects.get(pk=pk) for name, (model, pk) in plan_tree_keys.items()}


def test_publishing_a_page_shows_on_its_plan_and_listing(page_cache, plan_tree, commit):
    plan, index = plan_tree["plan"], plan_tree["index"]
    new = commitment_page(plan, "C7", title="Participatory audit", live=False)
    pages = warm(plan.url, index.url)
    assert "Participatory audit" not in pages[plan.url]
    with commit():
        new.save_revision().publish()
    assert "Participatory audit" in fresh(plan.url).content.decode()
    assert fresh(new.url).status_code == 200


def test_unpublishing_a_page_removes_it_everywhere(page_cache, plan_tree, commit):
    plan, first = plan_tree["plan"], plan_tree["first"]
    url = first.url
    warm(plan.url, url)
    with commit():
        first.unpublish()
    assert "Open budget portal" not in fresh(plan.url).content.decode()
    assert fresh(url).status_code == 404


def test_moving_a_page_shows_at_its_new_place(page_cache, plan_tree, commit):
    plan, first = plan_tree["plan"], plan_tree["first"]
    other = plan_page(plan_tree["index"], code="PLAN-2", slug="plan-2", title="Second plan")
    old_url = first.url
    warm(plan.url, other.url, old_url)
    with commit():
        first.move(other, pos="last-child")
    assert "Open budget portal" not in fresh(plan.url).content.decode()
    assert "Open budget portal" in fresh(other.url).content.decode()
    moved = fresh(old_url)  # Wagtail's automatic redirect to the new place
    assert (moved.status_code, moved["Location"]) == (301, "/en/programmes/plan-2/c1/")


def test_deleting_a_page_removes_it(page_cache, plan_tree, commit):
    plan, first = plan_tree["plan"], plan_tree["first"]
    url = first.url
    warm(plan.url, url)
    with commit():
        CommitmentPage.objects.get(pk=first.pk).delete()
    assert "Open budget portal" not in fresh(plan.url).content.decode()
    assert fresh(url).status_code == 404


def test_milestone_progress_shows_on_commitment_plan_and_open_data(page_cache, plan_tree, commit):
    plan, first = plan_tree["plan"], plan_tree["first"]
    csv_url, json_url = plan.url + "data.csv", plan.url + "data.json"
    before = warm(first.url, plan.url, csv_url, json_url)
    assert "Deliverable 2" in before[csv_url]
    with commit():
        # A queryset update sends no model signal: the cache must see it all the same.
        Milestone.objects.filter(commitment=first, deliverable="Deliverable 2").update(
            deliverable="Register of decisions online"
        )
    for url in (first.url, csv_url, json_url):
        assert "Register of decisions online" in fresh(url).content.decode(), url


def test_a_new_comment_shows_on_every_language_version(page_cache, consultation, role_user, commit):
    french = french_version(consultation)
    warm(consultation.url, french.url)
    with commit():
        services.post_comment(
            user=role_user("citizen"),
            page=consultation,
            body="Publish the minutes within a week",
            paragraph=first_paragraph(consultation).id,
        )
    for page in (consultation, french):
        assert "Publish the minutes within a week" in fresh(page.url).content.decode()


def test_a_hidden_comment_disappears_from_every_language_version(
    page_cache, consultation, role_user, make_comment, commit
):
    comment = make_comment(consultation, body="Off-topic advertising text")
    french = french_version(consultation)
    pages = warm(consultation.url, french.url)
    assert all("Off-topic advertising text" in text for text in pages.values())
    with commit():
        services.moderate_comment(
            user=role_user("moderator"), comment=comment, decision=services.HIDE, reason="Spam"
        )
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.HIDDEN
    for page in (consultation, french):
        assert "Off-topic advertising text" not in fresh(page.url).content.decode()


def test_a_published_answer_shows_on_the_consultation(
    page_cache, make_consultation, role_user, make_comment, commit
):
    closed = make_consultation("after")
    comment = make_comment(closed, body="Add a citizen budget")
    french = french_version(closed)
    warm(closed.url, french.url)
    with commit():
        services.save_response(
            user=role_user("editor"),
            comment=comment,
            outcome="incorporated",
            justification="Added as commitment twelve",
            publish=True,
        )
    for page in (closed, french):
        assert "Added as commitment twelve" in fresh(page.url).content.decode()


def test_a_draft_answer_changes_nothing_public_and_still_invalidates_safely(
    page_cache, make_consultation, role_user, make_comment, commit
):
    closed = make_consultation("after")
    comment = make_comment(closed, body="Add a citizen budget")
    warm(closed.url)
    with commit():
        services.save_response(
            user=role_user("staff"),
            comment=comment,
            outcome="incorporated",
            justification="Draft wording only",
        )
    assert "Draft wording only" not in get(closed.url).content.decode()


def test_a_model_the_cache_knows_nothing_about_invalidates_too(page_cache, plan_tree, commit):
    """Apps added later (co-monitoring's progress reports, co-evaluation's assessments) are
    covered without registering anything: any write to their tables starts a new generation."""
    first = plan_tree["first"]
    warm(first.url)
    with commit(), connection.cursor() as cursor:
        cursor.execute("CREATE TABLE monitoring_testreport (id integer primary key, note text)")
        cursor.execute("INSERT INTO monitoring_testreport (id, note) VALUES (1, 'on track')")
    assert state(get(first.url)) == "miss"


def test_a_rolled_back_write_keeps_the_cache(page_cache, plan_tree, commit):
    from django.db import transaction

    first = plan_tree["first"]
    warm(first.url)
    with commit():
        try:
            with transaction.atomic():
                Milestone.objects.filter(commitment=first).update(progress=99)
                raise RuntimeError
        except RuntimeError:
            pass
    assert state(get(first.url)) == "hit"


def test_signing_in_does_not_empty_the_cache(page_cache, home_pages, make_user, commit):
    from django.test import Client

    user = make_user()
    warm("/fr/")
    with commit():
        Client().login(username=user.username, password="pass-for-tests-123")
    assert state(get("/fr/")) == "hit"


def test_dates_move_only_with_the_timeout(page_cache, plan_tree, settings):
    """What changes with time alone (a milestone falling overdue) is bounded by the timeout."""
    settings.MOSHARAKA_PAGE_CACHE = {**settings.MOSHARAKA_PAGE_CACHE, "TIMEOUT": 1}
    first = plan_tree["first"]
    get(first.url)
    assert state(get(first.url)) == "hit"
    time.sleep(1.1)
    assert state(get(first.url)) == "miss"


def test_a_deploy_running_migrate_serves_no_page_of_the_previous_release(page_cache, plan_tree):
    """New templates and static file names arrive with a deploy, which runs migrate: pages
    rendered before it must be rendered afresh, although no row changed."""
    from django.core.management import call_command

    plan = plan_tree["plan"]
    warm(plan.url)
    call_command("migrate", verbosity=0)
    assert fresh(plan.url).status_code == 200
