"""The page a URL names, kept in the shared cache for the current generation: a committed
unpublishing or a new view restriction shows on the next request, every visitor still gets
their own answer (a restricted page, a 404), and URLs that name no page are not kept."""

import pytest
from django.core.cache import caches
from django.test import Client
from wagtail.models import PageViewRestriction

from .conftest import committed

pytestmark = pytest.mark.django_db


def kept(settings) -> int:
    cache = caches[settings.MOSHARAKA_PAGE_CACHE["ALIAS"]]
    return sum(":pagecache:shared:" in key for key in cache._cache)  # local memory in tests


def test_unpublishing_shows_on_the_next_request(plan, shared):
    commitment = plan.get_children().first().specific
    visitor = Client()
    assert visitor.get(commitment.url).status_code == 200
    assert visitor.get(commitment.url).status_code == 200  # from the shared cache
    commitment.unpublish()
    committed()
    assert visitor.get(commitment.url).status_code == 404


def test_a_restriction_shows_at_once_and_each_visitor_gets_their_answer(
    plan,
    shared,
    make_user,
):
    commitment = plan.get_children().first().specific
    member = Client()
    member.force_login(make_user())
    for client in (Client(), member):
        assert client.get(commitment.url).status_code == 200
    PageViewRestriction.objects.create(page=commitment, restriction_type="login")
    committed()
    for _ in range(2):  # the second time, from the shared cache, in either order
        assert member.get(commitment.url).status_code == 200
        response = Client().get(commitment.url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_urls_that_name_no_page_are_not_kept(plan, shared, settings):
    visitor = Client()
    assert visitor.get(plan.url).status_code == 200
    before = kept(settings)
    assert visitor.get(plan.url).status_code == 200
    assert kept(settings) == before  # read from the cache, nothing added
    for n in range(5):
        assert visitor.get(f"{plan.url}made-up-{n}/").status_code == 404
    assert visitor.get(f"{plan.url}data.csv").status_code == 200  # a sub-route
    assert kept(settings) == before
