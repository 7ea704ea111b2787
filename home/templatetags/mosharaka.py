"""Template helpers used site-wide (loaded as a builtin): per-language dates, the language
switcher, and bidirectional-safe output of user-written text."""

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_bidi

from home.dates import format_date

register = template.Library()


@register.filter
def localdate(value, with_time: bool = False) -> str:
    return format_date(value, with_time=bool(with_time))


@register.filter
def localdatetime(value) -> str:
    return format_date(value, with_time=True)


@register.filter
def isodatetime(value) -> str:
    """A <time datetime> value: ISO 8601 to the second (HTML allows at most three digits of
    a fraction of a second; Django's "c" format gives six)."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.filter
def isolated(value) -> str:
    """A value (a date, a number) set inside a sentence, isolated in <bdi> so that it keeps
    its own direction beside words of the other direction."""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def is_within(page, section) -> bool:
    """True when page is section itself or lies below it in the page tree."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))


@register.simple_tag
def text_direction() -> str:
    return "rtl" if get_language_bidi() else "ltr"


def is_local_path(url: str) -> bool:
    """A path of this site: one slash, then no scheme, host or backslash trick."""
    return (
        url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and "\\" not in url
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    )


def _shared_route_suffix(page, request) -> str:
    """On a routable sub-page (a paragraph's comments, an organisation's commitments), the
    sub-route to keep when switching language, if the page declares it language-neutral."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or match.url_name not in getattr(page, "language_neutral_routes", ()):
        return ""
    return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages in which it exists (live translations only);
    for non-page views, links to the same path under each language prefix."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    if page is not None and getattr(page, "locale_id", None):
        from pagecache.shared import memo

        def read():
            translations = page.get_translations(inclusive=True).live().select_related("locale")
            return {p.locale.language_code: p for p in translations}

        by_language = memo.get(request, ("translations", page.translation_key), read)
        suffix = _shared_route_suffix(page, request)
        for code, name in settings.LANGUAGES:
            target = by_language.get(code)
            if target is not None:
                links.append(
                    {
                        "code": code,
                        "name": name,
                        "url": target.get_url(request) + suffix,
                        "current": code == current,
                    }
                )
    elif request is not None:
        from django.urls import translate_url

        for code, name in settings.LANGUAGES:
            url = translate_url(request.get_full_path(), code)
            if not is_local_path(url):  # e.g. GET /%2F%2Fevil.example/ is "//evil.example/"
                url = f"/{code}/"
            links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links, "current": current}


def _memo(request, name: str, compute):
    """A value computed once per request (the header, footer and breadcrumbs share them)."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_mosharaka_memo", {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


@register.simple_tag(takes_context=True)
def page_ancestors(context, page=None):
    """The ancestors of the page being shown, read once however many templates need them
    (kept on the page object: included templates may not have the request)."""
    from home.ancestors import ancestors

    page = page or context.get("page")
    if page is None or not getattr(page, "path", None):
        return []
    return ancestors(page)


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the active language (falls back to the site's root page)."""
    from home.serve import localized_root, site_for_request

    request = context.get("request")
    site = site_for_request(request)
    if site is None:
        return None

    def home():
        page = context.get("page")
        root = site.root_page
        if getattr(page, "path", "").startswith(root.path[: root.steplen * (root.depth - 1)]):
            # A page of one language tree: its home is its ancestor at the root's depth, read
            # with the breadcrumbs' query instead of looking the locale and translation up.
            if page.depth == root.depth:
                return page.specific
            for ancestor in page_ancestors(context, page):
                if ancestor.depth == root.depth and ancestor.locale_id == page.locale_id:
                    return ancestor.specific
        # Not a page (search, accounts): the root's translation in the active language, in one
        # query rather than three (locale, translation, specific fields), or none while the
        # cache generation holds.
        return localized_root(site, request)

    return _memo(request, "home", home)


@register.simple_tag
def section_contact(home, site_settings):
    """Email, phone and logo of this page's council or municipality (home.sites.contact)."""
    from home.sites import contact

    return contact(home, site_settings)


@register.simple_tag(takes_context=True)
def return_path(context) -> str:
    """Where a visitor signing in or up comes back to: the page they are on, or on allauth's
    "check your email" page, the page they signed up from (allauth keeps it in the session)."""
    from django.utils.http import url_has_allowed_host_and_scheme

    request = context.get("request")
    if request is None:
        return ""
    pending = request.session.get("account_login") if hasattr(request, "session") else None
    candidates = [
        request.GET.get("next", ""),
        (pending or {}).get("redirect_url") or "" if isinstance(pending, dict) else "",
    ]
    if not request.path.startswith(_account_prefixes()):
        candidates.insert(0, request.get_full_path())
    for path in candidates:
        if path and url_has_allowed_host_and_scheme(path, allowed_hosts={request.get_host()}):
            return path
    return ""


def _account_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/account/" for code, _name in settings.LANGUAGES)


@register.simple_tag(takes_context=True)
def menu_pages(context, specific=False):
    """The home page's children shown in menus; ``specific=True`` when their own fields (the
    introduction) are shown, which costs one query per page type."""
    home = site_home(context)
    if home is None:
        return []
    # The home page lists its sections with their introductions: the header then shares them.
    specific = specific or context.get("page") == home

    def children():
        from home.visibility import public_q
        from pagecache.shared import memo

        def read():
            pages = home.get_children().live().in_menu().filter(public_q())
            return list(pages.specific() if specific else pages)

        return memo.get(request, ("menu", home.pk, specific), read)

    request = context["request"]
    return _memo(request, f"menu:{specific}", children)
