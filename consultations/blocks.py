"""The draft under consultation: numbered sections, each a list of paragraphs.

Every paragraph is a ListBlock item, so Wagtail gives it a stable UUID (`block.id`) that survives
edits and that wagtail-localize keeps identical in every translation of the page. Comments point
at that id, which is how a comment on the Arabic paragraph shows on the French one."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

DRAFT_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class DraftParagraphBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=DRAFT_TEXT_FEATURES)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")


class DraftSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Section heading"), max_length=250, required=False)
    paragraphs = blocks.ListBlock(
        DraftParagraphBlock(), label=_("Paragraphs"), collapsed=False, min_num=1
    )

    class Meta:
        icon = "doc-full"
        label = _("Section")


class DraftBlock(blocks.StreamBlock):
    section = DraftSectionBlock()

    class Meta:
        min_num = 0


class GuidingQuestionsBlock(blocks.StreamBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
