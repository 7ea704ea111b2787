"""Co-evaluation in Chromium on the demo site: the demo evaluator assesses a commitment of the
open end-of-term round in Arabic (draft, a refused submission, submission, a second submission
refused with the text kept); a visitor reads the published mid-term results in French, whose
charts mirror in Arabic. Evaluation pages pass the axe audit."""

import pytest

pytestmark = pytest.mark.browser

PLAN = "/{language}/programmes/open-region-2024-2027/"
PASSWORD = "mosharaka-demo"


def sign_in(page, server, email: str, language: str = "ar") -> None:
    page.goto(f"{server.url}/{language}/account/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/account/login/" not in page.url


def open_round(page, server, language: str, position: int) -> None:
    """Follow the plan page's link to one of its rounds (newest first)."""
    page.goto(server.url + PLAN.format(language=language))
    page.locator(".ev-rounds a").nth(position).click()
    page.wait_for_load_state()
    assert "/evaluation/" in page.url


def test_evaluator_assesses_a_commitment_in_arabic(demo_server, page, axe_audit):
    sign_in(page, demo_server, "evaluator@demo.mosharaka.org")
    open_round(page, demo_server, "ar", 0)  # the end-of-term round, open
    assert page.get_attribute("html", "dir") == "rtl"
    assert axe_audit(page) == []
    page.locator(".ev-worklist a[href$='/assess/']").nth(2).click()
    page.wait_for_load_state()
    assert page.locator("input[name=verifiable]").count() == 2
    assert axe_audit(page) == []

    narrative = "أنجزت المراحل الأولى ونشرت الوثائق."
    page.check("input[name=verifiable][value=yes]")
    page.check("input[name=relevant_values][value=transparency]")
    page.select_option("select[name=potential]", "substantial")
    page.select_option("select[name=completion]", "substantial")
    page.fill("textarea[name=narrative]", narrative)
    demo_server.submit(page, page.locator("button[name=save]"))
    assert page.locator("textarea[name=narrative]").input_value() == narrative

    # Submitting without the early-results level is refused; the draft and the text stay.
    demo_server.submit(page, page.locator("button[name=submit]"), status=400)
    assert page.locator(".form-error").count() >= 1
    assert page.locator("textarea[name=narrative]").input_value() == narrative
    assert axe_audit(page) == []

    page.select_option("select[name=early_results]", "major")
    demo_server.submit(page, page.locator("button[name=submit]"))
    assert "/assess/" not in page.url
    assert page.locator(".ev-own form button").count() == 1  # "start a revision"
    assess_url = page.url + "assess/"

    # A second submission (an old tab, a double click) is refused with what was typed kept.
    page.goto(assess_url)
    page.fill("textarea[name=narrative]", "نص ثان")
    demo_server.submit(page, page.locator("button[name=submit]"), status=409)
    assert page.locator(".form-error").count() == 1
    assert page.locator("textarea[name=narrative]").input_value() == "نص ثان"


def test_published_results_in_french(demo_server, page, axe_audit):
    open_round(page, demo_server, "fr", 1)  # the mid-term round, published
    assert page.get_attribute("html", "lang") == "fr"
    assert page.locator(".ev-results tbody tr").count() == 10
    assert page.locator(".ev-results__star").count() >= 1
    assert page.locator("#star-rule").count() == 1
    assert page.get_by_role("table").count() == 3  # two charts and the results table
    assert axe_audit(page) == []

    page.locator(".ev-results tbody a").first.click()
    page.wait_for_load_state()
    assert page.locator(".ev-column").count() == 4  # evaluators, CSOs, citizens, official
    assert page.locator(".ev-assessment").count() >= 1
    assert axe_audit(page) == []

    page.go_back()
    page.locator(".ev-downloads a").first.click()  # the printable report
    page.wait_for_load_state()
    assert page.locator(".ev-report__commitment").count() == 10
    assert axe_audit(page) == []


def test_result_bars_grow_from_the_right_in_arabic(demo_server, page):
    open_round(page, demo_server, "ar", 1)
    bar = page.locator(".ev-charts .ap-chart__bar").nth(3).bounding_box()
    fill = page.locator(".ev-charts .ap-chart__bar").nth(3).locator("span").bounding_box()
    assert fill["width"] > 0
    assert abs((fill["x"] + fill["width"]) - (bar["x"] + bar["width"])) < 1.5


def test_citizen_feedback_page_passes_the_audit(demo_server, page, axe_audit):
    # citizen@ has no organisation: citoyenne@ is also a member of an accredited CSO, so her
    # round page offers the civil-society evaluation instead of citizen feedback.
    sign_in(page, demo_server, "citizen@demo.mosharaka.org", "fr")
    open_round(page, demo_server, "fr", 0)
    page.locator(".ev-worklist a[href$='/feedback/']").first.click()
    page.wait_for_load_state()
    assert page.locator("input[name=rating]").count() == 5
    assert axe_audit(page) == []
