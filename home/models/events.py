from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import AgendaItemBlock, BodyBlock

from .base import BasePage, paginate


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now: datetime):
        return self.filter(models.Q(end__gte=now) | models.Q(end__isnull=True, start__gte=now))

    def past(self, now: datetime):
        return self.exclude(pk__in=self.upcoming(now).values("pk"))


class EventIndexPage(BasePage):
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    template = "home/event_index_page.html"

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    def get_context(self, request, *args, **kwargs):
        from django.utils import timezone

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = EventPage.objects.live().public().child_of(self)
        context["upcoming_events"] = events.upcoming(now).order_by("start")
        context["past_events"] = paginate(request, events.past(now).order_by("-start"))
        return context


class EventPage(BasePage):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        COUNCIL_SESSION = "council_session", _("Council session")
        PUBLIC_MEETING = "public_meeting", _("Public meeting")
        TRAINING = "training", _("Training")
        OTHER = "other", _("Event")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKSHOP)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=250, blank=True)
    organiser = models.CharField(_("organiser"), max_length=250, blank=True)
    agenda = StreamField([("item", AgendaItemBlock())], blank=True, verbose_name=_("agenda"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("location"),
                FieldPanel("organiser"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("intro"),
        FieldPanel("agenda"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("location"),
        index.FilterField("start"),
    ]
    parent_page_types = ["home.EventIndexPage"]
    subpage_types: list[str] = []
    template = "home/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
