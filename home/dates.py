"""Dates shown the way each language's readers expect: Gregorian for Arabic, French and English
(through Django's own formats), Solar Hijri with Afghan month names and Persian digits for Dari."""

from datetime import date, datetime

import jdatetime
from django.utils import formats, timezone
from django.utils.translation import get_language, override, pgettext_lazy

# Afghanistan names the Solar Hijri months after the zodiac, unlike Iran.
AFGHAN_MONTHS = [
    pgettext_lazy("Afghan solar month", "Hamal"),
    pgettext_lazy("Afghan solar month", "Sawr"),
    pgettext_lazy("Afghan solar month", "Jawza"),
    pgettext_lazy("Afghan solar month", "Saratan"),
    pgettext_lazy("Afghan solar month", "Asad"),
    pgettext_lazy("Afghan solar month", "Sunbula"),
    pgettext_lazy("Afghan solar month", "Mizan"),
    pgettext_lazy("Afghan solar month", "Aqrab"),
    pgettext_lazy("Afghan solar month", "Qaws"),
    pgettext_lazy("Afghan solar month", "Jadi"),
    pgettext_lazy("Afghan solar month", "Dalw"),
    pgettext_lazy("Afghan solar month", "Hut"),
]
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
SOLAR_HIJRI_LANGUAGES = {"fa-af", "fa", "prs", "ps"}


def uses_solar_hijri(language: str | None) -> bool:
    return (language or "").lower() in SOLAR_HIJRI_LANGUAGES


def solar_hijri(value: date) -> tuple[int, int, int]:
    converted = jdatetime.date.fromgregorian(date=value)
    return converted.year, converted.month, converted.day


def format_date(value, language: str | None = None, with_time: bool = False) -> str:
    """Format a date or datetime for the given (or active) language."""
    if value in (None, ""):
        return ""
    language = language or get_language()
    time_part = ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        if with_time:
            time_part = value.strftime("%H:%M")
        day_value = value.date()
    else:
        day_value = value
    if uses_solar_hijri(language):
        year, month, day = solar_hijri(day_value)
        with override(language):
            text = f"{day} {AFGHAN_MONTHS[month - 1]} {year}"
        if time_part:
            text = f"{text}، {time_part}"
        return text.translate(PERSIAN_DIGITS)
    with override(language):
        text = formats.date_format(day_value, "j F Y", use_l10n=True)
    separator = "، " if language.startswith("ar") else ", "
    return f"{text}{separator}{time_part}" if time_part else text
