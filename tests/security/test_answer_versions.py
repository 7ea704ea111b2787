"""A published answer is never overwritten without history: every published version is kept
(Wagtail revisions) and the page says the answer was revised."""

from wagtail.models import Revision

from consultations import services
from consultations.models import CommentResponse


def publish(user, comment, justification, outcome="incorporated"):
    return services.save_response(
        user=user, comment=comment, outcome=outcome, justification=justification, publish=True
    )


def test_every_published_version_is_kept_and_the_page_says_revised(
    client, make_consultation, make_comment, role_user
):
    page = make_consultation("after")
    comment = make_comment(page, body="Mon avis")
    editor = role_user("editor")
    response = publish(editor, comment, "Première réponse")
    assert response.revised_at is None
    html = client.get(page.url).content.decode()
    assert "Première réponse" in html and "response__revised" not in html
    publish(editor, comment, "Réponse corrigée", outcome="partly_incorporated")
    publish(editor, comment, "Réponse corrigée", outcome="partly_incorporated")  # no change
    response = CommentResponse.objects.get(pk=response.pk)
    versions = [r.content for r in Revision.objects.for_instance(response).order_by("pk")]
    assert [v["justification"] for v in versions] == ["Première réponse", "Réponse corrigée"]
    assert [v["outcome"] for v in versions] == ["incorporated", "partly_incorporated"]
    assert response.revised_at is not None
    html = client.get(page.url).content.decode()
    assert "Réponse corrigée" in html and "response__revised" in html


def test_an_answer_published_before_versions_were_kept_keeps_its_first_text(
    make_consultation, make_comment, role_user
):
    page = make_consultation("after")
    comment = make_comment(page)
    editor = role_user("editor")
    response = publish(editor, comment, "Texte d'origine")
    Revision.objects.for_instance(response).delete()
    CommentResponse.objects.filter(pk=response.pk).update(latest_revision=None)
    publish(editor, comment, "Texte nouveau")
    versions = Revision.objects.for_instance(response).order_by("pk")
    assert [v.content["justification"] for v in versions] == ["Texte d'origine", "Texte nouveau"]


def test_drafts_are_not_versions(make_consultation, make_comment, role_user):
    page = make_consultation("after")
    comment = make_comment(page)
    response = services.save_response(
        user=role_user("staff"), comment=comment, outcome="incorporated", justification="Brouillon"
    )
    assert not Revision.objects.for_instance(response).exists()
