"""The demo for the tests that read it. `load_demo()` leaves in the test database what
`manage.py load_demo` leaves in a freshly migrated one, but runs the command once per test
process and day: later callers get a copy of the tables it filled, which takes milliseconds
instead of seconds. The tests of the command itself still run it (`call_command`) where they
check what running it does; everywhere else the demo is only the data a test starts from.

On PostgreSQL the command runs for every caller (the copy reads SQLite's tables as they are)."""

import io

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
    snapshot = _snapshots.get(day)
    if snapshot is None:
        call_command("load_demo", today=day, stdout=io.StringIO())
        _snapshots[day] = read_tables()
        return
    write_tables(snapshot)
