"""Two identical posts at the same moment (two app servers, each with its own database
connection) make one: the loser gets what a double submit gets. Real concurrency needs
PostgreSQL (SQLite serialises writers); CI's PostgreSQL run executes these; locally:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mosharaka_trust \\
        .venv/bin/pytest tests/security/test_concurrent_posts.py --create-db
"""

import json
import threading

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, connections
from django.test import Client
from django.utils import translation

from accounts import roles
from actionplans.evaluation.models import Assessment
from consultations.models import Comment, ConsultationIndexPage
from home.models import HomePage
from home.pagetree import add_child
from tests.actionplans.factories import commitment_page, english_home, index_page, plan_page
from tests.consultations.fixtures import new_consultation
from tests.evaluation.conftest import assess, new_round

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
    ),
    # The data must be committed for the other connections to see it; the migrations' own
    # rows (home page, groups) are put back before and after, for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("initial_data_afterwards"),
]


@pytest.fixture(scope="module")
def initial_data_afterwards(django_db_blocker):
    """Start from exactly what the migrations made, and leave it so. Before: earlier tests of
    this process may have emptied the tables (another transactional test) and made rows again
    under new ids (content types made on first use, a test running migrate), which the
    serialized copy Django writes back before each test would collide with. After: a
    transactional test empties every table when it ends, and later tests need the site."""
    with django_db_blocker.unblock():
        restore_initial_data()
    yield
    with django_db_blocker.unblock():
        restore_initial_data()


def restore_initial_data() -> None:
    if not hasattr(connection, "_test_serialized_contents"):
        return
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
    )
    # Content types first, then a cache filled from them: saving Wagtail's pages and tasks
    # looks their content type up, and a miss would make a row under a new id that the
    # serialized one then collides with (before each test, Django writes the copy back the
    # same way, so the cache must hold these ids then too).
    contents = connection._test_serialized_contents
    types = [o for o in json.loads(contents) if o["model"] == "contenttypes.contenttype"]
    connection.creation.deserialize_db_from_string(json.dumps(types))
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models())
    connection.creation.deserialize_db_from_string(contents)


def at_the_same_moment(*calls) -> tuple[list, list]:
    """Run the calls in threads (each opens its own database connection), released together."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported by the callers' assertions
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def test_two_identical_comments_posted_at_once_make_one(locales, make_user):
    home = HomePage.objects.get(depth=2, locale__language_code="ar")
    index = add_child(home, ConsultationIndexPage(title="الاستشارات", slug="istisharat"))
    consultation = new_consultation(index, "during", french=False)
    user = make_user()
    clients = [Client(), Client()]  # two browser tabs, or one resent form on two servers
    for client in clients:
        client.force_login(user)
    url = f"/ar/comments/new/{consultation.pk}/"

    def post(client):
        return lambda: client.post(url, {"body": "Deux fois le même avis"})

    responses, errors = at_the_same_moment(*(post(client) for client in clients))
    assert errors == []
    assert [r.status_code for r in responses] == [302, 302]
    assert responses[0]["Location"] == responses[1]["Location"]  # both shown the one comment
    assert Comment.objects.filter(author=user).count() == 1


def test_two_first_saves_of_an_assessment_at_once_make_one_draft(make_user):
    plan = plan_page(index_page(english_home()))
    commitment = commitment_page(plan, "C1")
    evaluator = make_user(groups=[roles.EVALUATORS])
    evaluation_round = new_round(plan, "open", evaluators=[evaluator])

    def save():
        return assess(evaluator, evaluation_round, commitment, submit=False)

    drafts, errors = at_the_same_moment(save, save)
    assert errors == []
    assert drafts[0].pk == drafts[1].pk
    assert Assessment.objects.filter(author=evaluator).count() == 1


def test_two_submissions_of_an_assessment_at_once_submit_it_once(make_user):
    plan = plan_page(index_page(english_home()))
    commitment = commitment_page(plan, "C1")
    evaluator = make_user(groups=[roles.EVALUATORS])
    evaluation_round = new_round(plan, "open", evaluators=[evaluator])

    def submit():
        with translation.override("en"):
            return assess(evaluator, evaluation_round, commitment, submit=True)

    results, errors = at_the_same_moment(submit, submit)
    # The loser is told, as after a second click, that it is already submitted.
    assert [type(error) for error in errors] == [ValidationError]
    assert "already submitted" in str(errors[0])
    assessments = Assessment.objects.filter(author=evaluator)
    assert [a.status for a in assessments] == [Assessment.Status.SUBMITTED]
