"""Pages of a listing whose total is read in the page's own query."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window

TOTAL = "_listing_total"


def counted_page(queryset: QuerySet, per_page: int, number) -> Page:
    """What ``Paginator(queryset, per_page).get_page(number)`` gives, in one query instead of
    two when the page asked for exists: each row carries the number of rows of the whole
    listing (a window count), which the paginator then takes as its count. A page number
    that is not one of the listing's falls back to Django's answer (the first or last page)."""
    paginator = Paginator(queryset, per_page)
    try:
        wanted = int(number) if number is not None else 1
    except (TypeError, ValueError):
        return paginator.get_page(number)
    if wanted < 1:
        return paginator.get_page(number)
    bottom = (wanted - 1) * per_page
    rows = list(queryset.annotate(**{TOTAL: Window(Count("pk"))})[bottom : bottom + per_page])
    if not rows and wanted > 1:
        return paginator.get_page(number)
    paginator.count = getattr(rows[0], TOTAL) if rows else 0  # a cached property: no COUNT
    page = paginator.page(wanted)
    page.object_list = rows
    return page
