"""``{% shared_fragment name value… %}…{% endshared_fragment %}``: a part of a page that is the
same for every visitor (no user, form or token in it), rendered once per cache generation and
kept in the shared cache, so that the pages the page cache does not serve (signed-in visitors)
skip its queries and rendering too. The key holds the generation, the language, the scheme and
host (the part may hold absolute links) and the values given; a preview is always rendered.
Context values the part alone reads should be lazy, so that a stored part costs nothing."""

from django import template
from django.utils.safestring import mark_safe

from pagecache import shared

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name: str, values: list):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context):
        request = context.get("request")
        parts = [request.scheme, request.get_host()] if request is not None else []
        parts += [value.resolve(context) for value in self.values]
        html = shared.stored(
            request, f"fragment:{self.name}", parts, lambda: str(self.nodelist.render(context))
        )
        return mark_safe(html)  # noqa: S308 (rendered by this template, escaped there)


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_fragment needs a name.")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    values = [parser.compile_filter(bit) for bit in bits[2:]]
    return SharedFragmentNode(nodelist, bits[1].strip("\"'"), values)
