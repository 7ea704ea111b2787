"""Each plan's commitments and milestones as CSV (UTF-8 with BOM, one row per milestone) and
JSON, and the plan and commitment fields in the Wagtail API v2."""

import csv
import io
import json

import pytest
from django.utils import timezone

from actionplans.opendata import CSV_COLUMNS
from home.pagetree import translate

from .factories import TODAY, commitment_page, index_page, plan_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # byte-order mark
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_has_one_row_per_milestone_with_ogp_columns(client, tree):
    rows = read_csv(client.get(tree["plan"].url + "data.csv"))
    assert list(rows[0]) == CSV_COLUMNS
    assert [row["commitment_code"] for row in rows] == ["C1", "C1", "C1", "C2"]
    first = rows[0]
    assert first["plan_code"] == "PLAN-1"
    assert first["lead_institution"] == "مديرية نظم المعلومات"
    assert first["partners"] == "جمعية الشفافية"
    assert first["ogp_values"] == "transparency"
    assert first["themes"] == "الميزانية"
    assert first["milestone_deliverable"] == "Deliverable 1"
    assert first["milestone_status"] == "completed"
    assert first["milestone_due"] == "2026-10-23"
    assert [row["milestone_overdue"] for row in rows[:3]] == ["false", "true", "false"]
    assert first["language"] == "en"
    assert first["commitment_key"] == str(tree["first"].translation_key)
    assert first["milestone_key"] == str(tree["first"].milestones.first().translation_key)


def test_commitment_without_milestones_still_gets_a_row(client, tree):
    rows = read_csv(client.get(tree["plan"].url + "data.csv"))
    last = rows[-1]
    assert last["commitment_code"] == "C2"
    assert last["milestone_deliverable"] == "" and last["milestone_key"] == ""


def test_csv_file_name_is_ascii_and_says_the_language(client, tree):
    response = client.get(tree["plan"].url + "data.csv")
    assert response["Content-Disposition"] == ('attachment; filename="plan-1-en-commitments.csv"')


def test_arabic_text_survives_the_round_trip(client, db):
    plan = plan_page(index_page(), code="خطة")  # an Arabic code gives an ASCII file name too
    commitment_page(plan, "C1", title="بوابة البيانات المفتوحة", problem="=SUM(A1)")
    response = client.get(plan.url + "data.csv")
    rows = read_csv(response)
    assert rows[0]["commitment_title"] == "بوابة البيانات المفتوحة"
    assert rows[0]["language"] == "ar"
    # A cell a spreadsheet would run as a formula is neutralised.
    assert rows[0]["problem"] == "'=SUM(A1)"
    assert response["Content-Disposition"].isascii()
    assert f"action-plan-{plan.pk}-ar" in response["Content-Disposition"]


def test_each_language_version_has_its_own_file_with_shared_keys(client, tree):
    french_home = translate(tree["index"].get_parent(), "fr", title="Accueil")
    assert french_home.locale.language_code == "fr"
    index_fr = translate(tree["index"], "fr", title="Programmes")
    plan_fr = translate(tree["plan"], "fr", title="Programme")
    first_fr = translate(tree["first"], "fr", title="Engagement C1")
    english = read_csv(client.get(tree["plan"].url + "data.csv"))
    french = read_csv(client.get(plan_fr.url + "data.csv"))
    assert index_fr.url.startswith("/fr/")
    assert [row["language"] for row in french] == ["fr"] * 3
    assert french[0]["commitment_title"] == "Engagement C1"
    assert french[0]["lead_institution"] == "Direction des systèmes d'information"
    assert [r["milestone_key"] for r in french] == [r["milestone_key"] for r in english[:3]]
    assert french[0]["commitment_key"] == english[0]["commitment_key"]
    assert first_fr.translation_key == tree["first"].translation_key


def test_json_nests_milestones_in_commitments(client, tree):
    response = client.get(tree["plan"].url + "data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["plan"]["code"] == "PLAN-1"
    assert data["plan"]["current_phase"] == "implementation"
    assert data["licence"]["url"].startswith("https://creativecommons.org/licenses/by/4.0")
    first, second = data["commitments"]
    assert first["code"] == "C1" and second["milestones"] == []
    assert first["lead_institution"]["key"] == str(tree["lead"].translation_key)
    assert [m["overdue"] for m in first["milestones"]] == [False, True, False]
    assert first["milestones"][1]["milestone_key"]
    assert "مديرية نظم المعلومات".encode() in response.content  # not \\u-escaped


def test_downloads_exist_only_for_published_plans(client, tree):
    assert client.get(tree["index"].url + "data.csv").status_code == 404
    assert client.get(tree["first"].url + "data.json").status_code == 404
    assert client.get("/en/no-such-page/data.csv").status_code == 404
    tree["plan"].unpublish()
    assert client.get(tree["plan"].url + "data.csv").status_code == 404


def test_api_exposes_commitment_fields(client, tree):
    response = client.get("/api/v2/pages/", {"type": "actionplans.CommitmentPage", "fields": "*"})
    assert response.status_code == 200
    items = {item["code"]: item for item in response.json()["items"]}
    first = items["C1"]
    assert first["translation_key"] == str(tree["first"].translation_key)
    assert first["status"] == "in_progress" and first["progress"] == 40
    assert first["ogp_values"] == ["transparency"]
    assert first["tags"] == ["الميزانية"]
    assert first["lead_institution"]["translation_key"] == str(tree["lead"].translation_key)
    assert [p["name"] for p in first["partners"]] == ["جمعية الشفافية"]
    assert first["budget_currency"] == "MAD"
    milestones = first["milestones"]
    assert [m["deliverable"] for m in milestones] == [
        "Deliverable 1",
        "Deliverable 2",
        "Deliverable 3",
    ]
    assert milestones[0]["translation_key"] == str(tree["first"].milestones.first().translation_key)
    assert set(milestones[0]) >= {"due_date", "start_date", "status", "progress", "responsible"}


def test_api_exposes_plan_fields_and_phases(client, tree):
    response = client.get("/api/v2/pages/", {"type": "actionplans.ActionPlanPage", "fields": "*"})
    plan = response.json()["items"][0]
    assert plan["code"] == "PLAN-1"
    assert plan["framework"] == "open_collectivities"
    assert [phase["kind"] for phase in plan["phases"]] == [
        "co_creation",
        "adoption",
        "implementation",
        "evaluation",
    ]
    detail = client.get(f"/api/v2/pages/{tree['first'].pk}/")
    assert detail.json()["code"] == "C1"
