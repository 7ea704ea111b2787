"""Deployment check: rate limits (allauth's sign-in and sign-up limits, comments, reports) are
counted in the default cache, which must be shared by every app server process."""

from django.conf import settings
from django.core import checks

PER_PROCESS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.security, deploy=True)
def rate_limits_are_shared(app_configs=None, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS:
        return [
            checks.Warning(
                "Rate limits are counted in a per-process cache: with several app server "
                "processes each counts alone, so the limits multiply.",
                hint="Set REDIS_URL so that every process shares one cache (Redis).",
                id="accounts.W001",
            )
        ]
    return []
