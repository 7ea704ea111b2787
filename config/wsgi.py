import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Anonymous visitors' cached pages are answered before Django's request handling.
from pagecache.wsgi import CachedPages  # noqa: E402 (needs the settings above)

application = CachedPages(application)
