"""Keep the index right after publishing.

Wagtail indexes a page from its post_save signal, which fires before a publish commits the
page's child relations (themes, milestones): the index would hold the previous ones. Indexing
again once ``page_published`` says the whole page is saved puts them right."""

from wagtail.search import index
from wagtail.signals import page_published


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance)


def register_signal_handlers():
    page_published.connect(reindex_published_page, dispatch_uid="search.reindex_published_page")
