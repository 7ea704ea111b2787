"""Reading the draft of a consultation as numbered sections and paragraphs with stable anchors."""

from dataclasses import dataclass, field

ANCHOR_LENGTH = 8


def paragraph_anchor(block_id: str) -> str:
    return f"p-{block_id[:ANCHOR_LENGTH]}"


@dataclass
class DraftParagraph:
    id: str
    number: str
    text: object
    section_heading: str = ""

    @property
    def anchor(self) -> str:
        return paragraph_anchor(self.id)

    @property
    def short_id(self) -> str:
        return self.id[:ANCHOR_LENGTH]


@dataclass
class DraftSection:
    id: str
    number: int
    heading: str
    paragraphs: list[DraftParagraph] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"s-{self.id[:ANCHOR_LENGTH]}"


def read_draft(stream_value) -> list[DraftSection]:
    """Sections numbered 1, 2…; paragraphs numbered 1.1, 1.2… by their position."""
    sections = []
    for section_number, child in enumerate(stream_value or [], start=1):
        value = child.value
        section = DraftSection(
            id=str(child.id), number=section_number, heading=value.get("heading") or ""
        )
        for paragraph_number, item in enumerate(value["paragraphs"].bound_blocks, start=1):
            section.paragraphs.append(
                DraftParagraph(
                    id=str(item.id),
                    number=f"{section_number}.{paragraph_number}",
                    text=item.value["text"],
                    section_heading=section.heading,
                )
            )
        sections.append(section)
    return sections


def paragraphs_by_short_id(sections: list[DraftSection]) -> dict[str, DraftParagraph]:
    return {p.short_id: p for section in sections for p in section.paragraphs}
