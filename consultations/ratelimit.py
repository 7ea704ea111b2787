"""A small cache-based rate limit for posting comments and reports (allauth limits sign-in and
sign-up itself). With several app servers the cache must be shared (Redis)."""

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMITS = {"comment": (10, 600), "report": (20, 3600)}


def limit_for(action: str) -> tuple[int, int]:
    limits = getattr(settings, "MOSHARAKA_RATE_LIMITS", {}) or {}
    return tuple(limits.get(action, DEFAULT_LIMITS[action]))


def hit(action: str, user_id: int) -> bool:
    """Count one attempt; False when the user has exceeded the limit for the action."""
    if getattr(settings, "MOSHARAKA_RATE_LIMITS", {}) is None:
        return True
    count, period = limit_for(action)
    key = f"mosharaka:rate:{action}:{user_id}"
    cache.add(key, 0, timeout=period)
    try:
        current = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        current = 1
    return current <= count
