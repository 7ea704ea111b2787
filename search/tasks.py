"""Background work of the search app, on the task queue."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from search import hits


def flush_scheduled() -> bool:
    """Whether the database task queue already holds a flush waiting to run."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return False
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=f"{__name__}.flush_search_hits"
    ).exists()


@task()
def flush_search_hits(reschedule: bool = False) -> int:
    """Move the search hits counted in the cache into the database; with ``reschedule``, run
    again every ``MOSHARAKA_SEARCH_HITS_FLUSH_SECONDS`` (started by
    ``manage.py flush_search_hits --schedule``)."""
    try:
        return hits.flush()
    finally:
        if reschedule:
            seconds = getattr(settings, "MOSHARAKA_SEARCH_HITS_FLUSH_SECONDS", 300)
            later = timezone.now() + timedelta(seconds=seconds)
            flush_search_hits.using(run_after=later).enqueue(reschedule=True)
