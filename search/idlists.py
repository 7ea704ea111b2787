"""A list of primary keys as one SQL parameter.

Facet counts narrow a queryset to a result set fetched once (search.scopes.Scopes): thousands
of ids. As one ``%s`` each they would make every count query thousands of parameters long to
build, send and parse; as one array (PostgreSQL) or one JSON text (SQLite) they cost one. On
PostgreSQL the test is ``pk = ANY(array)`` rather than ``pk IN (SELECT unnest(array))``: the
planner then knows how many ids there are (it guesses 200 rows for an ``unnest``) and reads
them through the primary key in order, about a third faster on a few thousand."""

import json

from django.db import connections
from django.db.models import F, IntegerField, Lookup, QuerySet
from django.db.models.expressions import Expression, RawSQL

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
        return RawSQL("SELECT unnest(%s::bigint[])", [_array_literal(ids)])
    if vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))])
    return list(ids)


def _array_literal(ids: list) -> str:
    # One text parameter cast to an array: Django's psycopg cursors bind parameters on the
    # client, where quoting a list of thousands of ints as an array took milliseconds.
    return "{" + ",".join(map(str, ids)) + "}"


class _AnyOf(Lookup):
    """``lhs = ANY(ids)``, the ids one bigint array parameter (PostgreSQL)."""

    lookup_name = "any_of"  # used as an expression only, never registered
    prepare_rhs = False

    def __init__(self, lhs, ids):
        super().__init__(lhs, ids)
        self.ids = list(ids)

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::bigint[])", [*params, _array_literal(self.ids)]


def narrowed(queryset: QuerySet, ids: list) -> QuerySet:
    """``queryset`` narrowed to the rows whose primary key is in ``ids``."""
    if pk_type(queryset) in INTEGER_TYPES and connections[queryset.db].vendor == "postgresql":
        return queryset.filter(_AnyOf(F("pk"), ids))
    return queryset.filter(pk__in=id_list(queryset, ids))


class PositionIn(Expression):
    """The position of ``expression``'s value in ``ids`` (0 for the first), to order rows as
    listed: one parameter and a few characters of SQL on PostgreSQL and SQLite, where a
    ``Case`` of one ``When`` per id took the ORM milliseconds to resolve and compile (12 ms
    of a search's 40 for a page of 20 ranked results). Integer keys on those two databases
    only (``orders_by_position`` says); ids not listed come last."""

    output_field = IntegerField()

    def __init__(self, expression, ids: list):
        super().__init__()
        self.expression = expression
        self.ids = list(ids)

    def get_source_expressions(self):
        return [self.expression]

    def set_source_expressions(self, expressions):
        (self.expression,) = expressions

    def as_postgresql(self, compiler, connection):
        sql, params = compiler.compile(self.expression)
        return f"array_position(%s::bigint[], {sql})", [_array_literal(self.ids), *params]

    def as_sqlite(self, compiler, connection):
        sql, params = compiler.compile(self.expression)
        listed = f"(SELECT key FROM json_each(%s) WHERE value = {sql})"  # noqa: S608 - the ORM's SQL
        return listed, [json.dumps(self.ids), *params]


def orders_by_position(queryset: QuerySet) -> bool:
    """Whether ``PositionIn`` can order ``queryset``'s rows."""
    vendor = connections[queryset.db].vendor
    return pk_type(queryset) in INTEGER_TYPES and vendor in ("postgresql", "sqlite")
