"""Browser tests: Playwright drives Debian's Chromium against the demo site served by a real
server process, exactly as `make demo` serves it, on a database of its own (so the test suite's
database is never flushed). Emails the server sends are written to files the tests can read."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from . import demo_build
from .demo_build import demo_env, demo_workdir, is_browser_test, wait_for_demo

# Debian's headless shell of Chromium: the same Blink as the full browser without its window
# layer, as Playwright runs Chromium headless; it takes half the CPU of `chromium --headless`
# for the same tests. CHROMIUM_PATH=/usr/bin/chromium runs them in the full browser.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium-headless-shell")
AXE = Path(settings.BASE_DIR, "node_modules", "axe-core", "axe.min.js")


def _is_browser_test(item) -> bool:
    return is_browser_test(item.nodeid)


def pytest_collection_modifyitems(config, items):
    """Browser tests are marked and run after the others, so that the demo site they need is
    built in the background (tests/browser/demo_build.py) meanwhile: last in one process; under
    xdist after the first third, so that no worker is left with them alone at the end."""
    browser = [item for item in items if _is_browser_test(item)]
    demo_build.expected = bool(browser)
    for item in browser:
        item.add_marker(pytest.mark.browser)
    others = [item for item in items if not _is_browser_test(item)]
    at = len(others) // 3 if hasattr(config, "workerinput") else len(others)
    items[:] = others[:at] + browser + others[at:]  # each keeps its order


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoServer:
    def __init__(self, url: str, mail_dir: Path, env: dict):
        self.url = url
        self.mail_dir = mail_dir
        self.env = env

    def manage(self, *args: str, env: dict | None = None) -> str:
        """Run a management command against the demo server's database."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def submit(self, page, button, status: int = 200) -> None:
        """Click a form's button and wait for the page it leads to (after any redirect); another
        status than the expected one fails with the address and the end of the server's log,
        not with a later locator timeout. A refused form answers 400."""
        with page.expect_navigation() as navigation:
            button.click()
        response = navigation.value
        if response is None or response.status != status:
            status = response.status if response else "no response"
            log = (self.mail_dir.parent / "server.log").read_text()[-3000:]
            pytest.fail(f"{status} at {page.url}:\n{log}")

    def sent_mail(self) -> list[str]:
        if not self.mail_dir.exists():
            return []
        return [path.read_text() for path in sorted(self.mail_dir.iterdir())]


def server_copy(built: Path) -> Path:
    """A folder of this worker's own with a copy of the built demo (database and uploads): the
    server writes (comments, sign-ups, emails) to its copy, and the kept build stays as built
    (were the browser tests spread over several xdist workers, each would serve its own)."""
    folder = built / f"server-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    shutil.copyfile(built / "demo.sqlite3", folder / "demo.sqlite3")
    if (built / "media").exists():
        shutil.copytree(built / "media", folder / "media")
    return folder


@pytest.fixture(scope="session")
def demo_server():
    built = demo_workdir()
    wait_for_demo(built)
    workdir = server_copy(built)
    env = demo_env(workdir)
    port = _free_port()
    server = DemoServer(f"http://127.0.0.1:{port}", workdir / "mail", env)
    log = open(workdir / "server.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR,
        env={**env, "PYTHONUNBUFFERED": "1"},  # the log is read when a test fails
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    # The task worker beside the server, as `make demo` runs it: it sends the emails.
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(server.url + "/fr/", timeout=2)  # noqa: S310
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                worker.kill()
                log.close()
                server_log = (workdir / "server.log").read_text()[-3000:]
                pytest.fail(f"The demo server did not start:\n{server_log}")
            time.sleep(0.3)
    yield server
    for child in (process, worker):
        child.terminate()
        child.wait(timeout=10)
    log.close()


class Chromium:
    """One Chromium for a worker's run of browser tests, and one context for each set of
    options (locale, viewport...). The browser tests run as one unit on one xdist worker
    (tests/scheduling.py), so Chromium starts once per run instead of once per module, and its
    contexts keep their HTTP cache (style sheets, scripts and fonts are fetched once, as a
    returning visitor's browser does). Each test gets a page of its own, and its cookies are
    cleared after it, so no test starts signed in. (The site keeps nothing in local or
    session storage.)

    Playwright's sync API runs an event loop while it is open, and Django refuses database
    queries under one: Chromium is closed after the last browser test of a run of them, before
    any other test runs on the same worker (`pytest_runtest_teardown` below)."""

    ARGS = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]

    def __init__(self):
        self._playwright = None
        self._browser = None
        self._contexts: dict[str, object] = {}

    def browser(self):
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            if not Path(CHROMIUM).exists():
                pytest.fail(f"Browser tests need Chromium at {CHROMIUM}: run `make browser-deps`.")
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=CHROMIUM, args=self.ARGS
            )
        return self._browser

    def context(self, **options):
        key = repr(sorted(options.items()))
        if key not in self._contexts:
            self._contexts[key] = self.browser().new_context(**options)
        return self._contexts[key]

    def close(self) -> None:
        if self._browser is not None:
            for context in self._contexts.values():
                context.close()
            self._browser.close()
            self._playwright.stop()
        self._playwright, self._browser, self._contexts = None, None, {}


_chromium = Chromium()


@pytest.hookimpl(trylast=True)  # after the test's fixtures are torn down
def pytest_runtest_teardown(item, nextitem):
    if nextitem is None or not _is_browser_test(nextitem):
        _chromium.close()


@pytest.fixture
def browser_page():
    """Opens a new page in the shared context with the options given; the context's cookies
    are cleared after the test."""
    opened = []

    def open_page(**options):
        context = _chromium.context(**options)
        page = context.new_page()
        opened.append((context, page))
        return page

    yield open_page
    for context, page in opened:
        page.close()
        context.clear_cookies()


@pytest.fixture
def page(browser_page):
    return browser_page(locale="fr-FR")


@pytest.fixture(scope="session")
def axe_audit():
    """Run axe-core (WCAG 2.1 A and AA rules) on the current page; return the violations."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (or `make browser-deps`).")
    source = AXE.read_text()

    def audit(page) -> list[dict]:
        page.evaluate(source)
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                resultTypes: ['violations']
            })"""
        )
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]

    return audit
