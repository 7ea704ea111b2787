"""With a caching proxy or CDN configured (``WAGTAILFRONTENDCACHE``), Wagtail purges a page
when it is published or unpublished; this adds what shows it too: its other language versions
and its ancestors (a commitment is listed on its plan page, a plan on the index)."""

from django.conf import settings
from wagtail.signals import page_published, page_unpublished


def related_pages(page) -> list:
    ancestors = page.get_ancestors().filter(depth__gt=1).live()
    translations = page.get_translations().live()
    return [*ancestors, *translations]


def purge_related(sender, instance, **kwargs) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    purge_pages_from_cache(related_pages(instance))


def connect() -> None:
    page_published.connect(purge_related, dispatch_uid="pagecache-purge-related-published")
    page_unpublished.connect(purge_related, dispatch_uid="pagecache-purge-related-unpublished")
