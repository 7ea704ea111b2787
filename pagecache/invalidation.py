"""Generic invalidation: any statement that writes to a table that public pages may show bumps
the cache generation once the data is visible (after the statement in autocommit mode, on
commit inside a transaction).

Watching the SQL rather than model signals covers everything without knowing about it: Wagtail
publishing, unpublishing, moving and deleting pages, scheduled publishing, snippets, images,
redirects, settings, every app's models (including ones added later) and also ``update()``,
``bulk_create()`` and ``delete()`` on querysets, which send no per-object signals."""

import re

from django.db import connections
from django.db.backends.signals import connection_created

from pagecache import generation

_WRITE = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)"?',
    re.IGNORECASE,
)
_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE")
# Updating only the sign-in time shows on no public page.
_LAST_LOGIN_ONLY = re.compile(r'\s*UPDATE\s+"?\w+"?\s+SET\s+"?last_login"?\s*=\s*%s\s+WHERE', re.I)

# Tables whose rows no public page shows, written during ordinary requests or in the
# background: sessions, caches of derived data (renditions, embeds, search index, reference
# index), search hit counters, audit logs and drafts (what a page shows changes only when the
# page row itself is written), the task queue, e-mail addresses.
IGNORED_PREFIXES = (
    "django_session",
    "django_migrations",
    "django_content_type",
    "django_tasks",
    "django_tasks_database",
    "auth_permission",
    "account_",
    "socialaccount_",
    "wagtailimages_rendition",
    "wagtailembeds_",
    "wagtailsearch_",
    "wagtailsearchpromotions_query",
    "wagtailcore_referenceindex",
    "wagtailcore_revision",
    "wagtailcore_pagelogentry",
    "wagtailcore_modellogentry",
    "wagtailcore_workflowstate",
    "wagtailcore_taskstate",
    "wagtailcore_pagesubscription",
    "wagtailcore_comment",
    "wagtailcore_commentreply",
    "wagtailusers_userprofile",
    "wagtailadmin_",
    "wagtail_localize_",
)


def table_written(sql: str) -> str | None:
    """The table a write statement changes, or None for reads and ignored tables."""
    head = (sql.lstrip() if sql[:1].isspace() else sql)[:7].upper()
    if not head.startswith(_VERBS):
        return None
    match = _WRITE.match(sql)
    if not match or _LAST_LOGIN_ONLY.match(sql):
        return None
    table = match.group(1).lower()
    return None if table.startswith(IGNORED_PREFIXES) else table


def _after_write(connection) -> None:
    """`connection` is the one that wrote (not looked up by alias: a connection made outside
    settings.DATABASES writes too)."""
    if not connection.in_atomic_block:
        generation.bump()
        return
    # Once per transaction: registered again only if a rolled-back savepoint discarded it.
    if not any(callback is generation.bump for _, callback, _ in connection.run_on_commit):
        connection.on_commit(generation.bump)


def _wrapper():
    def watch_writes(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if table_written(sql):
            _after_write(context["connection"])
        return result

    watch_writes.pagecache = True
    return watch_writes


def _watch(sender, connection, **kwargs) -> None:
    if not any(getattr(w, "pagecache", False) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(_wrapper())


def install() -> None:
    connection_created.connect(_watch, dispatch_uid="pagecache-watch-writes")
    for connection in connections.all(initialized_only=True):
        _watch(None, connection)
