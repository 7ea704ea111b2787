"""Serves anonymous visitors' GET requests from the page cache, before any other middleware.

A response is stored only when it is the same for every anonymous visitor: the request carried
no session or messages cookie, the response sets no cookie (so it rendered no CSRF token and
started no session), says nothing private, and varies on nothing but ``Cookie``. Stored
responses get an ``ETag``, a ``Last-Modified`` date and a public ``Cache-Control`` that lets a
proxy or CDN keep them and revalidate cheaply; everything else is marked private.

Entries are keyed on scheme, host and full path, and hold the cache generation they were
rendered under (read before rendering, so a write during rendering leaves them stale) and
when they expire; each worker also keeps recent entries in memory (``LocalCopies``)."""

import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict
from functools import cache

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control
from django.utils.http import http_date

from pagecache import generation

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
STORED_STATUSES = frozenset({200, 301, 302, 404, 410})
# Cookies that make a response personal: whoever carries them is never served from, nor
# stored into, the shared cache.
PERSONAL_COOKIES = ("messages",)
_REFUSE_DIRECTIVES = ("private", "no-cache", "no-store")


@cache
def _skip_pattern(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns) if patterns else r"(?!)")


def _personal(request) -> bool:
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or any(name in cookies for name in PERSONAL_COOKIES)
        or "HTTP_AUTHORIZATION" in request.META
    )


def eligible(request, config) -> bool:
    """Whether the shared cache may answer this request at all."""
    return (
        request.method == "GET"
        and not _personal(request)
        and not _skip_pattern(tuple(config["SKIP_PATHS"])).match(request.path_info)
    )


def cache_key(request) -> str:
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def _storable(request, response) -> bool:
    if response.status_code not in STORED_STATUSES or response.streaming or response.cookies:
        return False
    if settings.DEBUG:
        return False  # debug pages (Django's technical 404) must not outlive a restart
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page carries a CSRF token: it belongs to this visitor only
    control = response.get("Cache-Control", "").lower()
    if any(directive in control for directive in _REFUSE_DIRECTIVES):
        return False
    if response.has_header("Vary"):
        varies = {v.strip().lower() for v in cc_delim_re.split(response["Vary"]) if v.strip()}
        if varies - {"cookie"}:
            return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _make_public(response, config) -> None:
    response["ETag"] = '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"'
    response["Last-Modified"] = http_date(time.time())
    control = {"public": True, "must_revalidate": True, "s_maxage": config["PROXY_MAX_AGE"]}
    if "max-age" not in response.get("Cache-Control", ""):
        control["max_age"] = config["BROWSER_MAX_AGE"]
    patch_cache_control(response, **control)


def _conditional(request, response):
    if response.status_code != 200:
        return response
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=None, response=response
    )


class LocalCopies:
    """This worker's copies of the pages it served lately, so that a hit reads only the
    generation token from the shared cache (one small read) instead of the whole page. A copy
    is used only while its generation is current, so it is exactly as fresh as the shared
    entry; bounded in bytes, least recently used first out."""

    def __init__(self, max_bytes: int):
        self.max_bytes, self.size = max_bytes, 0
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, token: str):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry[0] != token or entry[4] <= time.time():
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        size = len(entry[3])
        if size > self.max_bytes // 4:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old[3])
            self.entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped[3])


local_copies = LocalCopies(max_bytes=32 * 1024 * 1024)


def _replay(entry) -> HttpResponse:
    _, status, headers, content, _ = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        config = settings.MOSHARAKA_PAGE_CACHE
        if not config["ENABLED"] or not self._eligible(request, config):
            return self._private(request, self.get_response(request))
        cache = generation.page_cache()
        try:
            key = cache_key(request)
            token = generation.for_request(request)
            entry = local_copies.get(key, token)
            if entry is None:
                entry = cache.get(key)
                if entry is not None and entry[0] == token:
                    local_copies.put(key, entry)
        except DisallowedHost:
            return self.get_response(request)
        except Exception:
            logger.exception("Page cache unavailable; serving uncached.")
            return self._private(request, self.get_response(request))
        if entry is not None and entry[0] == token:
            return _conditional(request, _replay(entry))
        response = self.get_response(request)
        if not _storable(request, response):
            response[HEADER] = "skip"
            return self._private(request, response)
        _make_public(response, config)
        headers = [(k, v) for k, v in response.items() if k != HEADER]
        expires = time.time() + config["TIMEOUT"]
        entry = (token, response.status_code, headers, response.content, expires)
        try:
            cache.set(key, entry, config["TIMEOUT"])
            local_copies.put(key, entry)
        except Exception:
            logger.exception("Could not store a page in the page cache.")
        response[HEADER] = "miss"
        return _conditional(request, response)

    @staticmethod
    def _eligible(request, config) -> bool:
        return eligible(request, config)

    @staticmethod
    def _private(request, response):
        """Whatever is not shared is marked so that no proxy shares it either."""
        if not response.has_header("Cache-Control") and not response.streaming:
            patch_cache_control(response, private=True, no_cache=True)
        return response
