"""A caching proxy in front is purged of a page, and of the pages that show it, on publishing.
The proxy here is a real HTTP server on loopback that records the PURGE requests it receives."""

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.actionplans.factories import commitment_page, english_home, index_page, plan_page

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    purged: list[tuple[str, str]] = []

    def do_PURGE(self):  # noqa: N802 (HTTP method name)
        Recorder.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Recorder.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    # Wagtail's own handlers, as its app connects them when installed (settings do it from the
    # environment; see test_settings_install_the_purging_app_from_the_environment).
    from wagtail.contrib.frontend_cache import signal_handlers
    from wagtail.models import get_page_models
    from wagtail.signals import page_published, page_unpublished

    signal_handlers.register_signal_handlers()
    yield Recorder.purged
    for model in get_page_models():
        page_published.disconnect(signal_handlers.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(signal_handlers.page_unpublished_signal_handler, sender=model)
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_and_the_pages_listing_it(
    proxy, django_capture_on_commit_callbacks
):
    index = index_page(english_home())
    plan = plan_page(index)
    new = commitment_page(plan, "C7", title="Participatory audit", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        new.save_revision().publish()
    paths = {path for _, path in proxy}
    assert "/en/programmes/plan/c7/" in paths
    assert {"/en/programmes/plan/", "/en/programmes/"} <= paths


def test_settings_install_the_purging_app_from_the_environment():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings.base';"
        "from django.conf import settings;"
        "print('wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS,"
        " settings.WAGTAILFRONTENDCACHE.get('proxy', {}).get('LOCATION'))"
    )
    environment = {**os.environ, "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081"}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    with_proxy = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    assert with_proxy.stdout.split() == ["True", "http://127.0.0.1:6081"]
    environment.pop("FRONTEND_CACHE_PURGE_URL")
    without = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    assert without.stdout.split() == ["False", "None"]
