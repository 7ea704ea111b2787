"""The demo for the tests that read it. `load_demo()` leaves in the test database what
`manage.py load_demo` leaves in a freshly migrated one, but runs the command once per test
process and day: later callers get a copy of the tables it filled, which takes milliseconds
instead of seconds. The tests of the command itself still run it (`call_command`) where they
check what running it does; everywhere else the demo is only the data a test starts from.

On PostgreSQL the command runs for every caller (the copy reads SQLite's tables as they are)."""

import io

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

# Each snapshot: table name -> (column names, rows), sqlite_sequence included.
_snapshots: dict[str, dict[str, tuple[list[str], list[tuple]]]] = {}


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
        _snapshots[day] = _read_tables()
        return
    _write_tables(snapshot)
    # Caches (Wagtail's site root paths, the page cache's generation) describe the old rows.
    for cache in caches.all():
        cache.clear()


def _tables() -> list[str]:
    """Ordinary tables: not the full-text index (its triggers follow wagtailsearch_indexentry),
    not SQLite's own, not the migration history (the same in every copy)."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA table_list")
        rows = cursor.fetchall()
    return sorted(
        name
        for schema, name, kind, *_ in rows
        if schema == "main"
        and kind == "table"
        and not name.startswith("sqlite_")
        and name != "django_migrations"
    ) + ["sqlite_sequence"]


def _read_tables() -> dict[str, tuple[list[str], list[tuple]]]:
    raw = connection.connection
    snapshot = {}
    for table in _tables():
        columns = [row[1] for row in raw.execute(f'PRAGMA table_info("{table}")')]
        # `+column` has no declared type, so the values come back as stored (no converters).
        select = ", ".join(f'+"{column}"' for column in columns)
        snapshot[table] = (columns, raw.execute(f'SELECT {select} FROM "{table}"').fetchall())
    return snapshot


def _write_tables(snapshot: dict[str, tuple[list[str], list[tuple]]]) -> None:
    raw = connection.connection
    for table, (columns, rows) in snapshot.items():
        raw.execute(f'DELETE FROM "{table}"')
        names = ", ".join(f'"{column}"' for column in columns)
        marks = ", ".join("?" * len(columns))
        raw.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
