"""Search hits are counted in the cache (no database write in the request) and moved into
Wagtail's daily hit table by a flush, losing none even while searches keep arriving; on the
file cache (the embedded default) and on Redis."""

import multiprocessing
import threading
import uuid
from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import QueryDailyHits

from search import hits
from tests.pagecache.conftest import REDIS_LOCATION, _redis_up

pytestmark = pytest.mark.django_db
DAY = date(2026, 12, 1)


@pytest.fixture(params=["file", "redis"])
def counter_cache(request, settings, tmp_path):
    if request.param == "redis":
        if not _redis_up():
            pytest.skip("no Redis server on 127.0.0.1:6379 (CI and this machine have one)")
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": REDIS_LOCATION,
                "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
                "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
            }
        }
    else:
        settings.CACHES = {
            "default": {
                "BACKEND": "pagecache.filecache.FileBasedCache",
                "LOCATION": str(tmp_path / "cache"),
            }
        }
    from django.core.cache import cache

    yield request.param
    if request.param == "redis":
        cache.delete_pattern("*")


def saved() -> Counter:
    return Counter(
        {
            (row.query.query_string, row.date): row.hits
            for row in QueryDailyHits.objects.select_related("query")
        }
    )


def test_counting_a_hit_runs_no_query(counter_cache):
    with CaptureQueriesContext(connection) as queries:
        hits.record("Budget participatif", day=DAY)
    assert len(queries) == 0
    assert not QueryDailyHits.objects.exists()


def test_a_flush_moves_the_counts_once(counter_cache):
    for query in ["Budget", "budget ", "BUDGET", "eau potable"]:
        hits.record(query, day=DAY)
    hits.record("eau potable", day=date(2026, 11, 30))
    assert hits.flush() == 5
    assert saved() == {
        ("budget", DAY): 3,
        ("eau potable", DAY): 1,
        ("eau potable", date(2026, 11, 30)): 1,
    }
    assert hits.flush() == 0
    hits.record("budget", day=DAY)
    assert hits.flush() == 1
    assert saved()[("budget", DAY)] == 4


def test_counts_stay_for_the_next_flush_when_the_database_fails(counter_cache, monkeypatch):
    hits.record("transparence", day=DAY)
    real_save = hits._save

    def failing(counts):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(hits, "_save", failing)
    with pytest.raises(RuntimeError):
        hits.flush()
    hits.record("transparence", day=DAY)
    monkeypatch.setattr(hits, "_save", real_save)
    assert hits.flush() == 2
    assert saved() == {("transparence", DAY): 2}


def _search_many(n: int, worker: int) -> None:
    for i in range(n):
        hits.record(f"query {i % 7}", day=DAY)


def test_no_hit_is_lost_while_flushes_run_during_searches(counter_cache):
    """Searches from several processes (file cache) or threads (Redis) while flushes run."""
    per_worker, workers = 300, 4
    if counter_cache == "file":
        context = multiprocessing.get_context("fork")
        runners = [
            context.Process(target=_search_many, args=(per_worker, w)) for w in range(workers)
        ]
    else:
        runners = [
            threading.Thread(target=_search_many, args=(per_worker, w)) for w in range(workers)
        ]
    for runner in runners:
        runner.start()
    moved = 0
    while any(runner.is_alive() for runner in runners):
        moved += hits.flush()
    for runner in runners:
        runner.join()
    moved += hits.flush()
    assert moved == per_worker * workers
    assert sum(saved().values()) == per_worker * workers
    assert len(saved()) == 7


def test_a_site_search_writes_nothing_to_the_database(counter_cache, client, home_pages):
    client.get("/fr/")  # the site's settings row is created on first use, once
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/search/", {"q": "budget"})
    assert response.status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip()[:6].upper() in {"INSERT", "UPDATE"}]
    assert writes == [], writes
    assert hits.flush() == 1


def test_the_flush_task_reschedules_itself_once(counter_cache, settings):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import task_backends

    backend = task_backends["default"]
    call_command("flush_search_hits", "--schedule")
    assert [r.task.name for r in backend.results] == ["flush_search_hits"]
    hits.record("eau", day=DAY)
    from search.tasks import flush_search_hits

    assert flush_search_hits.call(reschedule=True) == 1
    rescheduled = backend.results[-1]
    assert rescheduled.task.run_after is not None
    assert rescheduled.kwargs == {"reschedule": True}
