"""Browser tests: Playwright drives Debian's Chromium against the demo site served by a real
server process, exactly as `make demo` serves it, on a database of its own (so the test suite's
database is never flushed). Emails the server sends are written to files the tests can read."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = Path(settings.BASE_DIR, "node_modules", "axe-core", "axe.min.js")


def _is_browser_test(item) -> bool:
    return "tests/browser/" in str(item.fspath)


def pytest_collection_modifyitems(items):
    """Browser tests are marked and run last, so that the demo site they need is built in the
    background while the other tests run."""
    for item in items:
        if _is_browser_test(item):
            item.add_marker(pytest.mark.browser)
    items.sort(key=_is_browser_test)  # stable: each group keeps its order


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

    def sent_mail(self) -> list[str]:
        if not self.mail_dir.exists():
            return []
        return [path.read_text() for path in sorted(self.mail_dir.iterdir())]


class DemoBuild:
    """`migrate` then `load_demo` on the demo's own database, started in the background as
    soon as the session's tests are known (when browser tests are among them)."""

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="mosharaka-demo-"))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": f"sqlite:///{self.workdir / 'demo.sqlite3'}",
            "MEDIA_ROOT": str(self.workdir / "media"),
            "CACHE_DIR": str(self.workdir / "cache"),  # its own page cache, as on a new server
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.workdir / "mail"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DEBUG": "true",
        }
        self.log_path = self.workdir / "build.log"
        self.process: subprocess.Popen | None = None
        self.failed = False
        self.stopped = False
        self.thread = threading.Thread(target=self._build, daemon=True)
        self.thread.start()

    def _build(self):
        with open(self.log_path, "w") as log:
            steps = [
                (("migrate", "--noinput", "-v0"), {}),
                (("load_demo",), {"TASKS_BACKEND": IMMEDIATE_TASKS}),
            ]
            for command, env in steps:
                if self.stopped:
                    return
                self.process = subprocess.Popen(
                    [sys.executable, "manage.py", *command],
                    cwd=settings.BASE_DIR,
                    env={**self.env, **env},
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
                if self.process.wait() != 0:
                    self.failed = True
                    return

    def wait(self):
        self.thread.join()
        if self.failed:
            pytest.fail(f"Building the demo failed:\n{self.log_path.read_text()[-3000:]}")

    def stop(self):
        self.stopped = True
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
        self.thread.join(timeout=10)


_demo_build: DemoBuild | None = None


def pytest_collection_finish(session):
    global _demo_build
    if any(_is_browser_test(item) for item in session.items):
        _demo_build = DemoBuild()


def pytest_sessionfinish(session):
    if _demo_build is not None:
        _demo_build.stop()
        shutil.rmtree(_demo_build.workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def demo_server():
    build = _demo_build or DemoBuild()
    build.wait()
    port = _free_port()
    server = DemoServer(f"http://127.0.0.1:{port}", build.workdir / "mail", build.env)
    log = open(build.workdir / "server.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR,
        env=build.env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    # The task worker beside the server, as `make demo` runs it: it sends the emails.
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"],
        cwd=settings.BASE_DIR,
        env=build.env,
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
                server_log = (build.workdir / "server.log").read_text()[-3000:]
                pytest.fail(f"The demo server did not start:\n{server_log}")
            time.sleep(0.3)
    yield server
    for child in (process, worker):
        child.terminate()
        child.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Browser tests need Chromium at {CHROMIUM}: run `make browser-deps`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


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
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
            })"""
        )
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]

    return audit
