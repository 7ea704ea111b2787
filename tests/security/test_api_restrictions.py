"""The pages API lists only what the request may read, as Wagtail's own
`get_public_pages_queryset` does, while the view restrictions and the site's language trees are
kept between requests (`config.api.public_pages`): a restricted page and its descendants stay
out for whoever does not pass the restriction, show for whoever does, and a restriction added or
removed shows at the next request."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.actionplans.factories import commitment_page, english_home, index_page, plan_page

# Kept as the site keeps them, under a token every write changes (tests/writes.py).
pytestmark = pytest.mark.usefixtures("kept_until_a_write")
PASSWORD = "plan-password-42"


@pytest.fixture
def tree(db):
    index = index_page(english_home())
    plan = plan_page(index)
    other = plan_page(index, code="PLAN-2", slug="other-plan")
    return {"plan": plan, "commitment": commitment_page(plan, "C1"), "other": other}


def listed(client) -> set[int]:
    response = client.get("/api/v2/pages/", {"limit": "20"})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def detail(client, page) -> int:
    return client.get(f"/api/v2/pages/{page.pk}/").status_code


def restrict(page, kind, **fields) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def test_a_password_keeps_the_page_and_its_descendants_out_until_it_is_given(client, tree):
    plan, commitment, other = tree["plan"], tree["commitment"], tree["other"]
    restriction = restrict(plan, "password", password=PASSWORD)
    for _ in range(2):  # the second request reads the kept restrictions
        pages = listed(client)
        assert plan.pk not in pages and commitment.pk not in pages
        assert other.pk in pages
    assert detail(client, commitment) == 404
    url = f"/en/_util/authenticate_with_password/{restriction.pk}/{plan.pk}/"
    assert client.post(url, {"password": PASSWORD, "return_url": "/en/"}).status_code == 302
    pages = listed(client)
    assert {plan.pk, commitment.pk, other.pk} <= pages
    assert detail(client, commitment) == 200


def test_a_login_restriction_hides_the_page_from_visitors_only(client, tree, make_user):
    plan = tree["plan"]
    restrict(plan, "login")
    assert plan.pk not in listed(client)
    client.force_login(make_user())
    assert plan.pk in listed(client)
    client.logout()
    assert plan.pk not in listed(client)


def test_a_group_restriction_shows_the_page_to_members_only(client, tree, make_user):
    plan = tree["plan"]
    group = Group.objects.create(name="Plan readers")
    restrict(plan, "groups").groups.add(group)
    client.force_login(make_user())
    assert plan.pk not in listed(client)
    client.force_login(make_user(groups=["Plan readers"]))
    assert plan.pk in listed(client)


def test_a_restriction_added_or_removed_shows_at_the_next_request(client, tree):
    plan, commitment = tree["plan"], tree["commitment"]
    assert commitment.pk in listed(client)
    restriction = restrict(plan, "password", password=PASSWORD)
    assert commitment.pk not in listed(client)
    restriction.delete()
    assert commitment.pk in listed(client)


def test_restrictions_and_language_trees_are_read_once_while_nothing_changes(client, tree):
    restrict(tree["plan"], "password", password=PASSWORD)
    listed(client)
    with CaptureQueriesContext(connection) as queries:
        assert tree["plan"].pk not in listed(client)
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "wagtailcore_pageviewrestriction" not in tables
    assert "wagtailcore_site" not in tables
