"""The site-wide cache generation: a random token stored in the cache. Every cached page records
the generation it was rendered under and is served only while that generation is current, so
replacing the token invalidates every cached page on every app server sharing the cache at once.

A new token (not a counter) makes a bump a single write: no read-modify-write race, the same
guarantee on Redis, the file cache or local memory."""

import uuid

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "pagecache:generation"


def page_cache():
    return caches[settings.MOSHARAKA_PAGE_CACHE["ALIAS"]]


def bump() -> str:
    """Start a new generation: every page cached so far is stale from the next request on."""
    token = uuid.uuid4().hex
    page_cache().set(GENERATION_KEY, token, timeout=None)
    return token


def current(fetched: str | None = None) -> str:
    """The current generation; ``fetched`` is the value already read together with a page."""
    if fetched is not None:
        return fetched
    cache = page_cache()
    # If the cache lost the token, start a fresh one: entries stored under an older token can
    # then never match again.
    cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    return cache.get(GENERATION_KEY)


def for_request(request) -> str:
    """The generation a request is served under, read once per request: the page cache and the
    shared parts of the page it renders (``pagecache.shared``) then agree on it."""
    token = request.__dict__.get("_pagecache_token")
    if token is None:
        token = current(page_cache().get(GENERATION_KEY))
        request._pagecache_token = token
    return token
