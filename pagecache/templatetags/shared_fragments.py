"""``{% shared_fragment name value… %}…{% endshared_fragment %}``: a part of a page that is the
same for every visitor (no user, form or token in it), rendered once per cache generation and
kept in the shared cache, so that the pages the page cache does not serve (signed-in visitors)
skip its queries and rendering too. The key holds the generation, the language, the scheme and
host (the part may hold absolute links) and the values given; a preview is always rendered.
Context values the part alone reads should be lazy, so that a stored part costs nothing."""

import hashlib
import logging

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from pagecache import generation, shared

logger = logging.getLogger(__name__)
register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name: str, values: list):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context):
        request = context.get("request")
        if (
            request is None
            or not shared.enabled()
            or request.method != "GET"
            or getattr(request, "is_preview", False)
        ):
            return self.nodelist.render(context)
        try:
            key = self.key(request, context)
            cache = generation.page_cache()
            html = cache.get(key)
        except Exception:
            logger.exception("Shared cache unavailable; rendering the fragment.")
            return self.nodelist.render(context)
        if html is None:
            html = self.nodelist.render(context)
            try:
                cache.set(key, str(html), settings.MOSHARAKA_PAGE_CACHE["TIMEOUT"])
            except Exception:
                logger.exception("Could not store a fragment in the shared cache.")
        return mark_safe(html)  # noqa: S308 (rendered by this template, escaped there)

    def key(self, request, context) -> str:
        parts = [
            self.name,
            get_language() or "",
            request.scheme,
            request.get_host(),
            *(str(value.resolve(context)) for value in self.values),
        ]
        digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
        return f"pagecache:fragment:{generation.for_request(request)}:{digest}"


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_fragment needs a name.")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    values = [parser.compile_filter(bit) for bit in bits[2:]]
    return SharedFragmentNode(nodelist, bits[1].strip("\"'"), values)
