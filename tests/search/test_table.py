"""The facet table (search/table.py): kept while the data is unchanged, so a search asks the
database only for its text matches and its page of results; read again after a committed
write, or when a facet is added."""

import gc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplans.models import CommitmentPage
from pagecache import generation
from search import registry, table
from search.engine import run
from search.facets import choice_facet
from tests.perf.conftest import committed

pytestmark = pytest.mark.django_db

FILTERS = {"language": ["ar", "fr", "fa-af"]}


@pytest.fixture
def kept(settings):
    settings.MOSHARAKA_SEARCH_DATA_VERSION = "pagecache.generation.current"
    table.forget()
    generation.bump()
    yield
    table.forget()


def _status_counts(query: str = "") -> dict:
    found = run("commitments", query, FILTERS, language_code="fr")
    status = next(facet for facet in found.facets if facet.name == "status")
    return {option.value: option.count for option in status.options}


def _queries(query: str = "") -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        found = run("commitments", query, FILTERS, language_code="fr")
        list(found.results[:20])
    return [entry["sql"] for entry in captured.captured_queries]


def _table_reads(queries: list[str]) -> list[str]:
    return [sql for sql in queries if '"_facet_0"' in sql or '"tags__slug"' in sql]


def test_a_kept_table_is_not_read_again_while_the_data_is_unchanged(corpus, kept):
    first = _queries("الخدمات")
    again = _queries("الخدمات")
    assert _table_reads(first) and not _table_reads(again)
    # The labels of plans, institutions and themes are kept with it, per language.
    assert len(again) <= len(first) - len(_table_reads(first)) - 3
    assert _status_counts() == _status_counts()


def test_a_committed_write_shows_on_the_next_search(corpus, kept):
    before = _status_counts()
    commitment = CommitmentPage.objects.live().filter(status="in_progress").first()
    CommitmentPage.objects.filter(pk=commitment.pk).update(status="cancelled")
    assert _status_counts() == before  # not committed yet: the same generation, the same table
    committed()
    after = _status_counts()
    assert after["in_progress"] == before["in_progress"] - 1
    assert after.get("cancelled", 0) == before.get("cancelled", 0) + 1


def test_without_a_version_every_search_reads_its_table(corpus, settings):
    settings.MOSHARAKA_SEARCH_DATA_VERSION = None
    assert _table_reads(_queries()) and _table_reads(_queries())


def test_an_added_facet_reads_the_table_again(corpus, kept):
    _queries()
    registry.add_facet("commitments", choice_facet("extra", "extra", lookup="code", choices=[]))
    try:
        assert _table_reads(_queries())
    finally:
        registry.remove_facet("commitments", "extra")


def test_reading_a_table_leaves_the_garbage_collector_as_it_was(corpus):
    search = registry.get("commitments")
    assert gc.isenabled()
    table.read(search, search.queryset())
    assert gc.isenabled()
    gc.disable()
    try:
        table.read(search, search.queryset())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_kept_until_a_write_the_next_search_sees_an_uncommitted_write(corpus, kept_until_a_write):
    """The tests' token (tests/writes.py): a table kept under it is read again after any write,
    committed or not, and only then."""
    before = _status_counts()
    assert not _table_reads(_queries())  # no write since: the kept table
    commitment = CommitmentPage.objects.live().filter(status="in_progress").first()
    CommitmentPage.objects.filter(pk=commitment.pk).update(status="cancelled")
    after = _status_counts()
    assert after["in_progress"] == before["in_progress"] - 1
    assert after.get("cancelled", 0) == before.get("cancelled", 0) + 1
