"""The tests' cache token: a text that changes with every statement other than a read that a
test runs through any of Django's database connections, and at the start of every test that
keeps data under it.

In the site, data every page reads alike (``pagecache.shared``) and each faceted search's facet
table (``search.table``) are kept for as long as the page cache's generation stays the same, and
every committed write replaces it. A test's writes are never committed, so that generation
cannot tell them; this token can, and it changes more often than the generation ever does (on
uncommitted writes and rollbacks too). The `kept_until_a_write` fixture (tests/conftest.py)
names it, for the tests that send many requests over data they do not change; the rest of the
suite keeps nothing between requests (config/settings/test.py)."""

import itertools

from django.db import connections
from django.db.backends.signals import connection_created

_counter = itertools.count(1)
_token = "0"


def token() -> str:
    return _token


def start() -> None:
    """Watch writes (once per process) and start from a new token, so that nothing kept by an
    earlier test, whose writes may have been rolled back unseen, is read."""
    install()
    bump()


def bump() -> None:
    global _token
    _token = str(next(_counter))


def _bump_after_writes(execute, sql, params, many, context):
    try:
        return execute(sql, params, many, context)
    finally:
        if many or str(sql).lstrip()[:6].upper() != "SELECT":
            bump()


def _wrap(connection) -> None:
    # First in the list: a `with connection.execute_wrapper(...)` block pops the last one.
    if _bump_after_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _bump_after_writes)


def install() -> None:
    """Bump the token after every write on every connection, open or opened later."""
    for connection in connections.all(initialized_only=True):
        _wrap(connection)
    connection_created.connect(_on_connection, weak=False, dispatch_uid="tests.writes")


def _on_connection(sender, connection, **kwargs) -> None:
    _wrap(connection)
