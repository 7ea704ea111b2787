"""The tests' cache token (tests/writes.py) changes with every write and with nothing else, and
what is kept under it never hides a test's own uncommitted change."""

import pytest
from django.db import connection

from tests import writes

pytestmark = pytest.mark.django_db


def test_a_read_keeps_the_token_and_a_write_changes_it(home_pages):
    writes.token()  # watching from here on
    before = writes.token()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert writes.token() == before
    page = home_pages["fr"]
    page.title = "Accueil changé"
    page.save(update_fields=["title"])
    assert writes.token() != before


@pytest.mark.parametrize("kept", [False, True])
def test_an_uncommitted_change_shows_on_the_next_request(client, home_pages, settings, kept):
    """The council's name is site data (read through ``pagecache.shared``); kept or not, the
    next request shows it changed."""
    if kept:
        settings.MOSHARAKA_SITE_DATA_CACHE = True
        settings.MOSHARAKA_SITE_DATA_VERSION = "tests.writes.token"
    assert "<title>Conseil régional</title>" in client.get("/fr/").content.decode()
    page = home_pages["fr"]
    page.council_name = "Conseil de la région de l'Oriental"
    page.save_revision().publish()
    html = client.get("/fr/").content.decode()
    assert "<title>Conseil de la région de l&#x27;Oriental</title>" in html


def test_without_the_token_kept_data_hides_an_uncommitted_change(client, home_pages, settings):
    """Why the token exists: kept under the generation, which only a commit changes, the
    change does not show (so the test above, kept, proves the token does the work)."""
    settings.MOSHARAKA_SITE_DATA_CACHE = True
    settings.MOSHARAKA_SITE_DATA_VERSION = None
    assert "<title>Conseil régional</title>" in client.get("/fr/").content.decode()
    page = home_pages["fr"]
    page.council_name = "Conseil de la région de l'Oriental"
    page.save_revision().publish()
    assert "<title>Conseil régional</title>" in client.get("/fr/").content.decode()
