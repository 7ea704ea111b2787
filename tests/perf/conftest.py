"""What the shared-cache tests of this folder use: a plan with commitments, the shared cache
turned on afresh, a page rendered without its CSRF mask, and commits that run their callbacks."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pagecache import generation
from pagecache.shared import memo
from tests.actionplans.factories import (
    TODAY,
    commitment_page,
    english_home,
    index_page,
    milestone,
    organisation,
    plan_page,
)

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture
def plan(db):
    index = index_page(english_home())
    plan = plan_page(index)
    lead = organisation("مديرية", fr="Direction")
    partners = [organisation(f"جمعية {n}", kind="cso") for n in range(3)]
    plan.add_commitments = lambda n, start: [
        commitment_page(
            plan,
            f"C{i}",
            lead=lead,
            partners=partners,
            tags=["budget"],
            milestones=[
                milestone(m, due=TODAY + timedelta(days=30 * (m - 2)), responsible=partners[m % 3])
                for m in range(3)
            ],
        )
        for i in range(start, start + n)
    ]
    plan.add_commitments(2, 0)
    return plan


@pytest.fixture
def shared(settings):
    settings.MOSHARAKA_SITE_DATA_CACHE = True
    memo.clear()
    generation.bump()
    yield
    memo.clear()


def render(url: str, client: Client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return CSRF.sub("", response.content.decode()), len(queries)  # a new mask each time


def committed() -> None:
    """What the test wrote counts as committed: its on-commit callbacks (a new generation) run."""
    pending = list(connection.run_on_commit)
    connection.run_on_commit.clear()
    for _, callback, _ in pending:
        callback()
