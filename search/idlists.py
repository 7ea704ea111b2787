"""A list of primary keys as one SQL parameter, for ``pk__in``.

Facet counts narrow a queryset to a result set fetched once (search.facets.Scopes): thousands
of ids. As one ``%s`` each they would make every count query thousands of parameters long to
build, send and parse; as one array (PostgreSQL) or one JSON text (SQLite) they cost one."""

import json

from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

INTEGER_TYPES = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
}


def pk_type(queryset: QuerySet) -> str:
    pk = queryset.model._meta.pk
    while pk.is_relation:  # multi-table inheritance: the parent's key
        pk = pk.target_field
    return pk.get_internal_type()


def id_list(queryset: QuerySet, ids: list):
    """``ids`` (primary keys of ``queryset``'s model) as the right-hand side of ``pk__in``."""
    if pk_type(queryset) not in INTEGER_TYPES:
        return list(ids)
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])
    if vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))])
    return list(ids)
