"""One normalisation for search text, applied to what is indexed and to what is searched, on
every backend.

Arabic and Dari share an alphabet that keyboards type differently: an Arabic keyboard writes
ي and ك where a Persian one writes ی and ک; people drop or add hamzas, vowel marks, tatweel and
zero-width non-joiners; digits come as ASCII, Arabic-Indic (٠–٩) or Persian (۰–۹). Latin text
loses case and accents. What this module returns is never shown to anyone: it only has to make
the variants a reader would call "the same word" identical, both ways.

Choices that lose information, on purpose:
- taa marbuta becomes heh (ة → ه): Arabic writes مشاركة, Dari and hurried Arabic typing write
  مشارکه; both must meet. Words that differ only by it are rare next to that gain.
- hamza carriers become their bare letter (ؤ → و, ئ → ي) and alef forms bare alef (أ إ آ ٱ → ا):
  the hamza is the first thing people leave out.
- the zero-width non-joiner disappears rather than becoming a space: می‌خواهیم and میخواهیم
  must be one token for every tokeniser (SQLite FTS5, PostgreSQL, Elasticsearch), and a space
  would split only one of them.
- punctuation and symbols become spaces, as every tokeniser treats them anyway (this also keeps
  quotes and operators out of full-text query syntax).
- per-language tuning, keyed on the script of each word so that it needs no language tag and
  behaves the same at index and query time: the Arabic definite article (ال, وال, بال, كال, فال,
  لل) is stripped from words that keep at least three letters, so الشفافية finds شفافية; French
  elisions (l', d', qu'…) are dropped, so « l'évaluation » finds « évaluation ».
"""

import re
import unicodedata
from collections.abc import Iterable

# One table of character equivalences: the Python normaliser and the Elasticsearch char filters
# are both generated from it. A value of "" removes the character.
YEH = "\u064a"  # ي Arabic yeh: the canonical form (as Lucene's Persian/Arabic normalisers)
KAF = "\u0643"  # ك Arabic kaf
HEH = "\u0647"  # ه
ALEF = "\u0627"  # ا
WAW = "\u0648"  # و

_LETTERS = {
    "\u0649": YEH,  # ى alef maqsura
    "\u06cc": YEH,  # ی Farsi yeh
    "\u0626": YEH,  # ئ yeh with hamza above
    "\u06a9": KAF,  # ک keheh (Persian kaf)
    "\u06aa": KAF,  # ڪ swash kaf
    "\u0629": HEH,  # ة taa marbuta
    "\u06c3": HEH,  # ۃ taa marbuta goal
    "\u06c0": HEH,  # ۀ heh with yeh above
    "\u06c1": HEH,  # ہ heh goal
    "\u06be": HEH,  # ھ heh doachashmee
    "\u06d5": HEH,  # ە ae
    "\u0623": ALEF,  # أ
    "\u0625": ALEF,  # إ
    "\u0622": ALEF,  # آ
    "\u0671": ALEF,  # ٱ alef wasla
    "\u0672": ALEF,  # ٲ
    "\u0673": ALEF,  # ٳ
    "\u0624": WAW,  # ؤ
}
_DIGITS = {chr(base + n): str(n) for base in (0x0660, 0x06F0) for n in range(10)}
_REMOVED = (
    [chr(c) for c in range(0x064B, 0x0660)]  # tashkeel: harakat, tanwin, shadda, sukun, hamzas
    + ["\u0670"]  # superscript alef
    + [chr(c) for c in range(0x0610, 0x061B)]  # honorific and Quranic signs
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E5, 0x06E6)]
    + ["\u0640"]  # tatweel
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]  # zero-width, soft hyphen
    + ["\u200e", "\u200f", "\u061c"]  # direction marks
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
)
_LATIN_LIGATURES = {"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "ð": "d"}

#: Every character the normaliser rewrites one for one, or removes (value ""), before case and
#: accents are folded. Exposed for the Elasticsearch analysers.
CHARACTER_TABLE: dict[str, str] = {**_LETTERS, **_DIGITS, **dict.fromkeys(_REMOVED, "")}

_TRANSLATION = str.maketrans(CHARACTER_TABLE)
_LATIN_TRANSLATION = str.maketrans(_LATIN_LIGATURES)
_COMBINING_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")
_FRENCH_ELISION = re.compile(
    r"(?<![^\W\d_])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ‘`´](?=[^\W\d_])"
)
_ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_MIN_STEM = 3


def _is_separator(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "PSZ" or category in ("Cc", "Cs", "Co", "Cn", "Cf")


def _strip_arabic_article(word: str) -> str:
    """Strip the definite article (and a conjunction or preposition glued to it) until none is
    left; stopping at a fixed point keeps the normaliser idempotent."""
    changed = True
    while changed:
        changed = False
        for prefix in _ARABIC_ARTICLES:
            if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
                word = word[len(prefix) :]
                changed = True
                break
    return word


def normalise(text: object) -> str:
    """The search form of a text: equivalent spellings give the same string. Never raises."""
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_TRANSLATION)
    text = text.casefold().translate(_LATIN_TRANSLATION)
    # Accents: decompose, drop the combining marks Latin, Greek and Cyrillic use, recompose.
    text = _COMBINING_ACCENTS.sub("", unicodedata.normalize("NFD", text))
    text = unicodedata.normalize("NFC", text)
    text = _FRENCH_ELISION.sub("", text)
    text = "".join(" " if _is_separator(char) else char for char in text)
    words = (_strip_arabic_article(word) for word in text.split())
    return " ".join(words)


def normalise_all(texts: Iterable[object]) -> list[str]:
    return [normalise(text) for text in texts]
