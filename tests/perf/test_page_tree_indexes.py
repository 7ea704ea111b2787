"""Routing and menus read Wagtail's page table through indexes of their own
(home/migrations/0004): their cost does not grow with the number of pages below a home page
(at 100 times the demo, a news article was served at half the speed without them)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from home.pagetree import add_child

pytestmark = pytest.mark.django_db


def test_the_page_table_has_the_indexes():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert constraints["home_page_url_path"]["columns"] == ["url_path"]
    assert constraints["home_page_depth_path"]["columns"] == ["depth", "path"]


def plan_of(sql: str, params) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # the test tree is tiny
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row) for row in cursor.fetchall())


def test_routing_and_menus_use_them(client, home_pages):
    home = home_pages["fr"]
    about = add_child(home, StandardPage(title="À propos", slug="a-propos", show_in_menus=True))
    add_child(about, StandardPage(title="Équipe", slug="equipe"))
    client.get("/fr/a-propos/equipe/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/a-propos/equipe/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")  # a connection for the raw plans below
    routed = next(q["sql"] for q in queries if '"url_path" IN' in q["sql"])
    menu = next(q["sql"] for q in queries if '"show_in_menus"' in q["sql"].partition("WHERE")[2])
    if connection.vendor == "postgresql":
        # On a tree this small PostgreSQL's choice among usable indexes follows its statistics:
        # check that ours serve the lookups that had none (the URL path; the depth).
        from wagtail.models import Page

        routed, params = Page.objects.filter(url_path__in=["/home-fr/"]).query.sql_with_params()
        assert "home_page_url_path" in plan_of(routed, params)
        menu, params = Page.objects.filter(depth=3).query.sql_with_params()
        assert "home_page_depth_path" in plan_of(menu, params)
        return
    assert "home_page_url_path" in plan_of(routed, None)
    assert "home_page_depth_path" in plan_of(menu, None)
