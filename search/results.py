"""What a search result shows: title, type, a snippet with the matched words marked, the
extras its app declares (the plan a commitment belongs to), and its language. Built for one
page of results in a fixed number of queries. Snippets come from the fields a page type
declares in ``search_fields``, so this module knows no page type's fields."""

import dataclasses
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import strip_tags
from modelsearch.index import SearchField
from wagtail.models import Locale, Page

from search import registry
from search.normalise import normalise
from search.registry import Extra

SNIPPET_WORDS = 40
SNIPPET_LEAD = 10


@dataclass(frozen=True)
class Segment:
    text: str
    mark: bool = False


@dataclass
class Hit:
    page: Page
    kind: str
    snippet: list[Segment]
    extras: list[Extra] = dataclasses.field(default_factory=list)
    language: str = ""
    language_code: str = ""


def _is_word_char(char: str) -> bool:
    # Letters, digits and marks, but also tatweel and zero-width joiners, so that a word keeps
    # together as its reader sees it (می‌خواهیم is one word).
    category = unicodedata.category(char)
    return not (category[0] in "PSZ" or category == "Cc")


def _split_words(text: str) -> list[tuple[str, bool]]:
    """The text as alternating runs of word and non-word characters."""
    runs: list[tuple[str, bool]] = []
    for char in text:
        is_word = _is_word_char(char)
        if runs and runs[-1][1] == is_word:
            runs[-1] = (runs[-1][0] + char, is_word)
        else:
            runs.append((char, is_word))
    return runs


def query_terms(query: str) -> set[str]:
    return set(normalise(query).split())


def _matches(word: str, terms: set[str]) -> bool:
    return any(
        part == term or (len(term) >= 3 and part.startswith(term))
        for part in normalise(word).split()
        for term in terms
    )


def highlight(text: str, terms: set[str], *, words: int = SNIPPET_WORDS) -> list[Segment]:
    """An excerpt of ``text`` of about ``words`` words around the first match, matched words
    marked. Matching uses the search normalisation, so ي marks a typed ی."""
    runs = _split_words(" ".join(text.split()))
    word_positions = [index for index, (_, is_word) in enumerate(runs) if is_word]
    first = next(
        (n for n, index in enumerate(word_positions) if _matches(runs[index][0], terms)), 0
    )
    start_word = max(0, first - SNIPPET_LEAD)
    end_word = min(len(word_positions), start_word + words)
    if not word_positions:
        return []
    start = word_positions[start_word]
    end = word_positions[end_word - 1] + 1
    segments = [Segment("… ")] if start_word > 0 else []
    for chunk, is_word in runs[start:end]:
        segments.append(Segment(chunk, is_word and bool(terms) and _matches(chunk, terms)))
    if end_word < len(word_positions):
        segments.append(Segment(" …"))
    return segments


def _text_values(page: Page) -> list[str]:
    """Plain-text values of the page's own searchable fields, in declaration order."""
    values = []
    for field in page.get_search_fields():
        if not isinstance(field, SearchField) or field.field_name == "title":
            continue
        value = getattr(page, field.field_name, None)
        if isinstance(value, str) and value.strip():
            values.append(strip_tags(value) if "<" in value else value)
    if getattr(page, "search_description", ""):
        values.append(page.search_description)
    return values


def snippet(page: Page, terms: set[str]) -> list[Segment]:
    values = [value for value in _text_values(page) if len(value) >= 20] or _text_values(page)
    if not values:
        return []
    for value in values:
        if terms and any(_matches(word, terms) for word, is_word in _split_words(value) if is_word):
            return highlight(value, terms)
    return highlight(values[0], terms)


def build_hits(pages, query: str, *, show_language: bool) -> list[Hit]:
    pages = list(pages)
    terms = query_terms(query)
    extras = registry.extras_for(pages)
    language_names = dict(settings.LANGUAGES)
    codes = {}
    if show_language:
        loaded = [page.locale for page in pages if "locale" in page._state.fields_cache]
        if len(loaded) == len(pages):  # select_related("locale"), as the faceted searches do
            codes = {locale.pk: locale.language_code for locale in loaded}
        else:
            codes = dict(Locale.objects.values_list("id", "language_code"))
    hits = []
    for page in pages:
        hits.append(
            Hit(
                page=page,
                kind=str(page.specific_class._meta.verbose_name) if page.specific_class else "",
                snippet=snippet(page, terms),
                extras=extras.get(page.pk, []),
                language=language_names.get(codes.get(page.locale_id, ""), ""),
                language_code=codes.get(page.locale_id, ""),
            )
        )
    return hits
