"""Wagtail search backends that apply search.normalise at index and at query time.

Pick one in WAGTAILSEARCH_BACKENDS: ``search.backends.database`` (SQLite FTS5 or PostgreSQL,
chosen from the default database like Wagtail's own) or ``search.backends.elasticsearch``
(Wagtail's elasticsearch9 backend with Arabic, Persian and French analysis)."""
