"""A page's ancestors, read once per page object however many templates and views need them
(breadcrumbs, the language tree's home, a commitment's plan, the privacy check)."""


def _with_restricted(pages):
    from django.db.models import Exists, OuterRef
    from wagtail.models import PageViewRestriction

    restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
    return pages.annotate(restricted=Exists(restricted))


def _lineage(page) -> list:
    """The page's ancestors and the page itself, each marked ``restricted`` when a view
    restriction sits on it: one query, shared by everything below."""
    if "_mosharaka_lineage" not in page.__dict__:
        page._mosharaka_lineage = list(_with_restricted(page.get_ancestors(inclusive=True)))
    return page._mosharaka_lineage


def deepest_with_lineage(home, url_paths: list[str]):
    """The deepest page below ``home`` whose URL path is one of ``url_paths`` (the prefixes of
    a requested URL, shortest first), or None; in the same query, the lineage of that page
    (``home``'s ancestors, ``home``, and the pages below it with those URL paths, which are
    the page's ancestors). Returns (page, lineage); the lineage is None if the URL paths do
    not chain up (then it is read on its own when needed)."""
    from django.db.models import Q
    from wagtail.models import Page

    above = [home.path[: home.steplen * depth] for depth in range(1, home.depth + 1)]
    below = Q(path__startswith=home.path, depth__gt=home.depth, url_path__in=url_paths)
    rows = list(_with_restricted(Page.objects.filter(Q(path__in=above) | below)).order_by("depth"))
    if not rows or rows[-1].depth <= home.depth:
        return None, None
    page = rows[-1]
    lineage = [row for row in rows if page.path.startswith(row.path)]
    if [row.depth for row in lineage] != list(range(1, page.depth + 1)):
        return page, None
    return page, lineage


def keep_lineage(page, lineage: list | None) -> None:
    """Give ``page`` (the specific instance of the last page of ``lineage``) its lineage."""
    if lineage is not None:
        page._mosharaka_lineage = lineage


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
