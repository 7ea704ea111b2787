"""Search hits for the admin's "Search terms" report, counted without touching the database in
the request: a search adds one to a counter in the cache, and ``flush()`` (the task queue's
``flush_search_hits`` task, or ``manage.py flush_search_hits``) moves the counts into Wagtail's
daily hit table in one transaction. No hit is lost on the way:

- with Redis (``REDIS_URL``): one hash per day, ``HINCRBY`` to count; the flush renames the
  hash (atomic: counts arriving during the flush go into a new hash) and merges it back if
  writing to the database fails;
- otherwise: appends to a spool file next to the file cache, under a shared lock; the flush
  renames the file, takes the exclusive lock (waits for searches still writing to it), reads
  it and removes it only once the database has the counts. A writer that finds the file it
  opened renamed meanwhile writes again to the new one.
"""

import fcntl
import logging
import os
import uuid
from collections import Counter
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

REDIS_PREFIX = "search-hits:"  # then the day; inside the cache's own key prefix
SPOOL_NAME = "search-hits.spool"


def _redis():
    """The raw Redis client when the default cache is django-redis, else None."""
    client = getattr(cache, "client", None)
    if client is None or not hasattr(client, "get_client"):
        return None
    return client.get_client(write=True)


def _spool_dir() -> Path:
    location = settings.CACHES["default"].get("LOCATION") or ""
    backend = settings.CACHES["default"]["BACKEND"]
    base = Path(location) if backend.endswith("FileBasedCache") else settings.BASE_DIR / ".cache"
    path = base / "search-hits"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _normalise(query_string: str) -> str:
    from wagtail.contrib.search_promotions.models import normalise_query_string

    return normalise_query_string(query_string)


def record(query_string: str, day: date | None = None) -> None:
    """Count one search for ``query_string`` today (in the cache: no database write)."""
    query = _normalise(query_string)
    if not query:
        return
    day = day or timezone.localdate()
    try:
        redis = _redis()
        if redis is not None:
            redis.hincrby(cache.make_key(REDIS_PREFIX + day.isoformat()), query, 1)
        else:
            _append(_spool_dir() / SPOOL_NAME, f"{day.isoformat()}\t{query}\n")
    except Exception:
        logger.warning("Could not count a search hit", exc_info=True)


def _append(path: Path, line: str) -> None:
    data = line.replace("\r", " ").encode()
    while True:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)
            try:
                current = os.stat(path).st_ino
            except FileNotFoundError:
                current = None
            if current == os.fstat(fd).st_ino:
                os.write(fd, data)
                return
        finally:
            os.close(fd)  # closing releases the lock


def flush() -> int:
    """Move the counted hits into the database; returns how many hits were moved."""
    redis = _redis()
    return _flush_redis(redis) if redis is not None else _flush_spool(_spool_dir())


def _save(counts: Counter) -> None:
    from django.db.models import F
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    with transaction.atomic():
        for (day, query_string), hits in counts.items():
            query, _ = Query.objects.get_or_create(query_string=query_string)
            daily, _ = QueryDailyHits.objects.get_or_create(query=query, date=day)
            QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)


def _flush_redis(redis) -> int:
    moved = 0
    prefix = cache.make_key(REDIS_PREFIX)
    for key in redis.scan_iter(match=f"{prefix}????-??-??"):
        key = key.decode() if isinstance(key, bytes) else key
        taken = f"{key}:flushing:{uuid.uuid4().hex}"
        try:
            redis.rename(key, taken)
        except Exception as error:  # vanished since the scan (another flush took it)
            if "no such key" not in str(error).lower():
                raise
            continue
        day = date.fromisoformat(key[len(prefix) :])
        counts = Counter({(day, q.decode()): int(n) for q, n in redis.hgetall(taken).items()})
        try:
            _save(counts)
        except Exception:
            for (_, query), hits in counts.items():  # give them back for the next flush
                redis.hincrby(key, query, hits)
            redis.delete(taken)
            raise
        redis.delete(taken)
        moved += sum(counts.values())
    return moved


def _flush_spool(directory: Path) -> int:
    live = directory / SPOOL_NAME
    taken = directory / f"{SPOOL_NAME}.{uuid.uuid4().hex}.flushing"
    try:
        os.rename(live, taken)
    except FileNotFoundError:
        pass
    moved = 0
    # Also files left by a flush that failed to reach the database.
    for path in sorted(directory.glob(f"{SPOOL_NAME}.*.flushing")):
        try:
            spool = open(path, "rb")  # noqa: SIM115 (closed below, after the unlink)
        except FileNotFoundError:
            continue
        with spool:
            fcntl.flock(spool, fcntl.LOCK_EX)  # searches still writing to it finish first
            if not path.exists() or os.stat(path).st_ino != os.fstat(spool.fileno()).st_ino:
                continue  # another flush took it meanwhile
            counts = Counter()
            for line in spool.read().decode(errors="replace").splitlines():
                day, _, query = line.partition("\t")
                if query:
                    counts[(date.fromisoformat(day), query)] += 1
            _save(counts)
            path.unlink()
        moved += sum(counts.values())
    return moved
