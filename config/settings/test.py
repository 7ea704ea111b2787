"""Lean settings for the test suite: fast hashing, local cache, immediate tasks, no real email."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache has its own tests (tests/pagecache/), which turn it on.
MOSHARAKA_PAGE_CACHE = {**MOSHARAKA_PAGE_CACHE, "ENABLED": False}  # noqa: F405
# Tests write inside transactions that never commit (no new generation): off, except in the
# tests of it.
MOSHARAKA_SITE_DATA_CACHE = False
# Each search reads its own facet table: a test's writes are never committed, so the page
# cache's generation would not tell them (tests that keep tables turn it on; the search
# benchmarks name the generation here, as the site's settings do).
MOSHARAKA_SEARCH_DATA_VERSION = os.environ.get("MOSHARAKA_SEARCH_DATA_VERSION") or None
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# SQLite keeps its test database in a file so that --reuse-db skips migrations between runs.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_SQLITE_NAME", str(BASE_DIR / ".test-db.sqlite3"))  # noqa: F405
    }

# Static files come from the finders in tests; WhiteNoise serves collected files in production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405

# Rate limits (sign-in, sign-up, comments, reports) are off in tests, except in the tests that
# turn them back on to check them.
ACCOUNT_RATE_LIMITS = False
MOSHARAKA_RATE_LIMITS = None
