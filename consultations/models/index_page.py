from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.models.base import BasePage


class ConsultationIndexPage(BasePage):
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    template = "consultations/consultation_index_page.html"

    class Meta:
        verbose_name = _("consultations index")
        verbose_name_plural = _("consultations indexes")
