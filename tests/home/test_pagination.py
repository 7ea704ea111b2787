"""A page of a listing counted in its own query is the page Django's paginator gives."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.pagination import counted_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(home_pages):
    home = home_pages["fr"]
    for n in range(7):
        home.add_child(instance=Page(title=f"Page {n}", slug=f"page-{n}"))
    return Page.objects.child_of(home).order_by("path")


@pytest.mark.parametrize("number", [None, "1", "2", "3", 2, "4", "99", "0", "-1", "x", "2.5"])
def test_a_counted_page_is_the_page_the_paginator_gives(listing, number):
    expected = Paginator(listing, 3).get_page(number)
    page = counted_page(listing, 3, number)
    assert [p.pk for p in page.object_list] == [p.pk for p in expected.object_list]
    assert (page.number, page.paginator.count, page.paginator.num_pages) == (
        expected.number,
        expected.paginator.count,
        expected.paginator.num_pages,
    )
    assert (page.has_previous(), page.has_next()) == (expected.has_previous(), expected.has_next())


def test_an_existing_page_takes_one_query(listing):
    with CaptureQueriesContext(connection) as queries:
        page = counted_page(listing, 3, "2")
        assert page.has_next() and len(page.object_list) == 3
    assert len(queries) == 1


def test_an_empty_listing_has_one_empty_page(home_pages):
    page = counted_page(Page.objects.filter(pk=-1), 3, None)
    assert (list(page.object_list), page.paginator.count, page.number) == ([], 0, 1)
