from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index

from home.ancestors import AncestorViewRestrictions


class BasePage(AncestorViewRestrictions, Page):
    """Non-creatable base of our content pages: an introduction shown in listings and search."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True


def paginate(request, queryset, per_page: int = 10):
    """A page of results from ?page=N; a bad or out-of-range number gives the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
