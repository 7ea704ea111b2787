"""A copy of every table's rows, for test data that is expensive to build and built the same
way each time (the demo, the search corpus): built once per test process, then copied into the
database of each test module or test that needs it. SQLite only; inside a transaction, where it
replaces what the tables held."""

from django.core.cache import caches
from django.db import connection

Snapshot = dict[str, tuple[list[str], list[tuple]]]  # table -> (columns, rows)


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


def read_tables(raw=None) -> Snapshot:
    """Every ordinary table's rows, as stored: of the test database, or of the database ``raw``
    (a `sqlite3` connection) of the same schema."""
    raw = raw or connection.connection
    snapshot = {}
    for table in _tables():
        columns = [row[1] for row in raw.execute(f'PRAGMA table_info("{table}")')]
        # `+column` has no declared type, so the values come back as stored (no converters).
        select = ", ".join(f'+"{column}"' for column in columns)
        snapshot[table] = (columns, raw.execute(f'SELECT {select} FROM "{table}"').fetchall())
    return snapshot


def write_tables(snapshot: Snapshot) -> None:
    """Put back the rows `read_tables()` read (same schema: the same test database)."""
    raw = connection.connection
    for table, (columns, rows) in snapshot.items():
        raw.execute(f'DELETE FROM "{table}"')
        names = ", ".join(f'"{column}"' for column in columns)
        marks = ", ".join("?" * len(columns))
        raw.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
    # Caches (Wagtail's site root paths, the page cache's generation) describe the old rows.
    for cache in caches.all():
        cache.clear()
