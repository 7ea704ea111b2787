import pytest
from django.db import transaction

from .corpus import build_corpus


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The fixed corpus, built once per test module inside a transaction that is rolled back
    afterwards (each test runs in a savepoint of it)."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build_corpus()
            yield built
            transaction.set_rollback(True)
