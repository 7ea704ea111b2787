"""Bulk import of official progress: all rows or none, every error by row and column, a
preview before anything is written."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from actionplans.monitoring import imports
from actionplans.monitoring.models import ProgressReport


def csv_bytes(
    world,
    rows,
    bom=True,
    header="commitment_key,milestone_key,status,percent,reported_on,narrative",
):
    lines = [header] + [",".join(row) for row in rows]
    text = "\r\n".join(lines) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def good_rows(world):
    commitment = world["commitment"]
    milestone = commitment.milestones.first()
    day = (timezone.localdate() - timedelta(days=3)).isoformat()
    return [
        [str(commitment.translation_key), "", "in_progress", "45", day, "Avancement global"],
        [
            str(commitment.translation_key),
            str(milestone.translation_key),
            "delayed",
            "30",
            day,
            "'=tableau",
        ],
    ]


@pytest.mark.parametrize("bom", [True, False])
def test_valid_file_with_or_without_bom(world, role_user, bom):
    rows, errors = imports.parse(world["plan"], csv_bytes(world, good_rows(world), bom=bom))
    assert errors == [] and len(rows) == 2
    assert rows[1].narrative == "=tableau"  # our export's apostrophe is removed
    count = imports.import_rows(
        user=role_user("editor"), plan=world["plan"], rows=rows, language="fr"
    )
    assert count == 2
    assert ProgressReport.objects.filter(kind="official", language="fr").count() == 2


def test_every_error_by_row_and_column_and_nothing_written(world):
    bad = good_rows(world)
    bad[0][0] = "not-a-key"
    bad[1][3] = "=1+1"  # a formula cell is not a percentage
    bad[1][4] = (timezone.localdate() + timedelta(days=5)).isoformat()
    bad.append([str(world["commitment"].translation_key), "", "finished", "101", "31/12/2025", ""])
    with translation.override("en"):
        rows, errors = imports.parse(world["plan"], csv_bytes(world, bad))
    found = {(e.row, e.column) for e in errors}
    assert found == {
        (2, "commitment_key"),
        (3, "percent"),
        (3, "reported_on"),
        (4, "status"),
        (4, "percent"),
        (4, "reported_on"),
    }
    assert any("in the future" in e.message for e in errors)
    assert not ProgressReport.objects.exists()


def test_key_of_a_commitment_of_another_plan_is_refused(world):
    from tests.actionplans.factories import commitment_page, plan_page

    other = commitment_page(plan_page(world["index"], code="P2", slug="p2"), "X1")
    rows = [[str(other.translation_key), "", "in_progress", "10", "2025-01-01", ""]]
    _rows, errors = imports.parse(world["plan"], csv_bytes(world, rows))
    assert [(e.row, e.column) for e in errors] == [(2, "commitment_key")]


@pytest.mark.parametrize(
    "raw,message",
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"commitment_key,status,percent,reported_on\r\n", "no rows"),
        (b"commitment_key,status\r\nx,y\r\n", "Missing columns: percent, reported_on"),
        ("commitment_key;status".encode("utf-16"), "UTF-8"),
    ],
)
def test_unusable_files(world, raw, message):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        imports.parse(world["plan"], raw)
    assert message in " ".join(error.value.messages)


def test_one_refusal_at_write_time_undoes_every_row(world, role_user):
    from tests.monitoring.conftest import set_phase

    rows, errors = imports.parse(world["plan"], csv_bytes(world, good_rows(world)))
    assert not errors
    set_phase(world["plan"], "after")  # the plan closed between preview and confirmation
    world["commitment"]._monitoring_plan = None
    with pytest.raises(PermissionDenied):
        imports.import_rows(user=role_user("editor"), plan=world["plan"], rows=rows, language="fr")
    assert not ProgressReport.objects.exists()


def test_admin_preview_then_confirm(client, world, role_user):
    client.force_login(role_user("editor"))
    url = reverse("monitoring_import_plan", args=[world["plan"].pk])
    upload = SimpleUploadedFile("progress.csv", csv_bytes(world, good_rows(world)), "text/csv")
    preview = client.post(url, {"file": upload})
    assert preview.status_code == 200
    assert "Avancement global" in preview.content.decode()
    assert not ProgressReport.objects.exists()  # a preview writes nothing
    confirm = preview.context["confirm"]
    assert client.post(url, {"confirm": confirm}).status_code == 302
    assert ProgressReport.objects.count() == 2
    assert client.post(url, {"confirm": confirm}).status_code == 302  # a second confirm is stale
    assert ProgressReport.objects.count() == 2


def test_admin_shows_errors_with_rows(client, world, role_user):
    client.force_login(role_user("editor"))
    bad = good_rows(world)
    bad[0][2] = "finished"
    upload = SimpleUploadedFile("progress.csv", csv_bytes(world, bad), "text/csv")
    response = client.post(
        reverse("monitoring_import_plan", args=[world["plan"].pk]), {"file": upload}
    )
    assert response.status_code == 400
    assert "confirm" not in response.context or not response.context.get("confirm")
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("role", ["staff_lead", "moderator", "citizen"])
def test_only_editors_import(client, world, role_user, role):
    client.force_login(role_user(role))
    response = client.get(reverse("monitoring_import_plan", args=[world["plan"].pk]))
    assert response.status_code in (302, 403)
