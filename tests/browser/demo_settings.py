"""The settings of the browser tests' demo: `make demo`'s (config.settings.dev) with the test
suite's password hasher. The demo's accounts are then hashed as the test settings check them
(tests/demodb.py copies this demo into the test database), and each sign-in through the
browser costs microseconds instead of the hundreds of milliseconds PBKDF2 is made to take."""

from config.settings.dev import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
