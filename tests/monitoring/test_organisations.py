"""Civil society speaks with one voice per organisation: each accredited organisation's latest
visible assessment is shown beside the council's report, named and dated, with its own
disagreement flag, on the commitment page (per item) and on the dashboard."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Membership
from actionplans.monitoring import services
from actionplans.monitoring.bulk import add_reports
from actionplans.monitoring.models import Position, ProgressReport
from tests.actionplans.factories import organisation

from .helpers import assessment, official


@pytest.fixture
def voices(world, role_user, accredit, make_user):
    """The council's editor and members of two accredited organisations."""
    first = role_user("cso_member")
    accredit([first])
    second_organisation = organisation("Citizens' watch", language="en", kind="cso")
    second = make_user()
    Membership.objects.create(user=second, organisation=second_organisation)
    accredit([second], organisation=second_organisation)
    return {
        "editor": role_user("editor"),
        "moderator": role_user("moderator"),
        "first": first,
        "second": second,
        "second_organisation": second_organisation,
    }


def position_rows(html: str) -> list[str]:
    """The text of each organisation's cell in the positions table, with its row's classes."""
    table = html[html.index('class="mon-positions"') : html.index("</table>")]
    rows = re.findall(r'<tr class="([^"]*)">(.*?)</tr>', table, re.S)
    cells = []
    for classes, row in rows:
        cell = re.search(r'<td class="mon-cso">(.*?)</td>\s*<td>(.*?)</td>', row, re.S)
        text = re.sub(r"<[^>]+>", " ", cell.group(1) + " | " + cell.group(2))
        cells.append(f"{classes.strip()} :: {' '.join(text.split())}")
    return cells


def whole_commitment_rows(html: str) -> list[str]:
    """The rows of the positions table's first item (the whole commitment)."""
    table = html[html.index('class="mon-positions"') : html.index("</table>")]
    first_item = table.split("<tbody>")[1].split("</tbody>")[0]
    return position_rows('class="mon-positions"' + first_item + "</table>")


def test_two_organisations_with_different_positions_are_both_shown(client, world, voices):
    commitment = world["commitment"]
    official(voices["editor"], commitment, status="in_progress", percent=50)
    assessment(voices["first"], commitment, status="off_track", narrative="Rien ne bouge")
    assessment(voices["second"], commitment, status="on_track", narrative="Ça avance")
    rows = whole_commitment_rows(client.get(commitment.url).content.decode())
    assert len(rows) == 2, rows
    by_name = {("Citizens" if "Citizens" in r else "Transparency"): r for r in rows}
    assert "Off track" in by_name["Transparency"] and "Disagreement" in by_name["Transparency"]
    assert by_name["Transparency"].startswith("mon-row--disagree")
    assert "On track" in by_name["Citizens"] and "Consistent" in by_name["Citizens"]
    assert not by_name["Citizens"].startswith("mon-row--disagree")
    today = timezone.localdate()
    assert all(str(today.year) in row for row in rows)  # each dated


def test_each_milestone_has_one_row_per_organisation(client, world, voices):
    commitment = world["commitment"]
    milestone = commitment.milestones.first()
    official(voices["editor"], commitment, milestone=milestone, status="delayed", percent=20)
    assessment(voices["first"], commitment, milestone=milestone, status="cso_delayed")
    assessment(voices["second"], commitment, milestone=milestone, status="on_track")
    html = client.get(commitment.url).content.decode()
    cells = position_rows(html)
    milestone_rows = [c for c in cells if "Delayed" in c or "On track" in c]
    assert len(milestone_rows) == 2, cells
    assert any("Transparency" in c and "Consistent" in c for c in milestone_rows)
    assert any("Citizens" in c and "Disagreement" in c for c in milestone_rows)
    assert "disagree on 1 item." in html


def test_an_organisations_latest_assessment_does_not_replace_anothers(world, voices):
    commitment = world["commitment"]
    assessment(voices["first"], commitment, status="off_track")
    assessment(voices["second"], commitment, status="on_track")
    statuses = set(
        Position.objects.filter(
            target_key=commitment.translation_key, kind="civil_society"
        ).values_list("status", flat=True)
    )
    assert statuses == {"off_track", "on_track"}


def test_a_hidden_assessment_does_not_count(client, world, voices):
    commitment = world["commitment"]
    older = timezone.localdate() - timedelta(days=5)
    assessment(voices["first"], commitment, status="on_track", reported_on=older)
    newer = assessment(voices["first"], commitment, status="off_track", narrative="À masquer")
    hidden_only = assessment(voices["second"], commitment, status="cso_completed")
    for report in (newer, hidden_only):
        services.hide_report(user=voices["moderator"], report=report, reason="Hors sujet")
    rows = whole_commitment_rows(client.get(commitment.url).content.decode())
    assert len(rows) == 1, rows
    assert "Transparency" in rows[0] and "On track" in rows[0]
    assert "Citizens" not in " ".join(rows)


