"""Site data shared by every page (site, home page, menu, settings, translations) is read once
per cache generation in each worker, and a committed write shows on the next request."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from home.models import SiteSettings, StandardPage
from home.pagetree import add_child
from pagecache import generation
from pagecache.shared import memo

pytestmark = pytest.mark.django_db

SHARED_TABLES = ("wagtailcore_site", "home_sitesettings", "home_homepage", "wagtailcore_locale")


@pytest.fixture
def shared_data(settings):
    settings.MOSHARAKA_SITE_DATA_CACHE = True
    memo.clear()
    generation.bump()  # nothing from an earlier test (its rows were rolled back) is current
    yield
    memo.clear()


@pytest.fixture
def section(home_pages):
    home = home_pages["fr"]
    about = add_child(home, StandardPage(title="À propos", slug="a-propos", show_in_menus=True))
    add_child(about, StandardPage(title="Équipe", slug="equipe"))
    SiteSettings.for_site(home.get_site())  # Wagtail creates the row on first use: a write
    return about


def render(url: str):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode(), [q["sql"] for q in queries]


def test_second_request_reads_no_site_data(section, shared_data):
    url = "/fr/a-propos/equipe/"
    first, first_sql = render(url)
    again, sql = render(url)
    assert again == first
    assert len(sql) < len(first_sql)
    assert not [q for q in sql if any(f'"{t}"' in q.split(" WHERE ")[0] for t in SHARED_TABLES)]


def test_fewer_queries_than_without(section, settings, shared_data):
    url = "/fr/a-propos/equipe/"
    render(url)
    _, shared = render(url)
    settings.MOSHARAKA_SITE_DATA_CACHE = False
    _, unshared = render(url)
    assert len(shared) <= len(unshared) - 4, (len(shared), len(unshared))


def test_committed_write_shows_on_the_next_request(
    section, shared_data, django_capture_on_commit_callbacks
):
    url = "/fr/a-propos/equipe/"
    render(url)
    connection.run_on_commit.clear()  # the set-up's writes: as if committed before the test
    with django_capture_on_commit_callbacks(execute=True):
        add_child(
            section.get_parent(), StandardPage(title="Budget", slug="budget", show_in_menus=True)
        )
        home = section.get_parent().specific
        home.council_name = "Conseil renommé"
        home.save_revision().publish()
    html, _ = render(url)
    assert ">Budget</a>" in html
    assert "Conseil renommé" in html


def test_uncommitted_write_is_not_seen_until_the_generation_changes(section, shared_data):
    url = "/fr/a-propos/equipe/"
    render(url)
    add_child(section.get_parent(), StandardPage(title="Budget", slug="budget", show_in_menus=True))
    assert ">Budget</a>" not in render(url)[0]  # the memo answered: no new generation yet
    generation.bump()
    assert ">Budget</a>" in render(url)[0]


def test_values_expire_with_the_page_cache_timeout(section, settings, shared_data):
    settings.MOSHARAKA_PAGE_CACHE = {**settings.MOSHARAKA_PAGE_CACHE, "TIMEOUT": -1}
    url = "/fr/a-propos/equipe/"
    render(url)
    add_child(section.get_parent(), StandardPage(title="Budget", slug="budget", show_in_menus=True))
    assert ">Budget</a>" in render(url)[0]


def test_languages_keep_their_own_home_and_menu(home_pages, section, shared_data):
    fr, _ = render("/fr/")
    ar, _ = render("/ar/")
    assert "Conseil régional" in fr and "À propos" in fr
    assert "مجلس الجهة" in ar and "À propos" not in ar
    assert render("/fr/")[0] == fr


def test_the_site_logo_is_read_once(section, shared_data):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    site_settings = SiteSettings.for_site(section.get_site())
    site_settings.logo = Image.objects.create(title="Logo", file=get_test_image_file())
    site_settings.save()
    generation.bump()
    url = "/fr/a-propos/equipe/"
    render(url)
    html, sql = render(url)
    assert 'class="site-brand__logo"' in html
    assert not [q for q in sql if '"wagtailimages_image"' in q.split(" WHERE ")[0]]
