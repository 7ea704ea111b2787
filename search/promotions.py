"""Editors' promoted results (wagtail.contrib.search_promotions), matched with the search
normalisation: a promotion made for شوراي also answers a visitor who typed شورای, and a
promoted page is shown in the visitor's language when a translation of it is live."""

import logging
from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from home.translations import in_locale
from search.normalise import normalise

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Promotion:
    title: str
    url: str
    description: str
    page: Page | None = None


def promotions_for(query: str, *, locale, request=None) -> list[Promotion]:
    """The promotions for ``query``, in the editors' order, in three queries at most."""
    wanted = normalise(query)
    if not wanted:
        return []
    promoted_queries = Query.objects.filter(editors_picks__isnull=False).distinct()
    query_ids = [
        query_id
        for query_id, text in promoted_queries.values_list("id", "query_string")
        if normalise(text) == wanted
    ]
    if not query_ids:
        return []
    picks = list(
        SearchPromotion.objects.filter(query_id__in=query_ids)
        .select_related("page")
        .order_by("query_id", "sort_order", "pk")
    )
    translations = in_locale(
        Page.objects.live().public(),
        [pick.page for pick in picks if pick.page_id],
        locale,
        fallback=False,
    )
    promotions, seen = [], set()
    for pick in picks:
        if pick.page_id:
            page = translations.get(pick.page.translation_key)
            if page is None or page.pk in seen:
                continue
            seen.add(page.pk)
            promotions.append(
                Promotion(page.title, page.get_url(request), pick.description, page=page)
            )
        elif pick.external_link_url and pick.external_link_url not in seen:
            seen.add(pick.external_link_url)
            promotions.append(
                Promotion(
                    pick.external_link_text or pick.external_link_url,
                    pick.external_link_url,
                    pick.description,
                )
            )
    return promotions


def record_hit(query: str) -> None:
    """Count the search for the admin's "Search terms" report: in the cache, never a database
    write in the request (search/hits.py; the task queue moves the counts to the database)."""
    from search import hits

    hits.record(query)
