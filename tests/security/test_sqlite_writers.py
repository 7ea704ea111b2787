"""Two SQLite connections with the site's database options (the app server and the task worker
of `make demo`) both write when their transactions read before they write: the second waits
for the first instead of failing with "database is locked" (a server error on a form submit)."""

import threading

import pytest
from django.conf import settings
from django.db.utils import ConnectionHandler

pytestmark = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"), reason="SQLite's locking"
)


def test_a_transaction_that_reads_then_writes_waits_for_the_other_writer(
    tmp_path, django_db_blocker
):
    with django_db_blocker.unblock():  # a database of the test's own, not the test database
        _two_writers(tmp_path)


def begin(connection) -> None:
    """Begin a transaction as `transaction.atomic()` does on SQLite (BEGIN, in the database's
    transaction mode)."""
    connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)


def _two_writers(tmp_path):
    database = {**settings.DATABASES["default"], "NAME": str(tmp_path / "writers.sqlite3")}
    database.pop("TEST", None)
    handler = ConnectionHandler({"default": database, "worker": dict(database)})
    server = handler["default"]
    with server.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (1, 0)")
    errors: list[Exception] = []
    worker_began = threading.Event()

    def worker_writes():
        worker = handler["worker"]  # connections belong to the thread that opens them
        try:
            worker_began.set()
            with worker.cursor() as cursor:  # waits while the server's transaction is open
                begin(worker)
                cursor.execute("SELECT value FROM counter WHERE id = 1")
                cursor.execute("UPDATE counter SET value = value + 10 WHERE id = 1")
                worker.commit()
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            worker.close()

    begin(server)
    with server.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")  # the server reads first
        thread = threading.Thread(target=worker_writes)
        thread.start()
        worker_began.wait(5)
        thread.join(0.5)  # the worker is now trying to write
        cursor.execute("UPDATE counter SET value = value + 1 WHERE id = 1")  # then writes
        server.commit()
    server.set_autocommit(True)
    thread.join(10)
    assert not errors, errors
    with server.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        assert cursor.fetchone()[0] == 11  # both writes kept
    server.close()
