"""Consultation tests start with an empty cache (rate-limit counters live there). The fixtures
live in fixtures.py, a plugin every test directory gets; the names below are the ones other
directories' conftest files import from here."""

import pytest
from django.core.cache import cache

from .fixtures import (  # noqa: F401
    ROLES,
    consultation,
    consultation_index,
    first_paragraph,
    french_version,
    make_comment,
    make_consultation,
    role_user,
    window,
)


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()
