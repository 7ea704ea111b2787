from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import DocumentLinkBlock

from .base import BasePage


class DocumentSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Section title"), max_length=200)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Documents"))

    class Meta:
        icon = "folder-open-inverse"


class DocumentsPage(BasePage):
    """Council decisions, minutes, reports: documents grouped in titled sections."""

    sections = StreamField(
        [("section", DocumentSectionBlock())], blank=True, verbose_name=_("sections")
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("sections")]
    search_fields = BasePage.search_fields + [index.SearchField("sections")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types: list[str] = []
    template = "home/documents_page.html"

    class Meta:
        verbose_name = _("documents page")
        verbose_name_plural = _("documents pages")
