"""Two reports posted at the same moment on one milestone both survive, and the position is
the later of the two. Real concurrency needs PostgreSQL (SQLite serialises writers): CI's
PostgreSQL run executes it; locally:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mosharaka_monitoring \\
        .venv/bin/pytest tests/monitoring/test_concurrency.py --create-db
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from actionplans.monitoring.models import Position, ProgressReport

from .conftest import build_world
from .helpers import official

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
)


@pytest.fixture
def world(transactional_db):
    """Built for the test itself: the module-wide tree lives in a transaction, which a test of
    concurrent transactions cannot run inside."""
    return build_world()


@pytest.mark.django_db(transaction=True)
def test_two_reports_at_the_same_moment_both_survive(world, role_user):
    editor, staff = role_user("editor"), role_user("staff_lead")
    milestone = world["commitment"].milestones.first()
    barrier = threading.Barrier(2)
    errors = []
    today = timezone.localdate()

    def post(user, percent, reported_on):
        try:
            barrier.wait(timeout=10)
            official(
                user,
                world["commitment"],
                milestone=milestone,
                percent=percent,
                reported_on=reported_on,
            )
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=post, args=(editor, 30, today - timedelta(days=1))),
        threading.Thread(target=post, args=(staff, 35, today)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert ProgressReport.objects.filter(target_key=milestone.translation_key).count() == 2
    position = Position.objects.get(target_key=milestone.translation_key, kind="official")
    assert position.percent == 35  # the later date wins whichever commits last
    assert type(milestone).objects.get(pk=milestone.pk).progress == 35
