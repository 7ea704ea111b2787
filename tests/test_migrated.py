"""The migrated template kept between runs (tests/migrated.py) is reused only under the same key."""

from pathlib import Path

import pytest

from tests import migrated


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "app" / "migrations").mkdir(parents=True)
    (tmp_path / "app" / "migrations" / "0001_initial.py").write_text("operations = []\n")
    (tmp_path / "config" / "settings").mkdir(parents=True)
    (tmp_path / "config" / "settings" / "base.py").write_text("LANGUAGES = []\n")
    monkeypatch.setattr(migrated, "BASE_DIR", tmp_path)
    monkeypatch.delenv("MOSHARAKA_LANGUAGES", raising=False)
    return tmp_path


def test_the_key_follows_migrations_settings_and_environment(project, monkeypatch):
    first = migrated.template_key()
    assert migrated.template_key() == first  # the same files, the same key
    migration = project / "app" / "migrations" / "0002_more.py"
    migration.write_text("operations = ['x']\n")
    second = migrated.template_key()
    assert second != first
    (project / "config" / "settings" / "base.py").write_text("LANGUAGES = ['ar']\n")
    third = migrated.template_key()
    assert third != second
    monkeypatch.setenv("MOSHARAKA_LANGUAGES", "ar,fr")
    assert migrated.template_key() != third
    monkeypatch.delenv("MOSHARAKA_LANGUAGES")
    assert migrated.template_key() == third


def test_a_kept_template_is_copied_and_nothing_migrates(project, monkeypatch, tmp_path):
    runs: list[Path] = []

    def migrate(template: Path) -> None:
        runs.append(template)
        template.write_bytes(b"migrated " + migrated.template_key().encode())

    monkeypatch.setattr(migrated, "_migrate", migrate)
    first_run, second_run = tmp_path / "run1", tmp_path / "run2"
    first_run.mkdir()
    second_run.mkdir()
    migrated.migrated_copy(first_run, tmp_path / "a.sqlite3")
    migrated.migrated_copy(second_run, tmp_path / "b.sqlite3")
    assert len(runs) == 1  # the second run copied what the first one kept
    assert (tmp_path / "b.sqlite3").read_bytes() == (tmp_path / "a.sqlite3").read_bytes()

    (project / "app" / "migrations" / "0002_more.py").write_text("operations = ['x']\n")
    third_run = tmp_path / "run3"
    third_run.mkdir()
    migrated.migrated_copy(third_run, tmp_path / "c.sqlite3")
    assert len(runs) == 2  # a new migration: migrated again
    assert len(list(project.glob(".test-db-migrated-*.sqlite3"))) == 1  # the old one is gone


def test_the_browser_demo_is_kept_under_its_sources_and_day(project, monkeypatch, tmp_path):
    from tests.browser import demo_build

    monkeypatch.setattr(demo_build, "BASE_DIR", project)
    monkeypatch.setattr(demo_build, "SOURCES", ["app", "manage.py"])
    (project / "manage.py").write_text("print('manage')\n")
    key = demo_build.demo_key("2026-12-02")
    assert demo_build.demo_key("2026-12-03") != key  # dates in the demo follow its day
    (project / "app" / "demo.toml").write_text("title = 'x'\n")
    changed = demo_build.demo_key("2026-12-02")
    assert changed != key

    built = tmp_path / "built"
    built.mkdir()
    (built / "demo.sqlite3").write_bytes(b"demo")
    demo_build._keep(built, demo_build.kept_demo(changed))
    monkeypatch.setattr(demo_build, "demo_key", lambda today: changed)
    run = tmp_path / "next-run"
    run.mkdir()
    build = demo_build.DemoBuild(run)
    build.thread.join(timeout=10)
    assert (run / demo_build.BUILT).exists()
    assert (run / "demo.sqlite3").read_bytes() == b"demo"
    assert build.process is None  # copied: no load_demo ran
