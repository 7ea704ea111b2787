"""The tests' cache token (tests/writes.py) changes with every write and with nothing else, and
what is kept under it never hides a test's own uncommitted change (the facet table's part:
tests/search/test_table.py)."""

import pytest
from django.db import connection

from tests import writes

pytestmark = pytest.mark.django_db

TITLE = "<title>Conseil régional</title>"
CHANGED = "<title>Conseil de la région de l&#x27;Oriental</title>"


def rename_council(page) -> None:
    page.council_name = "Conseil de la région de l'Oriental"
    page.save_revision().publish()


def test_a_read_keeps_the_token_a_write_and_a_start_change_it(home_pages, kept_until_a_write):
    before = writes.token()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert writes.token() == before
    page = home_pages["fr"]
    page.title = "Accueil changé"
    page.save(update_fields=["title"])
    written = writes.token()
    assert written != before
    writes.start()
    assert writes.token() not in (before, written)


def test_kept_until_a_write_an_uncommitted_change_shows_on_the_next_request(
    client, home_pages, kept_until_a_write
):
    """The council's name is site data (read through ``pagecache.shared``)."""
    assert TITLE in client.get("/fr/").content.decode()
    rename_council(home_pages["fr"])
    assert CHANGED in client.get("/fr/").content.decode()


def test_kept_under_the_generation_the_same_change_does_not_show(client, home_pages, settings):
    """Why the token exists: the generation changes only on a commit, which a test never makes
    (so the test above proves that the token does the work)."""
    settings.MOSHARAKA_SITE_DATA_CACHE = True
    assert settings.MOSHARAKA_SITE_DATA_VERSION is None
    assert TITLE in client.get("/fr/").content.decode()
    rename_council(home_pages["fr"])
    assert TITLE in client.get("/fr/").content.decode()
