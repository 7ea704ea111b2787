"""The demo for the tests that read it. `load_demo()` leaves in the test database what
`manage.py load_demo` leaves in a freshly migrated one, but builds it at most once per test
process and day: later callers get a copy of the tables it filled, which takes milliseconds
instead of seconds. The tests of the command itself still run it (`call_command`) where they
check what running it does; everywhere else the demo is only the data a test starts from.

When the run includes browser tests, today's demo is the one built for them
(tests/browser/demo_build.py: the same command on a copy of the run's migrated database, kept
between runs while the sources are unchanged): its tables are copied rather than the command
run a second time beside it.

A demo the browser tests do not build (the year-ahead tests', or any demo in a run without
browser tests) is built by the command once and kept between runs
(`.test-tables-<day>-<key>.pickle`: its tables and the uploads it wrote), under a key of the
day, the rate limits it was loaded with and everything the browser tests' demo is keyed by
(every file of the project outside `tests/`): any change to what builds it builds it again.

On PostgreSQL the command runs for every caller (the copy reads SQLite's tables as they are)."""

import hashlib
import io
import pickle
import shutil
import sqlite3
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from .tablecopy import Snapshot, read_tables, write_tables

_snapshots: dict[str, Snapshot] = {}  # by day


def load_demo(today: str | None = None) -> None:
    """The demo loaded for `today` (YYYY-MM-DD; the real day by default), for a test inside a
    transaction that starts from the migrated database: the copy replaces every table's rows."""
    day = today or timezone.localdate().isoformat()
    if connection.vendor != "sqlite":
        call_command("load_demo", today=day, stdout=io.StringIO())
        return
    assert connection.in_atomic_block, "load_demo() needs a test transaction to copy into"
    assert not get_user_model().objects.exists(), "load_demo() starts from the migrated database"
    snapshot = _snapshots.get(day) or _built_for_browsers(day) or _kept(day)
    if snapshot is None:
        before = _uploads()
        call_command("load_demo", today=day, stdout=io.StringIO())
        _snapshots[day] = read_tables()
        new = {name: path.read_bytes() for name, path in _uploads().items() if name not in before}
        _keep(day, _snapshots[day], new)
        return
    _snapshots[day] = snapshot
    write_tables(snapshot)


def _kept_path(day: str) -> Path:
    from .browser import demo_build  # a plugin of the run: imported once pytest has it

    digest = hashlib.sha256(
        f"{demo_build.demo_key(day)} {settings.MOSHARAKA_RATE_LIMITS!r}".encode()
    ).hexdigest()[:16]
    return Path(settings.BASE_DIR) / f".test-tables-{day}-{digest}.pickle"


def _kept(day: str) -> Snapshot | None:
    """The tables an earlier run's command built for ``day`` from the same sources; its uploads
    are written back to the media folder."""
    try:
        snapshot, uploads = pickle.loads(_kept_path(day).read_bytes())  # noqa: S301 (our own file)
    except (OSError, ValueError, pickle.UnpicklingError, EOFError):
        return None
    root = Path(settings.MEDIA_ROOT)
    for name, content in uploads.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return snapshot


def _keep(day: str, snapshot: Snapshot, uploads: dict[str, bytes]) -> None:
    """Kept in place of this day's other builds and of the days before today."""
    path = _kept_path(day)
    today = timezone.localdate().isoformat()
    for stale in path.parent.glob(".test-tables-*.pickle"):
        built_for = stale.name.removeprefix(".test-tables-")[:10]
        if built_for == day or built_for < today:
            stale.unlink(missing_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(pickle.dumps((snapshot, uploads)))
    partial.rename(path)  # complete or absent, for another worker reading it


def _uploads() -> dict[str, Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


def _built_for_browsers(day: str, timeout: float = 900) -> Snapshot | None:
    """The tables of the browser tests' demo, if this run builds one for ``day`` (its uploads
    are copied beside the tests' own); None otherwise, or if its build failed."""
    from .browser import demo_build  # a plugin of the run: imported once pytest has it

    if not demo_build.expected:
        return None
    workdir = demo_build.demo_workdir()
    deadline = time.monotonic() + timeout
    while not (workdir / demo_build.BUILT).exists():
        if (workdir / demo_build.FAILED).exists() or time.monotonic() > deadline:
            return None  # the browser tests report it; these run the command themselves
        time.sleep(0.2)
    if demo_build.built_day(workdir) != day:
        return None
    if (workdir / "media").exists():
        shutil.copytree(workdir / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    built = sqlite3.connect(workdir / "demo.sqlite3")
    try:
        return read_tables(built)
    finally:
        built.close()
