"""Organisations are translatable snippets, but a page may point at another language version
(partners are synchronised by wagtail-localize, and editors pick from every language). Pages
show each organisation in the page's own language when a translation exists."""

from collections.abc import Iterable, Sequence
from uuid import UUID

from django.db.models import Q, Subquery

from accounts.models import Organisation
from home.translations import in_locale, localized


def organisations_in(
    organisations: Iterable[Organisation | None], locale_id: int
) -> dict[UUID, Organisation]:
    """``{translation key: organisation in locale_id}`` (the given version when there is no
    translation), in one query at most."""
    return in_locale(Organisation, organisations, locale_id)


def with_lead_in(
    lead_id: int | None, organisations: Iterable[Organisation | None], locale_id: int
) -> tuple[Organisation | None, dict[UUID, Organisation]]:
    """A page's lead institution, known only by its id, and ``organisations_in`` of the given
    ones, in one query (the lead and the versions in ``locale_id`` are read together)."""
    given = {o.translation_key: o for o in organisations if o is not None}
    if lead_id is None:
        return None, organisations_in(given.values(), locale_id)
    lead_key = Organisation.objects.filter(pk=lead_id).values("translation_key")[:1]
    rows = list(
        Organisation.objects.filter(
            Q(pk=lead_id)
            | Q(locale_id=locale_id)
            & (Q(translation_key__in=list(given)) | Q(translation_key=Subquery(lead_key)))
        )
    )
    lead = next((row for row in rows if row.pk == lead_id), None)
    found = {row.translation_key: row for row in rows if row.locale_id == locale_id}
    for key, organisation in given.items():
        found.setdefault(key, organisation)
    if lead is not None:
        found.setdefault(lead.translation_key, lead)
    return lead, found


def localize_listing(commitments: Sequence, locale_id: int) -> None:
    """Give each loaded commitment its lead institution in locale_id (attribute ``lead``),
    with one query for the whole list."""
    found = organisations_in((c.lead_institution for c in commitments), locale_id)
    for commitment in commitments:
        commitment.lead = localized(found, commitment.lead_institution)
