"""The commitment summary the search facets read (civil society's latest status, the
disagreement flag) stays equal to what the positions say after every service that writes a
position, and the migration fills it from the positions already recorded."""

from importlib import import_module

import pytest
from django.apps import apps

from actionplans.monitoring import services, summary
from actionplans.monitoring.bulk import add_reports
from actionplans.monitoring.models import CommitmentSummary, ProgressReport
from tests.actionplans.factories import commitment_page

from .helpers import assessment, official


def stored() -> dict:
    return {
        row.commitment_key: (row.civil_society_status, row.disagreement)
        for row in CommitmentSummary.objects.all()
    }


@pytest.fixture
def voices(world, role_user, accredit):
    editor, cso, moderator = role_user("editor"), role_user("cso_member"), role_user("moderator")
    accredit([cso])
    return {"editor": editor, "cso": cso, "moderator": moderator}


def test_each_write_keeps_the_summary_right(world, voices):
    c1 = world["commitment"]
    c2 = commitment_page(world["plan"], "C2", title="Budget C2")
    key1, key2 = c1.translation_key, c2.translation_key
    official(voices["editor"], c1, status="in_progress")
    assert stored() == {}  # the council alone: nothing for these facets
    first = assessment(voices["cso"], c1, status="on_track")
    assert stored() == {key1: ("on_track", False)} == summary.summaries()
    official(voices["editor"], c1, status="delayed")  # the council changes its mind
    assert stored() == {key1: ("on_track", True)}
    step = c2.milestones.first()
    official(voices["editor"], c2, milestone=step, status="in_progress")
    hidden = assessment(voices["cso"], c2, milestone=step, status="off_track")
    assert stored() == {key1: ("on_track", True), key2: ("off_track", True)}
    services.hide_report(user=voices["moderator"], report=hidden, reason="Hors sujet")
    assert stored() == {key1: ("on_track", True)}
    assessment(voices["cso"], c1, status="cso_delayed", corrects=first)
    assert stored() == {key1: ("cso_delayed", False)} == summary.summaries()


def test_bulk_reports_keep_the_summary_right(world, voices):
    for n in range(3):
        page = commitment_page(world["plan"], f"D{n}", title=f"Budget D{n}")
        add_reports(
            page,
            world["plan"],
            12,
            author=voices["editor"],
            official_by=world["lead"],
            civil_society_by=world["cso"],
        )
    assert ProgressReport.objects.filter(kind="civil_society").exists()
    assert stored() == summary.summaries()
    assert stored()


def test_the_migration_fills_the_summary_from_the_positions(world, voices):
    migration = import_module("actionplans.monitoring.migrations.0007_commitment_summary")
    c1 = world["commitment"]
    c2 = commitment_page(world["plan"], "C2", title="Budget C2")
    official(voices["editor"], c1, status="delayed")
    assessment(voices["cso"], c1, status="on_track")
    assessment(voices["cso"], c2, status="off_track")
    expected = {c1.translation_key: ("on_track", True), c2.translation_key: ("off_track", False)}
    assert stored() == expected
    CommitmentSummary.objects.all().delete()
    CommitmentSummary.objects.create(commitment_key=world["plan"].translation_key)  # stale
    migration.fill(apps, None)
    assert stored() == expected
