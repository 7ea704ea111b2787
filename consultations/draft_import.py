"""Turning a long draft pasted as plain text or Markdown into sections and paragraphs.

Headings (`# …`, `## …`) start sections; blank lines separate paragraphs; Markdown emphasis,
links and lists are kept as rich text. Importing into a draft that already has paragraphs keeps
the id (and so the anchor and the comments) of every paragraph whose text is unchanged, and
refuses outright when a paragraph that has comments would disappear."""

import re
import uuid
from dataclasses import dataclass, field

import markdown
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from home.languages import joined

from .blocks import DRAFT_TEXT_FEATURES
from .draft import DraftSection

HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
MAX_SOURCE_LENGTH = 500_000


@dataclass
class ParsedSection:
    heading: str
    paragraphs: list[str] = field(default_factory=list)  # Wagtail rich-text HTML


def _rich_text(markdown_text: str) -> str:
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    # Through Draftail's own format: only the draft's features survive (no scripts, no
    # styles), in Wagtail's storage HTML (<b>, <i>, links, lists).
    html = markdown.markdown(markdown_text, output_format="html")
    converter = ContentstateConverter(features=DRAFT_TEXT_FEATURES)
    return converter.to_database_format(converter.from_database_format(html))


def _plain(html: str) -> str:
    return " ".join(strip_tags(html).split())


def parse_draft_source(text: str) -> list[ParsedSection]:
    """Split pasted text into sections (at headings) and paragraphs (at blank lines)."""
    if len(text) > MAX_SOURCE_LENGTH:
        raise ValidationError(_("The pasted draft is too long to import in one go."))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    sections: list[ParsedSection] = []
    current: ParsedSection | None = None
    block: list[str] = []

    def flush():
        nonlocal current
        content = "\n".join(block).strip()
        block.clear()
        if not content:
            return
        html = _rich_text(content)
        if not _plain(html):
            return
        if current is None:
            current = ParsedSection(heading="")
            sections.append(current)
        current.paragraphs.append(html)

    for line in text.split("\n"):
        heading = HEADING.match(line)
        if heading:
            flush()
            current = ParsedSection(heading=heading.group("text")[:250])
            sections.append(current)
        elif not line.strip():
            flush()
        else:
            block.append(line)
    flush()
    sections = [section for section in sections if section.paragraphs]
    if not sections:
        raise ValidationError(_("No paragraphs were found in the pasted text."))
    return sections


def build_stream_data(
    parsed: list[ParsedSection],
    existing: list[DraftSection],
    commented_ids: set[str],
) -> list[dict]:
    """Raw StreamField data for the parsed draft, reusing the ids of unchanged paragraphs."""
    ids_by_text: dict[str, list[str]] = {}
    for section in existing:
        for paragraph in section.paragraphs:
            ids_by_text.setdefault(_plain(str(paragraph.text)), []).append(paragraph.id)
    section_ids = {section.heading: section.id for section in existing}
    kept: set[str] = set()
    data = []
    for section in parsed:
        items = []
        for html in section.paragraphs:
            candidates = ids_by_text.get(_plain(html)) or []
            paragraph_id = candidates.pop(0) if candidates else str(uuid.uuid4())
            kept.add(paragraph_id)
            items.append({"type": "item", "id": paragraph_id, "value": {"text": html}})
        section_id = section_ids.pop(section.heading, None) or str(uuid.uuid4())
        data.append(
            {
                "type": "section",
                "id": section_id,
                "value": {"heading": section.heading, "paragraphs": items},
            }
        )
    lost = [
        paragraph.number
        for section in existing
        for paragraph in section.paragraphs
        if paragraph.id in commented_ids and paragraph.id not in kept
    ]
    if lost:
        raise ValidationError(
            _(
                "Importing would remove paragraphs that already have comments (%(numbers)s). "
                "Edit those paragraphs in the draft below instead, or keep their text unchanged "
                "in what you paste."
            )
            % {"numbers": joined(lost)}
        )
    return data
