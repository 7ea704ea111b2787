"""The page cache on, through a real shared backend: the file cache every worker of one server
shares (the embedded default) and Redis (REDIS_URL), each with a key prefix of its own."""

import uuid

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.consultations.conftest import (  # noqa: F401 (fixtures)
    consultation,
    consultation_index,
    make_comment,
    make_consultation,
    role_user,
)

REDIS_LOCATION = "redis://127.0.0.1:6379/15"


def _redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_LOCATION, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def backend_settings(kind: str, tmp_path) -> dict:
    if kind == "file":
        return {
            "BACKEND": "pagecache.filecache.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_LOCATION,
        "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }


@pytest.fixture(params=["file", "redis"])
def page_cache(request, settings, tmp_path):
    if request.param == "redis" and not _redis_up():
        pytest.skip("no Redis server on 127.0.0.1:6379 (CI and this machine have one)")
    settings.CACHES = {**django_settings.CACHES, "pages": backend_settings(request.param, tmp_path)}
    settings.MOSHARAKA_PAGE_CACHE = {
        **django_settings.MOSHARAKA_PAGE_CACHE,
        "ENABLED": True,
        "ALIAS": "pages",
    }
    from django.core.cache import caches

    cache = caches["pages"]
    yield cache
    if request.param == "redis":
        cache.delete_pattern("*")  # this test's prefix only: clear() would empty the database
    else:
        cache.clear()


def get(url: str, client: Client | None = None, **headers):
    """A GET by a new anonymous visitor (no cookies) unless a client is given."""
    return (client or Client()).get(url, headers=headers)


def state(response) -> str:
    return response.get("X-Page-Cache", "")
