"""Rate limits hold across app servers: two cache clients of their own (two app servers) on one
real Redis count together, so a limit of N is reached by N/2 requests through each. Redis runs
here and in CI on 127.0.0.1:6379 (REDIS_TEST_URL to point elsewhere); the keys live in a
database and under a prefix of this test's own, deleted afterwards."""

import os
import uuid
from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings

from consultations.models import Comment

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/12")
PREFIX = f"mosharaka-shared-limits-{uuid.uuid4().hex}"
PASSWORD = "pass-for-tests-123"


def redis_unreachable() -> str:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as error:  # noqa: BLE001 - any failure means: no Redis to test against
        return f"Redis unreachable at {REDIS_URL}: {error}"
    return ""


UNREACHABLE = redis_unreachable()
needs_redis = pytest.mark.skipif(bool(UNREACHABLE), reason=UNREACHABLE)

REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": PREFIX,
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }
}


class AppServers:
    """Two cache backends, each with its own client and connection pool as two app servers
    have; `server(i)` makes one of them the default cache for what runs inside."""

    def __init__(self, backends: list):
        self.backends = backends

    @contextmanager
    def server(self, index: int):
        previous = caches["default"]
        caches["default"] = self.backends[index]
        try:
            yield
        finally:
            caches["default"] = previous

    def forget(self):
        """Delete this test's keys (the limits' time has passed)."""
        redis = self.backends[0].client.get_client()
        for key in redis.scan_iter(match=f"{PREFIX}:*"):
            redis.delete(key)


@pytest.fixture
def redis_servers():
    with override_settings(CACHES=REDIS):
        servers = AppServers([caches.create_connection("default") for _ in range(2)])
        assert servers.backends[0].client is not servers.backends[1].client
        yield servers
        servers.forget()
        for backend in servers.backends:
            backend.close()


def post_comments(client, page, servers, per_server: int) -> list[int]:
    statuses = []
    for n in range(per_server):
        for index in (0, 1):
            with servers.server(index):
                response = client.post(
                    f"/fr/comments/new/{page.pk}/", {"body": f"Avis {index}-{n}"}
                )
            statuses.append(response.status_code)
    return statuses


@needs_redis
@override_settings(MOSHARAKA_RATE_LIMITS={"comment": (4, 600), "report": (20, 3600)})
def test_the_comment_limit_is_shared_by_two_app_servers(
    client, consultation, make_user, redis_servers
):
    client.force_login(make_user())
    assert post_comments(client, consultation, redis_servers, per_server=2) == [302] * 4
    for index in (0, 1):
        with redis_servers.server(index):
            response = client.post(f"/fr/comments/new/{consultation.pk}/", {"body": "Encore"})
        assert response.status_code == 429
    assert Comment.objects.count() == 4


@override_settings(MOSHARAKA_RATE_LIMITS={"comment": (4, 600), "report": (20, 3600)})
def test_per_process_caches_would_let_twice_the_limit_through(client, consultation, make_user):
    """The control: two servers counting in their own memory each allow N (the test above
    would fail with them)."""
    client.force_login(make_user())
    servers = AppServers([LocMemCache(f"server-{uuid.uuid4().hex}", {}) for _ in range(2)])
    assert post_comments(client, consultation, servers, per_server=4) == [302] * 8


@needs_redis
@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "100/m/ip,4/5m/key"})
def test_failed_sign_ins_are_counted_across_two_app_servers(
    client, make_user, locales, redis_servers
):
    make_user(username="amina", email="amina@example.org")

    def sign_in(index: int, password: str) -> bool:
        with redis_servers.server(index):
            client.post("/fr/account/login/", {"login": "amina@example.org", "password": password})
        return "_auth_user_id" in client.session

    for index in (0, 1, 0, 1):  # two wrong passwords through each server
        assert not sign_in(index, "wrong-password")
    # Four failures for this account in all: the right password is refused on both servers.
    assert not sign_in(0, PASSWORD)
    assert not sign_in(1, PASSWORD)
    redis_servers.forget()
    assert sign_in(1, PASSWORD)
