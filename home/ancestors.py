"""A page's ancestors, read once per page object however many templates and views need them
(breadcrumbs, the language tree's home, a commitment's plan, the privacy check)."""


def _lineage(page) -> list:
    """The page's ancestors and the page itself, each marked ``restricted`` when a view
    restriction sits on it: one query, shared by everything below."""
    if "_mosharaka_lineage" not in page.__dict__:
        from django.db.models import Exists, OuterRef
        from wagtail.models import PageViewRestriction

        restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
        page._mosharaka_lineage = list(
            page.get_ancestors(inclusive=True).annotate(restricted=Exists(restricted))
        )
    return page._mosharaka_lineage


def ancestors(page) -> list:
    if "_mosharaka_ancestors" not in page.__dict__:
        page._mosharaka_ancestors = [p for p in _lineage(page) if p.pk != page.pk]
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
    """Page mixin: Wagtail's view-restriction check (run before every page is served) answers
    from the query that reads the breadcrumbs' ancestors: with no restriction on the page or
    above it, and no alias among them, it needs no query of its own."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        lineage = _lineage(self)
        if not any(p.restricted or p.alias_of_id for p in lineage) and not self.alias_of_id:
            return PageViewRestriction.objects.none()
        ids = set()

        def add(page) -> None:
            if page.alias_of_id:  # as Wagtail: an alias is restricted as the page it shows
                add(page.alias_of)
            else:
                ids.add(page.pk)

        for page in (self, *ancestors(self)):
            add(page)
        return PageViewRestriction.objects.filter(page_id__in=ids)
