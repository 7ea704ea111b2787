"""No edit drops a commented paragraph, however the draft is edited, and the comments of a
deleted page stay reachable to moderators and in the exports."""

import csv
import io
import json

from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from accounts import roles
from consultations.models import ConsultationPage
from tests.consultations.test_draft import page_post_data


def refusal(numbers: str) -> str:
    """The editor's message, in the admin's language for this user (the site's default)."""
    with translation.override("ar"):
        return translation.gettext(
            "These paragraphs have comments and cannot be removed: %(numbers)s. "
            "Change their text instead, or ask a moderator: comments are never deleted."
        ) % {"numbers": numbers}


def shows(response, message: str) -> bool:
    """The message is on the page: as HTML text, or in the JSON from which the StreamField's
    script draws the draft's errors (where every non-ASCII character is a \\u escape)."""
    html = response.content.decode()
    return escape(message) in html or json.dumps(message)[1:-1] in html


def draft_without(page, dropped: set[str]) -> dict:
    """The editor's form data for the page's draft with some paragraphs removed."""
    sections = {}
    for s, section in enumerate(page.sections):
        kept = [p for p in section.paragraphs if p.id not in dropped]
        paragraphs = {
            str(n): {
                "id": p.id,
                "value": {"text": rich_text(str(p.text))},
                "deleted": "",
                "order": str(n),
            }
            for n, p in enumerate(kept)
        }
        paragraphs["count"] = str(len(kept))
        sections[str(s)] = {
            "type": "section",
            "id": section.id,
            "deleted": "",
            "order": str(s),
            "value": {"heading": section.heading, "paragraphs": paragraphs},
        }
    sections["count"] = str(len(sections))
    return sections


def ids(page):
    return [p.id for s in ConsultationPage.objects.get(pk=page.pk).sections for p in s.paragraphs]


def edit(client, page, dropped, action):
    data = page_post_data(page, draft_without(page, dropped))
    if action:
        data[action] = action
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_editor_cannot_delete_a_commented_paragraph_in_the_page_editor(
    client, make_consultation, make_comment, make_user
):
    page = make_consultation("during", french=False)
    client.force_login(make_user(groups=[roles.EDITORS]))
    first, second = page.sections[0].paragraphs[:2]
    make_comment(page, paragraph=first.id)
    before = ids(page)
    for action in ("action-publish", None):  # publishing, or saving a draft revision
        response = edit(client, page, {first.id}, action)
        assert response.status_code == 200
        assert shows(response, refusal("1.1"))
        assert ids(page) == before
    latest = ConsultationPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert first.id in {p.id for s in latest.sections for p in s.paragraphs}
    # A paragraph without comments may go: the success path.
    response = edit(client, page, {second.id}, "action-publish")
    assert response.status_code == 302
    assert second.id not in ids(page) and first.id in ids(page)


def test_comments_of_a_deleted_page_stay_with_moderators_and_in_the_exports(
    client, make_consultation, make_comment, role_user
):
    page = make_consultation("after", french=False)
    comment = make_comment(page, body="KEPT-AFTER-DELETION")
    client.force_login(role_user("editor"))
    Page.objects.get(pk=page.pk).delete()
    client.force_login(role_user("moderator"))
    assert "KEPT-AFTER-DELETION" in client.get("/admin/moderation/").content.decode()
    assert client.get(f"/admin/moderation/review/{comment.pk}/").status_code == 200
    response = client.get("/admin/moderation/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert any("KEPT-AFTER-DELETION" in row for row in rows)
    client.force_login(role_user("editor"))
    response = client.get("/admin/responses/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert any("KEPT-AFTER-DELETION" in row for row in rows)


def test_admin_exports_guard_every_cell(
    client, make_consultation, make_comment, make_user, role_user
):
    page = make_consultation("after")  # closed: its comments await answers
    make_comment(page, author=make_user(display_name="=evil()"), body="+cmd", paragraph="")
    for role, url in (("moderator", "/admin/moderation/"), ("editor", "/admin/responses/")):
        client.force_login(role_user(role))
        response = client.get(url + "?export=csv")
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        assert len(rows) >= 2
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (url, cell)
