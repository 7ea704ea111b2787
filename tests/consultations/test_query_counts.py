"""A consultation page runs the same number of queries with 10 or 1,000 comments."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.bulk import add_comments
from consultations.models import ConsultationPage

from .conftest import first_paragraph, window


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_is_constant_from_10_to_1000_comments(
    client, make_consultation, role_user, make_user
):
    """Built once; the window is moved by its dates, and the visitor signs in between."""
    small, large = make_consultation(french=False), make_consultation(french=False)
    member = role_user("cso_member")
    organisation = member.memberships.get().organisation
    users = [make_user() for _ in range(5)] + [member]
    add_comments(small, users, 10, organisation)
    add_comments(large, users, 1000, organisation)
    checked = []
    for phase in ("during", "after"):
        opens_at, closes_at = window(phase)
        ConsultationPage.objects.filter(pk__in=[small.pk, large.pk]).update(
            opens_at=opens_at, closes_at=closes_at
        )
        for signed_in in (False, True):
            if signed_in:
                client.force_login(member)
            else:
                client.logout()
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
            assert small_counts == large_counts, (phase, signed_in)
            checked.append((phase, signed_in))
    assert len(checked) == 4
