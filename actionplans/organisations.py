"""Organisations are translatable snippets, but a page may point at another language version
(partners are synchronised by wagtail-localize, and editors pick from every language). Pages
show each organisation in the page's own language when a translation exists."""

from collections.abc import Iterable, Sequence
from uuid import UUID

from accounts.models import Organisation
from home.translations import in_locale, localized


def organisations_in(
    organisations: Iterable[Organisation | None], locale_id: int
) -> dict[UUID, Organisation]:
    """``{translation key: organisation in locale_id}`` (the given version when there is no
    translation), in one query at most."""
    return in_locale(Organisation, organisations, locale_id)


def localize_listing(commitments: Sequence, locale_id: int) -> None:
    """Give each loaded commitment its lead institution and partners in locale_id (attributes
    `lead` and `partner_list`), with one query for the whole list. Expects partners to be
    prefetched."""
    organisations = []
    for commitment in commitments:
        organisations.append(commitment.lead_institution)
        organisations.extend(commitment.partners.all())
    found = organisations_in(organisations, locale_id)
    for commitment in commitments:
        commitment.lead = localized(found, commitment.lead_institution)
        commitment.partner_list = [localized(found, p) for p in commitment.partners.all()]
