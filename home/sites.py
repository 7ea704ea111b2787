"""Who speaks on a page or in an email: each language tree's home page is a council or a
municipality of its own (its name, logo and contact details), with the site settings as the
fallback for a home page that has none. Emails carry that council's name."""

from email.utils import parseaddr
from types import SimpleNamespace

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Site


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
    """Email, phone, social links and logo of a section. A section with contact details of its
    own is another council or municipality: it shows only its own, never the site's channels
    (the Afghan municipality's footer does not link to the Moroccan council's Facebook page)."""
    own = home is not None and (home.contact_email or home.contact_phone)
    source = home if own else None
    return SimpleNamespace(
        email=source.contact_email if source else getattr(site_settings, "email", ""),
        phone=source.contact_phone if source else getattr(site_settings, "phone", ""),
        social=[] if own else list(getattr(site_settings, "social_links", [])),
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


def email_identity(request=None) -> tuple[str, SimpleNamespace]:
    """Who an email comes from, in the active language: the sender address under the
    council's name, and the site as allauth's templates name it. Settings point the accounts
    app here (MOSHARAKA_EMAIL_IDENTITY), so that accounts does not import home."""
    site = Site.find_for_request(request) if request is not None else None
    home = language_home(site=site)
    domain = request.get_host().split(":")[0] if request is not None else ""
    return sender(home), email_site(home, domain)
