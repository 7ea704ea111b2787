"""What every page of a site reads the same way (its site record, its home pages, their menus,
the site settings, a page's translations), kept in each worker's memory for as long as the
cache generation does not change: the pages of signed-in visitors, which the page cache never
serves, then skip those queries too.

The generation token is read once per request (one small read from the shared cache, as the
page cache does on a hit); any write a public page may show starts a new generation
(``pagecache.invalidation``), after which every value is computed afresh. Values also expire
after the page cache's timeout, so writes made outside Django show as late as cached pages do.

Values are shared by the requests a worker serves: they are read-only data, never anything of
one request (a user, a token, the request itself).

``stored()`` keeps larger values the same way but in the shared cache (every worker and app
server), each caller getting its own copy: routing, comment threads, report histories, parts
of pages (``{% shared_fragment %}``)."""

import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import get_language

from pagecache import generation

logger = logging.getLogger(__name__)

MAX_ENTRIES = 2_000  # arbitrary Host headers (a Site is looked up per host) cannot grow it further
_MISSING = object()


class GenerationMemo:
    def __init__(self) -> None:
        self.token: str | None = None
        self.values: dict[Any, tuple[float, Any]] = {}

    def clear(self) -> None:
        self.token, self.values = None, {}

    def get(self, request, key, compute: Callable[[], Any]) -> Any:
        if request is None or not enabled():
            return compute()
        token = version(request)
        if token != self.token:
            self.token, self.values = token, {}
        now = time.monotonic()
        expires, value = self.values.get(key, (0.0, _MISSING))
        if value is _MISSING or expires < now:
            value = compute()
            if len(self.values) >= MAX_ENTRIES:
                self.values = {}
            self.values[key] = (now + settings.MOSHARAKA_PAGE_CACHE["TIMEOUT"], value)
        return value


memo = GenerationMemo()


def stored(
    request,
    name: str,
    parts: Iterable[Any],
    compute: Callable[[], Any],
    keep: Callable[[Any], bool] | None = None,
) -> Any:
    """What ``compute()`` gives, kept in the shared cache (every worker and app server) for the
    current generation and language: data or a part of a page that is the same for every
    visitor (no user, form or token in it). Each call gets its own copy (the cache stores it
    pickled), so a caller may add one reader's rights to what it gets. Previews, requests other
    than GET and an unavailable cache compute afresh; a value ``keep`` refuses is not stored
    (so that arbitrary requests cannot fill the cache)."""
    if (
        request is None
        or not enabled()
        or request.method != "GET"
        or getattr(request, "is_preview", False)
    ):
        return compute()
    try:
        cache = generation.page_cache()
        digest = hashlib.sha256(
            "\x1f".join([name, get_language() or "", *map(str, parts)]).encode()
        ).hexdigest()
        key = f"pagecache:shared:{version(request)}:{digest}"
        value = cache.get(key, _MISSING)
    except Exception:
        logger.exception("Shared cache unavailable; computing %s.", name)
        return compute()
    if value is _MISSING:
        value = compute()
        if keep is not None and not keep(value):
            return value
        try:
            cache.set(key, value, settings.MOSHARAKA_PAGE_CACHE["TIMEOUT"])
        except Exception:
            logger.exception("Could not store %s in the shared cache.", name)
    return value


def enabled() -> bool:
    return settings.MOSHARAKA_SITE_DATA_CACHE


def version(request) -> str:
    """The token values are kept under: the page cache's generation, or the token that
    ``settings.MOSHARAKA_SITE_DATA_VERSION`` names (the tests', which every write changes)."""
    path = getattr(settings, "MOSHARAKA_SITE_DATA_VERSION", None)
    return import_string(path)() if path else generation.for_request(request)
