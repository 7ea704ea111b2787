"""public_q() selects exactly the pages Wagtail's public() selects, in the listing's own query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from home.pagetree import add_child
from home.visibility import public_q

pytestmark = pytest.mark.django_db


def test_same_pages_as_wagtails_public_in_one_query(home_pages):
    home = home_pages["fr"]
    open_page = add_child(home, StandardPage(title="Ouvert", slug="ouvert"))
    private = add_child(home, StandardPage(title="Privé", slug="prive"))
    below = add_child(private, StandardPage(title="Dessous", slug="dessous"))
    add_child(open_page, StandardPage(title="Sous ouvert", slug="sous-ouvert"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    expected = set(Page.objects.public().values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        found = set(Page.objects.filter(public_q()).values_list("pk", flat=True))
    assert found == expected
    assert private.pk not in found and below.pk not in found and open_page.pk in found
    assert len(queries) == 1


def test_served_pages_are_restricted_as_wagtail_restricts_them(home_pages, client):
    """The privacy check before a page is served reads the breadcrumbs' query (no query of its
    own for an open page) and finds the same restrictions as Wagtail's own check: on the page,
    above it, and for an alias, on the page it shows."""
    home = home_pages["fr"]
    open_page = add_child(home, StandardPage(title="Ouvert", slug="ouvert"))
    private = add_child(home, StandardPage(title="Privé", slug="prive"))
    below = add_child(private, StandardPage(title="Dessous", slug="dessous"))
    alias = private.create_alias(parent=open_page, update_slug="alias")
    restriction = PageViewRestriction.objects.create(page=private, restriction_type="login")

    for page in (home, open_page, private, below, alias):
        page = Page.objects.get(pk=page.pk).specific
        ours = set(page.get_view_restrictions())
        theirs = set(Page.get_view_restrictions(page))
        assert ours == theirs, page
    assert set(below.specific.get_view_restrictions()) == {restriction}
    assert set(alias.specific.get_view_restrictions()) == {restriction}

    page = Page.objects.get(pk=open_page.pk).specific
    with CaptureQueriesContext(connection) as queries:
        assert not page.get_view_restrictions()
    assert len(queries) == 1  # the ancestors, which the breadcrumbs then reuse
    assert client.get(open_page.url).status_code == 200
    for restricted in (private, below, alias):
        assert client.get(restricted.url).status_code == 302, restricted  # to sign in


def test_routing_reads_the_lineage_wagtail_reads(home_pages):
    """The route's query gives the served page the ancestors (restrictions marked) that
    get_ancestors gives, so the privacy check and the breadcrumbs need no query of their own."""
    from home.ancestors import _lineage, deepest_with_lineage

    home = home_pages["fr"]
    private = add_child(home, StandardPage(title="Privé", slug="prive"))
    below = add_child(private, StandardPage(title="Dessous", slug="dessous"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    prefixes = [home.url_path + "prive/", home.url_path + "prive/dessous/"]

    page, lineage = deepest_with_lineage(home, prefixes + [home.url_path + "prive/dessous/x/"])

    assert page.pk == below.pk
    fresh = Page.objects.get(pk=below.pk)
    expected = [(p.pk, p.restricted) for p in _lineage(fresh)]
    assert [(p.pk, p.restricted) for p in lineage] == expected
    assert [p.pk for p in lineage] == [p.pk for p in below.get_ancestors(inclusive=True)]
    assert [p.restricted for p in lineage][-2:] == [True, False]
    # A URL path that names no page below the home page: nothing to serve from here.
    assert deepest_with_lineage(home, [home.url_path + "nulle-part/"]) == (None, None)
