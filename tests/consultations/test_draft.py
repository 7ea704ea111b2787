"""Paragraph anchors survive editing, translation with wagtail-localize, and draft import."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtail_localize.models import Translation, TranslationSource

from consultations.draft_import import build_stream_data, parse_draft_source
from consultations.models import ConsultationPage

from .conftest import first_paragraph


def draft_post_data(page, texts_by_section, keep_ids=True):
    """Admin form data for the draft, carrying block ids as the editor's browser does."""
    sections = {}
    for s, (section, texts) in enumerate(zip(page.sections, texts_by_section, strict=False)):
        paragraphs = {}
        for p, text in enumerate(texts):
            item = {"value": {"text": rich_text(f"<p>{text}</p>")}, "deleted": "", "order": str(p)}
            if keep_ids and p < len(section.paragraphs):
                item["id"] = section.paragraphs[p].id
            paragraphs[str(p)] = item
        paragraphs["count"] = str(len(texts))
        sections[str(s)] = {
            "type": "section",
            "id": section.id,
            "deleted": "",
            "order": str(s),
            "value": {"heading": section.heading, "paragraphs": paragraphs},
        }
    sections["count"] = str(len(sections))
    return sections


def page_post_data(page, draft, **extra):  # draft_source only
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "consulted_on": page.consulted_on,
            "opens_at": page.opens_at.strftime("%Y-%m-%d %H:%M"),
            "closes_at": page.closes_at.strftime("%Y-%m-%d %H:%M"),
            "draft": draft,
            "questions": {"count": "0"},
            "outcome_summary": rich_text(""),
            "draft_source": extra.pop("draft_source", ""),
        }
    )


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    return client


def test_paragraph_ids_survive_editing_in_the_admin(admin_client, make_consultation):
    page = make_consultation("during", french=False)
    before = [p.id for s in page.sections for p in s.paragraphs]
    data = page_post_data(
        page,
        draft_post_data(page, [["الفقرة الأولى بعد التعديل", "الفقرة الثانية"], ["الثالثة"]]),
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ConsultationPage.objects.get(pk=page.pk)
    assert [p.id for s in page.sections for p in s.paragraphs] == before
    assert "بعد التعديل" in str(first_paragraph(page).text)


def test_wagtail_localize_translation_keeps_paragraph_ids(make_consultation):
    page = make_consultation("during", french=False)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="fr")
    )
    translation.save_target(publish=True)
    french = ConsultationPage.objects.get(
        translation_key=page.translation_key, locale__language_code="fr"
    )
    assert french.paragraph_ids() == page.paragraph_ids()
    assert [s.id for s in french.sections] == [s.id for s in page.sections]


MARKDOWN = """Préambule sans titre.

# Titre premier

Premier **alinéa** avec un [lien](https://example.org).

Deuxième alinéa
sur deux lignes.

## Titre deux

- un
- deux
<script>alert(1)</script>
"""


def test_markdown_import_splits_sections_at_headings_and_paragraphs_at_blank_lines():
    sections = parse_draft_source(MARKDOWN)
    assert [s.heading for s in sections] == ["", "Titre premier", "Titre deux"]
    assert [len(s.paragraphs) for s in sections] == [1, 2, 1]
    assert "<b>alinéa</b>" in sections[1].paragraphs[0]
    assert 'href="https://example.org"' in sections[1].paragraphs[0]
    assert "<ul>" in sections[2].paragraphs[0]
    assert "script" not in "".join(sections[2].paragraphs)


def test_import_of_empty_text_is_refused():
    with pytest.raises(ValidationError):
        parse_draft_source("\n\n   \n# Only a heading\n")


def test_reimport_keeps_ids_of_unchanged_paragraphs(consultation):
    existing = consultation.sections
    kept = existing[0].paragraphs[1]
    parsed = parse_draft_source("# Nouveau\n\nAutre texte\n\nالفقرة الثانية\n")
    data = build_stream_data(parsed, existing, commented_ids=set())
    ids = [item["id"] for item in data[0]["value"]["paragraphs"]]
    assert ids[1] == kept.id
    assert ids[0] not in consultation.paragraph_ids()


def test_reimport_refuses_to_drop_a_commented_paragraph(consultation):
    commented = first_paragraph(consultation).id
    parsed = parse_draft_source("Tout autre chose\n")
    with pytest.raises(ValidationError, match="1.1"):
        build_stream_data(parsed, consultation.sections, commented_ids={commented})


def test_admin_form_imports_pasted_markdown(admin_client, make_consultation):
    page = make_consultation("during", french=False)
    data = page_post_data(
        page,
        draft_post_data(page, [["الفقرة الأولى", "الفقرة الثانية"], ["الثالثة"]]),
        draft_source="# A\n\nالفقرة الأولى\n\nNew one\n\n# B\n\nThird",
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    page = ConsultationPage.objects.get(pk=page.pk)
    assert [s.heading for s in page.sections] == ["A", "B"]
    assert [p.number for s in page.sections for p in s.paragraphs] == ["1.1", "1.2", "2.1"]
    assert first_paragraph(page).id in {p.id for p in make_paragraphs(page)}


def make_paragraphs(page):
    return [p for s in page.sections for p in s.paragraphs]


def test_admin_form_refuses_an_import_that_would_orphan_comments(
    admin_client, make_consultation, make_comment
):
    page = make_consultation("during", french=False)
    make_comment(page, paragraph=first_paragraph(page).id)
    data = page_post_data(
        page,
        draft_post_data(page, [["الفقرة الأولى", "الفقرة الثانية"], ["الثالثة"]]),
        draft_source="Something else entirely",
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    # The admin speaks the site's default language, Arabic, to this user.
    assert "سيؤدي الاستيراد إلى حذف فقرات عليها تعليقات" in response.content.decode()
    page = ConsultationPage.objects.get(pk=page.pk)
    assert len(make_paragraphs(page)) == 3
