"""Many comments at once, for the query-count tests and the consultation benchmark: a mix of
languages, replies, organisations, hidden comments and published answers."""

from .models import Comment, CommentResponse


def add_comments(page, users, n: int, organisation=None) -> list[Comment]:
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
    return parents
