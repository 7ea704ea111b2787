"""Persian digits for every number a Dari reader sees, in one place: the HTML of each page
served in a Solar Hijri language is rewritten so that text outside codes uses ۰–۹.

Templates, form errors, Django's and allauth's messages, pagination and facet counts all pass
through here, so no number can slip through a template that forgot a filter. What is left as
written: markup and attribute values (except the ones read aloud: title, aria-label, alt,
placeholder), scripts, styles, form fields being edited, <code>/<kbd>/<samp>/<pre>, and any
word that contains a Latin letter (a code like MZR-02, an address, a file name) or follows
one (CC BY 4.0)."""

import re

from django.utils.translation import get_language

from home.dates import PERSIAN_DIGITS, uses_solar_hijri

_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_RAW = {"script", "style", "textarea", "code", "kbd", "samp", "pre"}
_NAME = re.compile(r"</?\s*([a-zA-Z0-9-]+)")
_READ_ALOUD = re.compile(r'(\s(?:title|aria-label|alt|placeholder)=")([^"]*)(")')
_WORD = re.compile(r"[^\s<>]+")
_LATIN = re.compile(r"[A-Za-z]")
_WESTERN = re.compile(r"[0-9]")
_ENTITY = re.compile(r"(&#?[0-9A-Za-z]+;)")


def _persian_word(word: str) -> str:
    parts = _ENTITY.split(word)  # entities (&#x27;, &nbsp;) keep their own digits
    return "".join(p if _ENTITY.fullmatch(p) else p.translate(PERSIAN_DIGITS) for p in parts)


def persian_text(text: str) -> str:
    """Persian digits in a run of plain text, codes and Latin words aside; a number right
    after a Latin word belongs to it ("CC BY 4.0", "ISO 9001")."""
    out, position, after_latin = [], 0, False
    for match in _WORD.finditer(text):
        word = match.group(0)
        latin = bool(_LATIN.search(_ENTITY.sub("", word)))
        out.append(text[position : match.start()])
        if _WESTERN.search(word) and not latin and not after_latin:
            word = _persian_word(word)
        out.append(word)
        position = match.end()
        after_latin = latin
    out.append(text[position:])
    return "".join(out)


def persian_html(html: str) -> str:
    out: list[str] = []
    raw: str | None = None
    position = 0
    for match in _TAG.finditer(html):
        text = html[position : match.start()]
        out.append(text if raw else persian_text(text))
        tag = match.group(0)
        name_match = _NAME.match(tag)
        name = name_match.group(1).lower() if name_match else ""
        if raw:
            if tag.startswith("</") and name == raw:
                raw = None
        elif not tag.startswith("</") and name in _RAW and not tag.endswith("/>"):
            raw = name
        if not tag.startswith("<!") and not tag.startswith("</"):
            tag = _READ_ALOUD.sub(lambda m: m.group(1) + persian_text(m.group(2)) + m.group(3), tag)
        out.append(tag)
        position = match.end()
    rest = html[position:]
    out.append(rest if raw else persian_text(rest))
    return "".join(out)


class PersianDigitsMiddleware:
    """Rewrites the digits of public HTML pages served in Dari (the admin is left alone)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            uses_solar_hijri(get_language())
            and not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith(("/admin/", "/cms/"))
        ):
            charset = response.charset or "utf-8"
            response.content = persian_html(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
