"""A consultation page runs the same number of queries with 10 or 1,000 comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.models import Comment, CommentResponse

from .conftest import first_paragraph


def add_comments(page, users, organisation, n: int) -> None:
    paragraphs = [p.id for s in page.sections for p in s.paragraphs] + [""]
    parents = Comment.objects.bulk_create(
        Comment(
            target_key=page.translation_key,
            paragraph=paragraphs[i % len(paragraphs)],
            language="ar" if i % 2 else "fr",
            author=users[i % len(users)],
            organisation=organisation if i % 5 == 0 else None,
            body=f"تعليق {i}",
            status="hidden" if i % 17 == 0 else "published",
        )
        for i in range(n)
    )
    Comment.objects.bulk_create(
        Comment(
            target_key=page.translation_key,
            paragraph=parent.paragraph,
            language="ar",
            author=users[0],
            parent=parent,
            body="ردّ",
        )
        for parent in parents[::3]
    )
    CommentResponse.objects.bulk_create(
        CommentResponse(
            comment=parent,
            outcome="incorporated",
            justification="نعم",
            language="ar",
            status="published",
        )
        for parent in parents[::2]
    )


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
    add_comments(small, users, organisation, 10)
    add_comments(large, users, organisation, 1000)
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
