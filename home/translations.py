"""Objects across languages, keyed by translation key.

Translatable things (pages, organisations, milestones) exist once per language, and the
versions of one thing share a ``translation_key``. A page shown in French that points at an
Arabic organisation, a comment written in Dari on a commitment read in Arabic, a promoted page
picked in the admin's language: all ask the same question, "this thing, in that language".

``in_locale`` answers it for many things at once, in a constant number of queries, and returns
a dict keyed by translation key. Callers look each thing up by its key, never by its position
in a list, so adding a field to a listing cannot put the wrong organisation on a row.

    found = in_locale(Organisation, commitment.partners.all(), page.locale)
    partners = [found.get(p.translation_key, p) for p in commitment.partners.all()]
"""

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import F, Model, OuterRef, QuerySet, Subquery
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


def translation_key(item: Any) -> UUID | None:
    """The translation key of an object, or the key itself (a UUID or its text); None for
    None or for text that is not a UUID."""
    if item is None:
        return None
    if isinstance(item, UUID):
        return item
    if isinstance(item, Model):
        return item.translation_key
    try:
        return UUID(str(item))
    except ValueError:
        return None


def _language(locale: Locale | int | str) -> tuple[str, Any]:
    """How to recognise a version in ``locale``: by locale id, or by language code (read with
    the versions through a join, so a code costs no query of its own)."""
    if isinstance(locale, Locale):
        return "locale_id", locale.pk
    if isinstance(locale, int):
        return "locale_id", locale
    return "_in_language", locale


def in_locale(
    source: type[Model] | QuerySet,
    items: Iterable[Any],
    locale: Locale | int | str,
    *,
    fallback: bool = True,
) -> dict[UUID, Model]:
    """Each of ``items`` (objects with a ``translation_key``, or translation keys) in
    ``locale``, as ``{translation key: object}``.

    ``source`` is the model or the queryset the versions are taken from (for instance only
    live, public pages). Without a version in ``locale``, and with ``fallback``, a key gets
    the object that was passed in for it, else its version in the site's default (source)
    language, else its oldest version; without ``fallback`` the key is left out.

    One query, whatever the number of items."""
    given: dict[UUID, Model] = {}
    keys: set[UUID] = set()
    for item in items:
        key = translation_key(item)
        if key is None:
            continue
        keys.add(key)
        if isinstance(item, Model):
            given.setdefault(key, item)
    if not keys:
        return {}
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    attribute, wanted = _language(locale)
    versions: dict[UUID, list[Model]] = {}
    rows = queryset.filter(translation_key__in=keys).annotate(
        _in_language=F("locale__language_code")
    )
    for obj in rows.order_by("pk"):
        versions.setdefault(obj.translation_key, []).append(obj)

    found: dict[UUID, Model] = {}
    for key, objs in versions.items():
        match = next((obj for obj in objs if getattr(obj, attribute) == wanted), None)
        if match is not None:
            found[key] = match
    if not fallback:
        return found
    missing = keys - set(found)
    for key in missing & set(given):
        found[key] = given[key]
    orphans = [key for key in missing - set(given) if key in versions]
    if orphans:
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        for key in orphans:
            objs = versions[key]
            found[key] = next((obj for obj in objs if obj._in_language == default), objs[0])
    return found


def field_in_locale(
    model: type[Model], path: str, locale: Locale | int | str, field: str = "name"
) -> Subquery:
    """An annotation: ``field`` of the version in ``locale`` of the object a row points at
    (``path`` leads from the row to that object's translation key), read in the row's own
    query; None where it has no version there (show the object as it was chosen)."""
    attribute, wanted = _language(locale)
    match = {"locale_id": wanted} if attribute == "locale_id" else {"locale__language_code": wanted}
    versions = model._default_manager.filter(translation_key=OuterRef(path), **match)
    return Subquery(versions.values(field)[:1])


def localized(found: dict[UUID, Model], obj: Model | None) -> Model | None:
    """``obj`` swapped for its version in ``found`` (a result of ``in_locale``), if any."""
    if obj is None:
        return None
    return found.get(obj.translation_key, obj)
