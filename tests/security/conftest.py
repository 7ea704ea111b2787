"""The security suite uses the consultation fixtures (a plugin every directory gets) and, like
the consultation tests, starts each test with an empty cache (rate-limit counters live there)."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()
