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
