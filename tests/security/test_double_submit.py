"""Posting the same comment twice (two clicks, a resent form) publishes it once."""

from django.core.cache import cache
from django.test import override_settings
from wagtail.models import ModelLogEntry

from consultations import services
from consultations.models import Comment


def test_double_submit_through_the_form_publishes_once(client, consultation, make_user):
    client.force_login(make_user())
    url = f"/fr/comments/new/{consultation.pk}/"
    first = client.post(url, {"body": "Une seule fois"})
    second = client.post(url, {"body": "Une seule fois "})  # same text once cleaned
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Comment.objects.filter(body="Une seule fois").count() == 1
    assert ModelLogEntry.objects.filter(action="consultations.comment.post").count() == 1


@override_settings(MOSHARAKA_RATE_LIMITS={"comment": (1, 600), "report": (20, 3600)})
def test_a_double_submit_does_not_use_up_the_rate_limit(consultation, make_user):
    cache.clear()
    user = make_user()
    first = services.post_comment(user=user, page=consultation, body="Bonjour")
    again = services.post_comment(user=user, page=consultation, body="Bonjour")
    assert again.pk == first.pk


def test_the_same_text_elsewhere_or_by_someone_else_is_a_new_comment(consultation, make_user):
    user, other = make_user(), make_user()
    paragraph = consultation.sections[0].paragraphs[0].id
    a = services.post_comment(user=user, page=consultation, body="D'accord")
    b = services.post_comment(user=user, page=consultation, body="D'accord", paragraph=paragraph)
    c = services.post_comment(user=other, page=consultation, body="D'accord")
    assert len({a.pk, b.pk, c.pk}) == 3
