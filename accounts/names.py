"""Which display names people may choose. A name is shown beside everything its owner writes,
so it must not pass for one of the site's own labels (a deleted account, a numbered
participant, the council, the site), carry a link, or be an email address."""

import re
import unicodedata

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .text import clean_line


def normalise(text: str) -> str:
    """Case, accents, punctuation and spacing do not make a name different."""
    text = unicodedata.normalize("NFKD", text or "").casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


DELETED_ACCOUNT = gettext_noop("Deleted account")
PARTICIPANT = gettext_noop("Participant %(number)s")
# A scheme, "www.", or a dotted host name ending in letters (example.org, bit.ly, evil.example).
LINK = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*:/|\bwww\.|[\w-]\.[^\W\d_]{2,}\b)")


def _in_every_language(message: str) -> set[str]:
    labels = {message}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            labels.add(translation.gettext(message))
    return labels


def reserved_names() -> set[str]:
    """The site's own labels, in every language, in their search-normalised form."""
    from wagtail.models import Site

    names = _in_every_language(DELETED_ACCOUNT)
    names.add(settings.WAGTAIL_SITE_NAME)
    names.update(Site.objects.values_list("site_name", flat=True))
    # The council's name, in every language version of the home page (looked up by name:
    # accounts sits below the other apps).
    home_page = apps.get_model("home", "HomePage")
    names.update(home_page.objects.values_list("council_name", flat=True))
    return {normalise(name) for name in names if name and normalise(name)}


def _participant_patterns() -> list[re.Pattern]:
    patterns = []
    for label in _in_every_language(PARTICIPANT):
        before, _sep, after = label.partition("%(number)s")
        patterns.append(
            re.compile(rf"^{re.escape(normalise(before))}\s*\d+\s*{re.escape(normalise(after))}$")
        )
    return patterns


def _contains(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


def validate_display_name(value: str) -> str:
    """The cleaned name, or ValidationError with a message in the active language."""
    name = clean_line(value)
    if not name:
        return name
    if "@" in name:
        raise ValidationError(
            _("Please choose a name that is not an email address: it is shown publicly."),
            code="email",
        )
    if LINK.search(name):
        raise ValidationError(_("Please choose a name without a link."), code="link")
    normalised = normalise(name)
    if any(_contains(normalised, reserved) for reserved in reserved_names()) or any(
        pattern.match(normalised) for pattern in _participant_patterns()
    ):
        raise ValidationError(
            _("This name could be taken for one of the site's own labels. Please choose another."),
            code="reserved",
        )
    return name
