"""Local development and the demo: SQLite, console email, debug on."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-mosharaka"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS + ["testserver"]  # noqa: F405

# runserver serves static files from the app and project folders; WhiteNoise is for production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
