"""Names of languages in the reader's language ("arabe" on a French page), for badges and
labels; the language switcher keeps each language's own name (settings.LANGUAGES)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

NAMES = {
    "ar": _("Arabic"),
    "fr": _("French"),
    "en": _("English"),
    "fa-af": _("Dari"),
    "fa": _("Dari"),
    "ps": _("Pashto"),
    "zgh": _("Standard Moroccan Tamazight"),
}


def language_name(code: str) -> str:
    """The language's name in the active language (the code itself if unknown)."""
    name = NAMES.get((code or "").lower())
    return str(name) if name is not None else code


def joined(items) -> str:
    """Items of a sentence's list, separated as the active language writes it: "a, b" in
    French, "a، b" in Arabic and Dari."""
    return pgettext("list separator", ", ").join(str(item) for item in items)
