"""Organisations are translatable snippets, but a page may point at another language version
(partners are synchronised by wagtail-localize, and editors pick from every language). Pages
show each organisation in the page's own language when a translation exists."""

from collections.abc import Sequence

from accounts.models import Organisation


def localize_organisations(
    organisations: Sequence[Organisation | None], locale_id: int
) -> list[Organisation | None]:
    """The same list, each organisation swapped for its version in locale_id if there is one.
    One query at most, whatever the number of organisations."""
    keys = {
        organisation.translation_key
        for organisation in organisations
        if organisation is not None and organisation.locale_id != locale_id
    }
    found = {}
    if keys:
        found = {
            organisation.translation_key: organisation
            for organisation in Organisation.objects.filter(
                translation_key__in=keys, locale_id=locale_id
            )
        }
    return [
        found.get(organisation.translation_key, organisation) if organisation else None
        for organisation in organisations
    ]


def localize_listing(commitments: Sequence, locale_id: int) -> None:
    """Give each loaded commitment its lead institution and partners in locale_id (attributes
    `lead` and `partner_list`), with one query for the whole list. Expects partners to be
    prefetched."""
    organisations = []
    for commitment in commitments:
        organisations.append(commitment.lead_institution)
        organisations.extend(commitment.partners.all())
    localized = iter(localize_organisations(organisations, locale_id))
    for commitment in commitments:
        commitment.lead = next(localized)
        commitment.partner_list = [next(localized) for _ in commitment.partners.all()]
