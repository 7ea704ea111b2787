"""Cached pages served before Django's request handling: on a hit for an anonymous GET, the
stored response goes straight back to the WSGI server, without building Django's response,
running middleware or sending the request signals. Anything else (a miss, a signed-in
visitor, a skipped path, an invalid host) goes to Django as before, where
``PageCacheMiddleware`` stores what it may. Both decide with the same functions."""

import logging
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest

from pagecache import generation
from pagecache.middleware import HEADER, cache_key, eligible, local_copies

logger = logging.getLogger(__name__)
NOT_MODIFIED_HEADERS = {"cache-control", "content-location", "date", "etag", "expires", "vary"}


def _matches(if_none_match: str, etag: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag.removeprefix("W/") in tags


class CachedPages:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        entry = self._hit(environ)
        if entry is None:
            return self.application(environ, start_response)
        _, status, headers, content, _ = entry
        etag = next((value for name, value in headers if name == "ETag"), None)
        if status == 200 and etag and _matches(environ.get("HTTP_IF_NONE_MATCH", ""), etag):
            kept = [(n, v) for n, v in headers if n.lower() in NOT_MODIFIED_HEADERS]
            start_response("304 Not Modified", [*kept, (HEADER, "hit")])
            return [b""]
        start_response(f"{status} {HTTPStatus(status).phrase}", [*headers, (HEADER, "hit")])
        return [content]

    @staticmethod
    def _hit(environ):
        config = settings.MOSHARAKA_PAGE_CACHE
        if not config["ENABLED"] or environ.get("REQUEST_METHOD") != "GET":
            return None
        try:
            # A copy: WSGIRequest writes the decoded path back into the environ it is given,
            # and Django's own handler must still find the WSGI (latin-1) form there.
            request = WSGIRequest(environ.copy())
            if not eligible(request, config):
                return None
            key = cache_key(request)
            token = generation.page_cache().get(generation.GENERATION_KEY)
            entry = local_copies.get(key, token) if token else None
        except DisallowedHost:
            return None
        except Exception:
            logger.exception("Page cache unavailable; serving uncached.")
            return None
        return entry
