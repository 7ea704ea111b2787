"""Our catalogues (locale/ and locale/vendor/) are complete: no fuzzy or untranslated entry
for any language, format placeholders that gettext accepts, and compiled .mo files that say
the same as their .po files."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").rglob("LC_MESSAGES/django.po"))


def test_every_shipped_language_has_its_catalogues():
    folders = {path.parent.parent.name for path in CATALOGUES}
    assert {"ar", "fr", "fa_AF"} <= folders
    assert len(CATALOGUES) >= 6  # ours and our wording of the packages', per language


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_catalogue_has_no_fuzzy_or_empty_entry(path):
    catalogue = polib.pofile(str(path))
    problems = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid[:70]}")
        elif entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                problems.append(f"untranslated plural: {entry.msgid[:70]}")
        elif not entry.msgstr:
            problems.append(f"untranslated: {entry.msgid[:70]}")
    assert problems == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_catalogue_is_valid_and_compiled(path, tmp_path):
    if shutil.which("msgfmt") is None:
        pytest.fail("GNU gettext's msgfmt is needed: `apt-get install -y gettext`")
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(path)], check=True)
    committed = path.with_suffix(".mo")
    assert committed.exists(), f"run make messages: {committed} is missing"
    with open(fresh, "rb") as a, open(committed, "rb") as b:
        assert gettext.GNUTranslations(a)._catalog == gettext.GNUTranslations(b)._catalog, (
            f"{committed} is not compiled from its .po: run make messages"
        )


DARI = [path for path in CATALOGUES if path.parent.parent.name == "fa_AF"]
CODE_OR_MARKUP = re.compile(r"%\([^)]*\)[sdif]|%[sd]|\{[^}]*\}|<[^>]*>|https?://\S+|\S+@\S+")


@pytest.mark.parametrize("path", DARI, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_dari_is_written_with_persian_letters_and_digits(path):
    """Formal Afghan Dari: ی and ک, not the Arabic ي and ك; numbers in ۰–۹ except in codes."""
    problems = []
    for entry in polib.pofile(str(path)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            text = CODE_OR_MARKUP.sub(" ", text or "")
            western = [
                w for w in text.split() if re.search(r"[0-9]", w) and not re.search(r"[A-Za-z]", w)
            ]
            if re.search(r"[يك]", text) or western:
                problems.append(f"{entry.msgid[:60]} → {text[:60]}")
    assert problems == []


def test_admin_dates_read_as_each_language_writes_them():
    """Django's Arabic formats have no date-time format and a 12-hour clock, and its Persian
    month names are Iran's: the admin showed "ديسمبر 2, 2026, 12:21 ص" and "دسامبر"."""
    from datetime import datetime

    from django.utils import formats
    from django.utils.translation import override

    moment = datetime(2026, 12, 2, 14, 5)
    with override("ar"):
        assert formats.date_format(moment, "DATETIME_FORMAT") == "2 ديسمبر 2026، 14:05"
    with override("fa-af"):
        assert formats.date_format(moment.date()) == "2 دسمبر 2026"
