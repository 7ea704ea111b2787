"""Which interface strings a request looks up, and whether our own catalogues translate them."""

import contextlib
from functools import cache
from pathlib import Path

import polib
from django.conf import settings
from django.utils.translation import trans_real

CONTEXT_SEPARATOR = "\x04"


@contextlib.contextmanager
def looked_up(language: str):
    """Record the msgids (and plural numbers) looked up while translating into language."""
    seen: dict[str, int | None] = {}
    cls = trans_real.DjangoTranslation
    original_gettext, original_ngettext = cls.gettext, cls.ngettext

    def gettext(self, message):
        if self.language() == language:
            seen.setdefault(message, None)
        return original_gettext(self, message)

    def ngettext(self, msgid1, msgid2, n):
        if self.language() == language:
            seen[msgid1] = n
        return original_ngettext(self, msgid1, msgid2, n)

    cls.gettext, cls.ngettext = gettext, ngettext
    try:
        yield seen
    finally:
        cls.gettext, cls.ngettext = original_gettext, original_ngettext


def catalogue_dirs(language: str) -> list[Path]:
    folder = trans_real.to_locale(language)
    return [
        Path(path, folder, "LC_MESSAGES", "django.po")
        for base in settings.LOCALE_PATHS
        for path in (Path(base), Path(base, "vendor"))
        if Path(path, folder, "LC_MESSAGES", "django.po").exists()
    ]


@cache
def our_translations(language: str) -> dict[str, polib.POEntry]:
    entries = {}
    for path in catalogue_dirs(language):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            key = entry.msgid
            if entry.msgctxt:
                key = f"{entry.msgctxt}{CONTEXT_SEPARATOR}{entry.msgid}"
            entries[key] = entry
    return entries


def untranslated(language: str, seen: dict[str, int | None]) -> list[str]:
    """Strings looked up that our catalogues do not translate (every plural form included)."""
    ours = our_translations(language)
    missing = []
    for msgid in seen:
        entry = ours.get(msgid)
        if entry is None:
            missing.append(msgid)
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                missing.append(msgid)
        elif not entry.msgstr:
            missing.append(msgid)
    return missing
