"""One migrated SQLite database per test run, copied wherever a new one is needed.

Running the 250-odd migrations takes about 25 s of CPU, nearly all of it Django rendering model
states, and a run needed it three times at once on a two-core machine: each pytest-xdist worker
migrated its own test database and the browser tests' demo build migrated its own. Now the first
of them to need a migrated database runs `migrate` into the run's shared folder (the folder of
tests/browser/demo_build.py) while holding a file lock; the others wait on the lock and copy the
file. The copy is made by the same `migrate` under the test settings, so a test database is what
Django would have made, and Django then runs `migrate` on it as on any kept database (finding
nothing to do). The template lives for one run: a new run migrates again.

The migrated template is also kept between runs, beside the kept test databases
(`.test-db-migrated-<key>.sqlite3`), under a key made of everything a migration's result depends
on: every migration file of the project, the settings, the `MOSHARAKA_*` environment and the
installed packages' versions (theirs ship their own migrations). A run whose key is kept copies
it and migrates nothing; a changed migration, setting or package makes a new key, and the run
migrates again (the old file is then removed).

With `--reuse-db` (the default) a worker whose database is already there keeps it, as before.
PostgreSQL is untouched (its test databases are created by Django)."""

import fcntl
import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
TEMPLATE = "migrated.sqlite3"


def template_key() -> str:
    """A digest of what the migrated schema and its data migrations' rows depend on."""
    digest = hashlib.sha256()
    sources = [
        path
        for top in sorted(BASE_DIR.iterdir())
        if top.is_dir() and not top.name.startswith(".") and top.name != "node_modules"
        for path in sorted(top.rglob("migrations/*.py"))
    ]
    for path in sources + sorted((BASE_DIR / "config" / "settings").glob("*.py")):
        digest.update(path.relative_to(BASE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    for name in sorted(os.environ):
        if name.startswith("MOSHARAKA_"):
            digest.update(f"{name}={os.environ[name]}\0".encode())
    versions = {
        (dist.metadata["Name"] or "").lower(): dist.version
        for dist in importlib.metadata.distributions()
    }
    digest.update(repr(sorted(versions.items())).encode())
    return digest.hexdigest()[:16]


def kept_template(key: str) -> Path:
    return BASE_DIR / f".test-db-migrated-{key}.sqlite3"


def migrated_copy(folder: Path, target: Path) -> None:
    """Copy the run's migrated database to `target`, migrating it first if no one has (in this
    run or, with the same key, in an earlier one)."""
    template = folder / TEMPLATE
    with open(folder / f"{TEMPLATE}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not template.exists():
            kept = kept_template(template_key())
            if kept.exists():
                shutil.copyfile(kept, template)
            else:
                _migrate(template)
                _keep(template, kept)
    for stale in (target, Path(f"{target}-journal"), Path(f"{target}-wal")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(template, target)


def _migrate(template: Path) -> None:
    building = template.with_suffix(".building")
    building.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{building}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--run-syncdb", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"migrate failed for the test database template:\n{result.stderr}")
    building.rename(template)  # whole or not at all: a waiting process never copies half


def _keep(template: Path, kept: Path) -> None:
    """Keep the template for later runs, in place of any kept under another key."""
    for stale in BASE_DIR.glob(".test-db-migrated-*.sqlite3"):
        stale.unlink(missing_ok=True)
    partial = kept.with_suffix(f".{os.getpid()}.partial")
    shutil.copyfile(template, partial)
    partial.rename(kept)  # another run never copies half of it
