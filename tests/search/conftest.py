import pytest
from django.db import connection, transaction

from ..tablecopy import read_tables, write_tables
from .corpus import Corpus, build_corpus

_built: dict = {}  # the corpus built first in this process, and its tables


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The fixed corpus, built once per test module inside a transaction that is rolled back
    afterwards (each test runs in a savepoint of it). On SQLite it is built once per test
    process, and later modules get a copy of its tables (tests/tablecopy.py)."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield _corpus()
            transaction.set_rollback(True)


def _corpus() -> Corpus:
    if connection.vendor != "sqlite":
        return build_corpus()
    if not _built:
        _built["corpus"] = build_corpus()
        _built["tables"] = read_tables()
        return _built["corpus"]
    write_tables(_built["tables"])
    return _built["corpus"].fetched_again()
