"""The demo site the browser tests drive, built in the background: `load_demo` on a copy of the
run's migrated database (tests/migrated.py), started as soon as the run is known to include
browser tests, so that it is ready when they start. tests/conftest.py registers this module as a
plugin, so that its hooks also run in pytest-xdist's controller process: there (it runs no test)
the build starts when the workers report their collection, and each worker that runs browser
tests waits for it, then serves a copy of it (tests/browser/conftest.py). Without xdist the
test process builds it in a thread. The build's folder is passed to the workers, which make
their own test databases from the same migrated copy.

The built demo is kept between runs (`.test-demo-<key>/`, beside the kept test databases), under
a key made of the migrated database's key, the day and every file of the project outside the
tests: a run on the same day with the same sources copies it instead of building it again."""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.utils import timezone

from tests.migrated import migrated_copy, template_key

IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"
BASE_DIR = Path(__file__).resolve().parents[2]
WORKDIR_KEY = "mosharaka_browser_demo"
BUILT, FAILED = "built", "failed"
DAY = "day"  # the day the demo is loaded for
# What the demo is built from (tests/ is not: the tests never change what the demo holds).
SOURCES = [
    "accounts",
    "actionplans",
    "config",
    "consultations",
    "home",
    "locale",
    "pagecache",
    "search",
    "static",
    "templates",
    "manage.py",
    "pyproject.toml",
    "tests/browser/demo_build.py",  # the build's environment (demo_env)
    "tests/browser/demo_settings.py",
]

_workdir: Path | None = None
_build: "DemoBuild | None" = None
#: Whether this run builds the demo (it includes browser tests): set in every process of the
#: run by tests/browser/conftest.py, for tests/demodb.py.
expected = False


#: The unit of work of all the browser tests in the xdist scheduler (tests/scheduling.py).
BROWSER_UNIT = "browser"


def is_browser_test(nodeid: str) -> bool:
    """For a test's node id, or for a unit of work of the scheduler (tests/scheduling.py)."""
    return nodeid.startswith("tests/browser/") or nodeid == BROWSER_UNIT


def demo_env(workdir: Path) -> dict:
    """The environment of the demo's commands and server: `make demo`'s settings on the build's
    own database, media, page cache and mail folder."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.demo_settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "CACHE_DIR": str(workdir / "cache"),  # its own page cache, as on a new server
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(workdir / "mail"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "false",  # as `make demo` serves it (runserver --insecure for static files)
    }


def demo_workdir() -> Path:
    assert _workdir is not None
    return _workdir


def wait_for_demo(workdir: Path, timeout: float = 900) -> None:
    """Block until the build has finished (the demo server fixture calls this)."""
    deadline = time.monotonic() + timeout
    while not (workdir / BUILT).exists():
        if (workdir / FAILED).exists():
            log = (workdir / "build.log").read_text()[-3000:]
            pytest.fail(f"Building the demo failed:\n{log}")
        if time.monotonic() > deadline:
            pytest.fail(f"Building the demo took more than {timeout:.0f} s")
        time.sleep(0.2)


class DemoBuild:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.env = demo_env(workdir)
        self.process: subprocess.Popen | None = None
        self.stopped = False
        self.thread = threading.Thread(target=self._build, daemon=True)
        self.thread.start()

    def _build(self):
        today = timezone.localdate().isoformat()  # the day tests/demodb.py loads for
        (self.workdir / DAY).write_text(today)
        kept = kept_demo(demo_key(today))
        if (kept / BUILT).exists():  # an earlier run built this demo from the same sources
            shutil.copyfile(kept / "demo.sqlite3", self.workdir / "demo.sqlite3")
            shutil.copytree(kept / "media", self.workdir / "media", dirs_exist_ok=True)
            (self.workdir / BUILT).touch()
            return
        steps = [(("load_demo", "--today", today), {"TASKS_BACKEND": IMMEDIATE_TASKS})]
        with open(self.workdir / "build.log", "w") as log:
            try:  # the run's migrated database, made once for the test databases and this one
                migrated_copy(self.workdir, self.workdir / "demo.sqlite3")
            except RuntimeError as error:
                log.write(str(error))
                (self.workdir / FAILED).touch()
                return
            for command, env in steps:
                if self.stopped:
                    return
                self.process = subprocess.Popen(
                    [sys.executable, "manage.py", *command],
                    cwd=BASE_DIR,
                    env={**self.env, **env},
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
                if self.process.wait() != 0:
                    (self.workdir / FAILED).touch()
                    return
        _keep(self.workdir, kept)
        (self.workdir / BUILT).touch()

    def stop(self):
        self.stopped = True
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
        self.thread.join(timeout=10)


def built_day(workdir: Path) -> str | None:
    """The day the demo in ``workdir`` was loaded for (YYYY-MM-DD)."""
    try:
        return (workdir / DAY).read_text()
    except OSError:
        return None


def demo_key(today: str) -> str:
    """A digest of what the built demo depends on: the migrated database's key
    (tests/migrated.py), the day it is loaded for, and every file of the project outside the
    tests (code, data files, templates, catalogues)."""
    digest = hashlib.sha256(f"{template_key()} {today}".encode())
    for top in SOURCES:
        paths = [BASE_DIR / top] if (BASE_DIR / top).is_file() else (BASE_DIR / top).rglob("*")
        for path in sorted(paths):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(BASE_DIR).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def kept_demo(key: str) -> Path:
    return BASE_DIR / f".test-demo-{key}"


def _keep(workdir: Path, kept: Path) -> None:
    """Keep the built demo (database and uploads) for later runs, in place of older ones; a
    folder is complete once it holds the BUILT mark, which is written last."""
    for stale in BASE_DIR.glob(".test-demo-*"):
        shutil.rmtree(stale, ignore_errors=True)
    (workdir / "media").mkdir(exist_ok=True)
    kept.mkdir()
    shutil.copyfile(workdir / "demo.sqlite3", kept / "demo.sqlite3")
    shutil.copytree(workdir / "media", kept / "media", dirs_exist_ok=True)
    (kept / BUILT).touch()


def _start_if_needed(nodeids) -> None:
    global _build
    if _build is None and any(is_browser_test(nodeid) for nodeid in nodeids):
        _build = DemoBuild(demo_workdir())


def pytest_configure(config):
    global _workdir
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None and WORKDIR_KEY in workerinput:
        _workdir = Path(workerinput[WORKDIR_KEY])
    else:
        _workdir = Path(tempfile.mkdtemp(prefix="mosharaka-demo-"))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    node.workerinput[WORKDIR_KEY] = str(demo_workdir())


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    _start_if_needed(ids)


def pytest_collection_finish(session):
    if not hasattr(session.config, "workerinput"):  # a run without xdist
        _start_if_needed(item.nodeid for item in session.items)


def pytest_unconfigure(config):
    if hasattr(config, "workerinput"):
        return  # the folder belongs to the controller
    if _build is not None:
        _build.stop()
    if _workdir is not None:
        shutil.rmtree(_workdir, ignore_errors=True)
