"""The published report: PDF with Arabic and Dari read back from the file (pdftotext) in
logical order and fonts embedded (pdffonts); CSV and JSON keyed by translation keys."""

import csv
import io
import json
import re
import subprocess

import pytest

from actionplans.evaluation import services
from actionplans.evaluation.models import EvaluationRound
from home.dates import format_date
from tests.actionplans.factories import arabic_home, commitment_page, index_page, plan_page

from .conftest import assess, new_round

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(BIDI_MARKS.sub("", text).split())


def pdf_fonts(content: bytes, tmp_path) -> list[list[str]]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(content)
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return [line.split() for line in lines]


def published_round(plan, users, commitment, narrative: str) -> EvaluationRound:
    evaluation_round = new_round(plan, evaluators=[users["evaluator"]])
    assess(users["evaluator"], evaluation_round, commitment, narrative=narrative)
    services.change_round_state(
        user=users["editor"], evaluation_round=evaluation_round, state="closed"
    )
    return services.change_round_state(
        user=users["editor"], evaluation_round=evaluation_round, state="published"
    )


@pytest.fixture
def arabic_round(users):
    plan = plan_page(index_page(arabic_home(), slug="baramij"), slug="albarnamaj")
    commitment = commitment_page(plan, "C1", title="بوابة المعطيات المفتوحة")
    return published_round(plan, users, commitment, "تم نشر البوابة واستعمالها")


@pytest.fixture
def dari_round(users, home_pages):
    plan = plan_page(index_page(home_pages["fa-af"], slug="plan-ha"), slug="plan", title="پلان عمل")
    commitment = commitment_page(plan, "T1", title="شفافیت بودجه شهرداری")
    return published_round(plan, users, commitment, "گزارش بودجه منتشر شد")


def test_arabic_pdf_reads_in_logical_order_with_embedded_fonts(client, arabic_round, tmp_path):
    response = client.get(f"/ar/evaluation/{arabic_round.pk}/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = response.content
    text = pdf_text(content, tmp_path)
    for phrase in ("بوابة المعطيات المفتوحة", "تم نشر البوابة واستعمالها", "برنامج الانفتاح"):
        assert phrase in text, phrase
    fonts = pdf_fonts(content, tmp_path)
    assert fonts and all(row[-5] == "yes" for row in fonts)  # the "emb" column
    assert any("Arabic" in row[0] for row in fonts)


def test_dari_pdf_has_persian_digits_and_solar_hijri_dates(client, dari_round, tmp_path):
    response = client.get(f"/fa-af/evaluation/{dari_round.pk}/report.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    for phrase in ("شفافیت بودجه شهرداری", "گزارش بودجه منتشر شد", "پلان عمل"):
        assert phrase in text, phrase
    # The date's parts (day, Afghan month, Solar Hijri year, all in Persian digits). Their order
    # on the line is left to the bidi algorithm: Persian digits are "European numbers" to it, so
    # pdftotext's reading order of a date beside untranslated labels is not the reader's.
    day, month, year = format_date(dari_round.published_at, "fa-af").split()
    assert re.fullmatch("[۰-۹]{4}", year) and year.startswith("۱۴")
    assert month in text and year in text and day in text
    assert not re.search("[0-9]{4}", text.split("http")[0])  # no Western year before the URL
    # No Western number at all outside codes (a word with a Latin letter) and the URL.
    words = text.split("http")[0].split()
    assert [w for w in words if re.search("[0-9]", w) and not re.search("[A-Za-z]", w)] == []
    assert re.search("[۰-۹]+ ?/ ?[۰-۹]+", text)  # page numbers in Persian digits
    fonts = pdf_fonts(response.content, tmp_path)
    assert all(row[-5] == "yes" for row in fonts)


def test_report_page_and_data(client, arabic_round):
    page = client.get(f"/ar/evaluation/{arabic_round.pk}/report/")
    assert page.status_code == 200
    assert 'dir="rtl"' in page.content.decode()
    # The address keeps its own direction inside the Arabic sentence.
    assert (
        f"<bdi>http://testserver/ar/evaluation/{arabic_round.pk}/report/</bdi>"
        in page.content.decode()
    )
    data = json.loads(client.get(f"/ar/evaluation/{arabic_round.pk}/results.json").content)
    item = data["commitments"][0]
    assert item["title"] == "بوابة المعطيات المفتوحة"
    assert item["assessments"][0]["completion"] == "substantial" and item["star"] is True
    assert data["plan_key"] == str(arabic_round.plan_key)
    response = client.get(f"/ar/evaluation/{arabic_round.pk}/results.csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["commitment_key"] == item["commitment_key"]
    assert rows[0]["early_results"] == "major"


def test_unpublished_report_is_not_served(client, make_round):
    evaluation_round = make_round("closed")
    for suffix in ("report/", "report.pdf", "results.csv", "results.json"):
        assert client.get(f"/en/evaluation/{evaluation_round.pk}/{suffix}").status_code == 404
