"""One migrated SQLite database per test run, copied wherever a new one is needed.

Running the 250-odd migrations takes about 25 s of CPU, nearly all of it Django rendering model
states, and a run needed it three times at once on a two-core machine: each pytest-xdist worker
migrated its own test database and the browser tests' demo build migrated its own. Now the first
of them to need a migrated database runs `migrate` into the run's shared folder (the folder of
tests/browser/demo_build.py) while holding a file lock; the others wait on the lock and copy the
file. The copy is made by the same `migrate` under the test settings, so a test database is what
Django would have made, and Django then runs `migrate` on it as on any kept database (finding
nothing to do). The template lives for one run: a new run migrates again.

With `--reuse-db` (the default) a worker whose database is already there keeps it, as before.
PostgreSQL is untouched (its test databases are created by Django)."""

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
TEMPLATE = "migrated.sqlite3"


def migrated_copy(folder: Path, target: Path) -> None:
    """Copy the run's migrated database to `target`, migrating it first if no one has."""
    template = folder / TEMPLATE
    with open(folder / f"{TEMPLATE}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not template.exists():
            _migrate(template)
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
