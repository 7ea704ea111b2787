from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from home.ancestors import AncestorViewRestrictions, deepest_with_lineage, keep_lineage
from home.blocks import BodyBlock
from home.visibility import public_q
from pagecache import shared


def _found(home, prefixes: list[str]):
    """The deepest page below ``home`` one of the URL ``prefixes`` names (specific), its
    lineage and how many of the URL's components it takes, or None."""
    page, lineage = deepest_with_lineage(home, prefixes)
    if page is None:
        return None
    return page.specific, lineage, prefixes.index(page.url_path) + 1


class HomePage(AncestorViewRestrictions, Page):
    """The root of one language's tree: the council's name and address live here because they
    are written differently in each language (site settings hold what is language-neutral)."""

    council_name = models.CharField(_("council name"), max_length=200)
    tagline = models.CharField(_("tagline"), max_length=250, blank=True)
    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    address = models.TextField(_("postal address"), blank=True, max_length=400)
    # A section's own channels: a partner municipality in its own tree does not show the
    # council's. Left empty, the site settings' contact details are shown.
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("council_name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
                FieldPanel("address"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Council"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "home.EventIndexPage",
        "home.DocumentsPage",
        "actionplans.ActionPlanIndexPage",
        "consultations.ConsultationIndexPage",
    ]
    template = "home/home_page.html"

    def route(self, request, path_components):
        """Find the deepest page a URL names with one query on ``url_path`` instead of two
        queries per level (Wagtail's default walk); that page routes the rest (sub-routes of
        routable pages, or a 404). Same outcome as the walk: it too reaches pages below
        non-live ancestors and checks only the page served."""
        # The header and footer show this page: keep it for them (templatetags.site_home).
        request.__dict__.setdefault("_mosharaka_memo", {})["home"] = self
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{c}/" for c in path_components[:n])
            for n in range(1, len(path_components) + 1)
        ]
        # The same query reads the page's ancestors for the breadcrumbs and the privacy check.
        # The page a URL names is the same for every visitor: kept in the shared cache for the
        # current generation (each request gets its own copy), for the URLs of pages only
        # (not sub-routes or URLs that name no page, which anyone can make up).
        found = shared.stored(
            request,
            "route",
            (self.pk, prefixes[-1]),
            lambda: _found(self, prefixes),
            keep=lambda found: found is not None and found[2] == len(path_components),
        )
        if found is None:
            return super().route(request, path_components)
        specific, lineage, depth = found
        keep_lineage(specific, lineage)
        return specific.route(request, path_components[depth:])

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from .events import EventPage
        from .news import NewsPage

        context = super().get_context(request, *args, **kwargs)

        def below(model):
            return model.objects.live().filter(public_q(), pk__in=Page.objects.descendant_of(self))

        # The same for every visitor: from the shared cache, the events by the minute (an event
        # leaves the list in the minute it ends, or starts if it has no end).
        minute = timezone.now().replace(second=0, microsecond=0)
        context["latest_news"] = shared.stored(
            request,
            "latest-news",
            (self.pk,),
            lambda: list(below(NewsPage).order_by("-date")[:3]),
        )
        context["upcoming_events"] = shared.stored(
            request,
            "upcoming-events",
            (self.pk, minute.isoformat()),
            lambda: list(below(EventPage).upcoming(minute).order_by("start")[:3]),
        )
        return context
