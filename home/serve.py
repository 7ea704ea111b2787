"""Wagtail's page view, with the page found in fewer queries.

Wagtail finds the page as ``site.root_page.localized.specific.route(...)``: the active locale,
the root's translation in it and that translation's own fields are three queries on every
request. Here the home page of the active language is read in one, then routed exactly as
Wagtail would (``HomePage.route`` reads the deepest page with one more). The result goes where
Wagtail keeps it for the request (``request._wagtail_route_for_request``), so Wagtail's own
view, hooks and ``Page.route_for_request`` use it unchanged."""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from pagecache.shared import memo


def site_for_request(request):
    """Wagtail's ``Site.find_for_request`` (same answer, kept where Wagtail keeps it), read once
    per cache generation and host rather than once per request."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        key = ("site", hostname, request.get_port())
        request._wagtail_site = memo.get(request, key, lambda: Site._find_for_request(request))
    return request._wagtail_site


def localized_root(site, request=None):
    """The site's root page in the active language, with its own fields, in one query (none
    while the cache generation holds); the root itself (as Wagtail's ``.localized``) when it
    has no live translation in it."""
    return memo.get(request, ("root", site.pk, get_language()), lambda: _localized_root(site))


def _localized_root(site):
    root = site.root_page
    model = root.specific_class
    if model is None:
        return root.localized.specific
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        return root.specific
    translated = model.objects.filter(
        translation_key=root.translation_key, locale__language_code=language, live=True
    ).first()
    return translated or root.specific


def find_route(request, path: str) -> None:
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site = site_for_request(request)
    if site is None:
        return  # Wagtail's own lookup answers (a 404)
    components = [component for component in path.split("/") if component]
    try:
        root = localized_root(site, request)
        request._wagtail_route_for_request = root.route(request, components)
    except Http404:
        request._wagtail_route_for_request = None


def serve(request, path):
    find_route(request, path)
    return wagtail_views.serve(request, path)
