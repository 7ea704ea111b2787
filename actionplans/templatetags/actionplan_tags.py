"""Numbers, percentages, money and bar widths for action-plan pages, written the way each
language writes them (Persian digits in Dari, a narrow space before % in French…)."""

from decimal import Decimal

from django import template
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from actionplans.summary import width_step
from home.dates import PERSIAN_DIGITS, uses_solar_hijri

register = template.Library()

THOUSANDS = {"fr": "\u202f", "ar": "\u202f", "en": ",", "fa": "\u066c", "fa-af": "\u066c"}
CURRENCIES = {"MAD": _("dirhams"), "AFN": _("afghanis"), "EUR": _("euros"), "USD": _("US dollars")}


def _digits(text: str) -> str:
    return text.translate(PERSIAN_DIGITS) if uses_solar_hijri(get_language()) else text


@register.filter
def number(value) -> str:
    """An integer with the thousands separator of the active language."""
    if value in (None, ""):
        return ""
    whole = f"{int(round(Decimal(value))):,}"
    return _digits(whole.replace(",", THOUSANDS.get(get_language(), ",")))


@register.filter
def percent(value) -> str:
    if value in (None, ""):
        return ""
    return gettext("%(percent)s%%") % {"percent": number(value)}


@register.filter
def money(amount, currency: str = "") -> str:
    if amount in (None, ""):
        return ""
    name = CURRENCIES.get((currency or "").upper())
    return gettext("%(amount)s %(currency)s") % {
        "amount": number(amount),
        "currency": name if name is not None else currency,
    }


@register.filter
def width_class(value, visible: bool = False) -> str:
    """The stylesheet class that draws a bar of about value % (steps of 5 %)."""
    return f"ap-w-{width_step(float(value or 0), visible=bool(visible))}"
