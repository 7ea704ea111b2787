"""A consultation page runs the same number of queries with 10 or 1,000 comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.bulk import add_comments

from .conftest import first_paragraph


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize("phase", ["during", "after"])
def test_query_count_is_constant_from_10_to_1000_comments(
    client, make_consultation, role_user, make_user, signed_in, phase
):
    small, large = make_consultation(phase, french=False), make_consultation(phase, french=False)
    member = role_user("cso_member")
    organisation = member.memberships.get().organisation
    users = [make_user() for _ in range(5)] + [member]
    add_comments(small, users, 10, organisation)
    add_comments(large, users, 1000, organisation)
    if signed_in:
        client.force_login(member)
    for url in (small.url, small.paragraph_url(first_paragraph(small))):
        count_queries(client, url)  # warm caches (site root, locales)
    small_counts = [
        count_queries(client, small.url),
        count_queries(client, small.paragraph_url(first_paragraph(small))),
    ]
    large_counts = [
        count_queries(client, large.url),
        count_queries(client, large.paragraph_url(first_paragraph(large))),
    ]
    assert small_counts == large_counts
