"""A page's ancestors, read once per page object however many templates and views need them
(breadcrumbs, the language tree's home, a commitment's plan)."""


def ancestors(page) -> list:
    if "_mosharaka_ancestors" not in page.__dict__:
        page._mosharaka_ancestors = list(page.get_ancestors())
    return page._mosharaka_ancestors


def nearest_ancestor(page, model):
    """The closest ancestor of that page type (not specific: title and URL only), or None."""
    return next((a for a in reversed(ancestors(page)) if a.specific_class is model), None)


def nearest_ancestor_page(page, model):
    """The closest ancestor of that page type as an instance of it, without a query: fields
    of its own table are read only if used (enough for its URL and its sub-routes' URLs)."""
    ancestor = nearest_ancestor(page, model)
    return ancestor.specific_deferred if ancestor is not None else None


class AncestorViewRestrictions:
    """Page mixin: Wagtail's view-restriction check (run before every page is served) reads the
    ancestors from the list the breadcrumbs use, instead of a query of its own."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        ids = set()

        def add(page) -> None:
            if page.alias_of_id:  # as Wagtail: an alias is restricted as the page it shows
                add(page.alias_of)
            else:
                ids.add(page.pk)

        for page in (self, *ancestors(self)):
            add(page)
        return PageViewRestriction.objects.filter(page_id__in=ids)
