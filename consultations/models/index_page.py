from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.models.base import BasePage


class ConsultationIndexPage(BasePage):
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    template = "consultations/consultation_index_page.html"

    class Meta:
        verbose_name = _("consultations index")
        verbose_name_plural = _("consultations indexes")

    def get_context(self, request, *args, **kwargs):
        from ..commentable import CommentingState
        from .consultation_page import ConsultationPage

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        consultations = list(
            ConsultationPage.objects.live()
            .public()
            .child_of(self)
            .with_comment_counts()
            .order_by("-opens_at")
        )
        groups = {"open": [], "upcoming": [], "past": []}
        for consultation in consultations:
            state = consultation.state(now)
            consultation.current_state = state
            if state == CommentingState.OPEN:
                groups["open"].append(consultation)
            elif state == CommentingState.UPCOMING:
                groups["upcoming"].append(consultation)
            else:
                groups["past"].append(consultation)
        context.update(
            {
                "now": now,
                "groups": groups,
                "consultations": consultations,
                "CommentingState": CommentingState,
            }
        )
        return context
