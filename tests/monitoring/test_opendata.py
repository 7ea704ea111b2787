"""Public reports in the open data (CSV, JSON), the plan's data.json and the API."""

import csv
import io

import pytest

from actionplans.monitoring import services

from .helpers import assessment, official, pdf


@pytest.fixture
def reports(world, role_user, accredit):
    cso = role_user("cso_member")
    accredit([cso])
    editor = role_user("editor")
    first = official(editor, world["commitment"], narrative="=SUM(A1:A9)", evidence=pdf())
    hidden = official(editor, world["commitment"], narrative="Caché")
    services.hide_report(user=role_user("moderator"), report=hidden, reason="Erreur")
    second = assessment(cso, world["commitment"], milestone=world["commitment"].milestones.first())
    return first, second


def test_reports_csv_has_keys_and_neutralised_formulas(client, world, reports):
    response = client.get(f"/en/monitoring/plans/{world['plan'].pk}/reports.csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2  # the hidden one is not public
    assert rows[0]["narrative"] == "'=SUM(A1:A9)"
    assert rows[0]["commitment_key"] == str(world["commitment"].translation_key)
    assert rows[1]["milestone_key"] and rows[1]["kind"] == "civil_society"
    assert rows[0]["evidence_url"].endswith(f"/monitoring/reports/{reports[0].pk}/evidence/")


def test_plan_json_and_api_carry_public_reports(client, world, reports):
    data = client.get(f"/en/monitoring/plans/{world['plan'].pk}/reports.json").json()
    assert [r["report_id"] for r in data["progress_reports"]] == [r.pk for r in reports]
    plan_data = client.get(world["plan"].url + "data.json").json()
    assert len(plan_data["progress_reports"]) == 2
    api = client.get(f"/api/v2/pages/{world['commitment'].pk}/").json()
    assert [r["report_id"] for r in api["progress_reports"]] == [r.pk for r in reports]
