"""The demo for the tests that read it. `load_demo()` leaves in the test database what
`manage.py load_demo` leaves in a freshly migrated one, but builds it at most once per test
process and day: later callers get a copy of the tables it filled, which takes milliseconds
instead of seconds. The tests of the command itself still run it (`call_command`) where they
check what running it does; everywhere else the demo is only the data a test starts from.

When the run includes browser tests, today's demo is the one built for them
(tests/browser/demo_build.py: the same command on a copy of the run's migrated database, kept
between runs while the sources are unchanged): its tables are copied rather than the command
run a second time beside it.

On PostgreSQL the command runs for every caller (the copy reads SQLite's tables as they are)."""

import io
import shutil
import sqlite3
import time

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
    snapshot = _snapshots.get(day) or _built_for_browsers(day)
    if snapshot is None:
        call_command("load_demo", today=day, stdout=io.StringIO())
        _snapshots[day] = read_tables()
        return
    _snapshots[day] = snapshot
    write_tables(snapshot)


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