def test_a_correction_replaces_the_assessment_it_corrects(client, world, voices):
    commitment = world["commitment"]
    first = assessment(voices["first"], commitment, status="off_track")
    assessment(voices["second"], commitment, status="cso_delayed")
    # Dated before the report it corrects: the correction still replaces it.
    assessment(
        voices["first"],
        commitment,
        status="on_track",
        corrects=first,
        reported_on=timezone.localdate() - timedelta(days=3),
    )
    rows = whole_commitment_rows(client.get(commitment.url).content.decode())
    assert len(rows) == 2, rows
    transparency = next(r for r in rows if "Transparency" in r)
    assert "On track" in transparency and "Off track" not in transparency
    assert any("Citizens" in r and "Delayed" in r for r in rows)


def test_organisations_are_named_in_the_readers_language(client, world, voices):
    from wagtail.models import Locale

    cso = world["cso"]
    french = cso.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.name = "Association pour la transparence"
    french.save()
    french_commitment = world["commitment"].copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True
    )
    french_commitment.save_revision().publish()
    assessment(voices["first"], world["commitment"], status="off_track")
    html = client.get(french_commitment.url).content.decode()
    assert "Association pour la transparence" in html


def test_dashboard_shows_each_organisations_assessment(client, world, voices):
    commitment = world["commitment"]
    official(voices["editor"], commitment, status="in_progress", percent=50)
    assessment(voices["first"], commitment, status="off_track")
    assessment(voices["second"], commitment, status="on_track")
    html = client.get(f"/en/monitoring/plans/{world['plan'].pk}/").content.decode()
    cell = re.search(r'<ul class="mon-voices">(.*?)</ul>', html, re.S).group(1)
    assert "Transparency association" in cell and "Off track" in cell
    assert "Citizen" in cell and "On track" in cell
    assert cell.count("Disagreement") == 1


@pytest.mark.parametrize("url_of", ["commitment", "dashboard"])
def test_queries_do_not_grow_with_organisations_and_reports(
    client, world, voices, accredit, url_of
):
    url = (
        world["commitment"].url
        if url_of == "commitment"
        else f"/en/monitoring/plans/{world['plan'].pk}/"
    )
    organisations = [world["cso"], voices["second_organisation"]]

    def grow(count: int) -> None:
        add_reports(
            world["commitment"],
            world["plan"],
            count,
            author=voices["editor"],
            official_by=world["lead"],
            civil_society_by=organisations,
        )

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    grow(12)
    client.get(url)  # warm the per-process caches (sites, content types)
    few = queries()
    for n in range(6):
        extra = organisation(f"Observatoire {n}", language="en", kind="cso")
        accredit([], organisation=extra)
        organisations.append(extra)
    grow(1000)
    assert Position.objects.filter(kind="civil_society").count() == 3 * len(organisations)
    assert ProgressReport.objects.count() > 1000
    assert queries() == few


def test_the_migration_gives_each_organisation_its_position(world, voices):
    """Positions written before (one per item, the latest from any organisation) become one
    per organisation: each its latest published, uncorrected assessment."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("actionplans.monitoring.migrations.0006_positions_per_organisation")
    commitment = world["commitment"]
    older = timezone.localdate() - timedelta(days=4)
    first = assessment(voices["first"], commitment, status="off_track", reported_on=older)
    correction = assessment(
        voices["first"], commitment, status="cso_delayed", corrects=first, reported_on=older
    )
    hidden = assessment(voices["second"], commitment, status="cso_completed")
    services.hide_report(user=voices["moderator"], report=hidden, reason="Hors sujet")
    theirs = assessment(
        voices["second"], commitment, status="on_track", reported_on=older - timedelta(days=1)
    )
    Position.objects.filter(kind="civil_society").delete()
    Position.objects.create(  # the old single position: the latest from any organisation
        target_key=commitment.translation_key,
        target_type="commitment",
        commitment_key=commitment.translation_key,
        plan_key=world["plan"].translation_key,
        kind="civil_society",
        report=correction,
        status=correction.status,
        reported_on=correction.reported_on,
    )
    migration.one_position_per_organisation(apps, None)
    positions = {
        p.organisation_key: p.report_id for p in Position.objects.filter(kind="civil_society")
    }
    assert positions == {
        world["cso"].translation_key: correction.pk,
        voices["second_organisation"].translation_key: theirs.pk,
    }
