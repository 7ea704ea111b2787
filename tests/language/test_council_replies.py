"""The responses list offers only contributions the council can answer now (top-level, from
the public, on a closed consultation or a commitment), and a council reply carries an official
badge on the public page."""

import re

from django.urls import reverse

from accounts.models import User
from consultations import services
from consultations.models import Comment, ConsultationPage
from tests.demodb import load_demo


def test_responses_list_and_official_badge(db, client):
    load_demo()
    editor = User.objects.get(email="editor@demo.mosharaka.org")
    charter = ConsultationPage.objects.get(slug="charte-participation", locale__language_code="ar")
    commitment_comment = Comment.objects.filter(parent__isnull=True).exclude(
        target_key__in=ConsultationPage.objects.values("translation_key")
    )
    on_charter = Comment.objects.published().top_level().filter(target_key=charter.translation_key)
    first = on_charter.on_whole_text().first()
    assert first is not None, "the demo has a comment on the charter as a whole"
    reply = services.post_comment(
        user=editor, page=charter, body="رد المجلس: شكرا على الاقتراح.", parent=first
    )

    client.force_login(editor)
    response = client.get(reverse("comment_responses:index") + "?page_size=200")
    assert response.status_code == 200
    listed = {c.pk for c in response.context["object_list"]}
    assert listed, "some contributions await an answer in the demo"
    shown = Comment.objects.filter(pk__in=listed)
    assert not shown.filter(parent__isnull=False).exists()  # no replies
    assert reply.pk not in listed  # not the council's own reply
    assert not shown.filter(target_key=charter.translation_key).exists()  # still open
    assert not shown.filter(author__groups__name__in=["Editors", "Council staff"]).exists()
    if commitment_comment.exists():
        assert shown.exclude(
            target_key__in=ConsultationPage.objects.values("translation_key")
        ).exists()  # commitments can be answered at any time

    client.logout()
    html = client.get(charter.url).content.decode()
    block = re.search(rf'<article[^>]*id="comment-{reply.pk}".*?</header>', html, re.S)
    assert block, "the council's reply is shown"
    assert 'class="official-badge">المجلس<' in block.group(0)
    other = re.search(rf'<article[^>]*id="comment-{first.pk}".*?</header>', html, re.S)
    assert other and "official-badge" not in other.group(0)
