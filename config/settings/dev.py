"""Local development and the demo: SQLite, console email, debug on."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-mosharaka"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS + ["testserver"]  # noqa: F405
# The demo's links built without a request (API html_url, emails from the worker) follow the
# port it is served on (`PORT=8765 make demo`).
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
)
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ne-pas-repondre@demo.mosharaka.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# runserver serves static files from the app and project folders; WhiteNoise is for production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
# `make demo` runs with DEBUG off (visitors see the site's own error pages, in their language),
# so runserver --insecure serves static files and the URLconf serves uploads.
MOSHARAKA_SERVE_MEDIA = True
