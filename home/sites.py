"""Who speaks on a page or in an email: each language tree's home page is a council or a
municipality of its own (its name, logo and contact details), with the site settings as the
fallback for a home page that has none. Emails carry that council's name."""

from email.utils import parseaddr
from types import SimpleNamespace

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site


def section_home(page: Page | None):
    """The home page (council or municipality) a page belongs to."""
    from .models import HomePage

    if page is None:
        return None
    if isinstance(page, HomePage):
        return page
    return HomePage.objects.ancestor_of(page, inclusive=True).first()


def language_home(language: str | None = None, site: Site | None = None):
    """The home page of a language on a site (default: the active language, default site)."""
    from .models import HomePage

    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page
    homes = HomePage.objects.filter(translation_key=root.translation_key)
    language = language or get_language()
    return homes.filter(locale__language_code=language).first() or homes.first()


def contact(home, site_settings) -> SimpleNamespace:
    """Email, phone and logo of a section: its own when it has any, else the site's."""
    own = home is not None and (home.contact_email or home.contact_phone)
    source = home if own else None
    return SimpleNamespace(
        email=source.contact_email if source else getattr(site_settings, "email", ""),
        phone=source.contact_phone if source else getattr(site_settings, "phone", ""),
        logo=(getattr(home, "logo", None) or getattr(site_settings, "logo", None)),
    )


def council_name(home) -> str:
    return (home.council_name if home is not None else "") or settings.WAGTAIL_SITE_NAME


def sender(home) -> str:
    """The configured sender address, shown under the council's name."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    name = "".join(c for c in council_name(home) if c not in '"\\<>\r\n')
    return f'"{name}" <{address}>'  # Django encodes the name when it sends


def email_site(home, domain: str = "") -> SimpleNamespace:
    """Stands in for allauth's `current_site` in emails: the council, not the server."""
    return SimpleNamespace(name=council_name(home), domain=domain or council_name(home))
