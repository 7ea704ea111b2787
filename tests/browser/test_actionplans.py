"""A visitor reads the Open Region programme in Arabic and in French, follows a commitment, and
the pages pass the accessibility audit; the plan's chart and bars mirror in Arabic; printing a
commitment leaves the commitment alone."""

import pytest

pytestmark = pytest.mark.browser

PLAN = "/{language}/programmes/open-region-2024-2027/"


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_visitor_reads_the_plan_and_follows_a_commitment(
    demo_server, page, axe_audit, language, direction
):
    page.goto(demo_server.url + PLAN.format(language=language))
    assert page.get_attribute("html", "dir") == direction
    current = page.locator('.ap-phase[aria-current="step"]')
    assert current.count() == 1
    assert page.locator(".ap-card").count() >= 8
    assert page.get_by_role("table").count() == 2  # the summary charts are data tables
    assert axe_audit(page) == []

    page.locator(".ap-card__title a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/open-budget-data/")
    assert page.get_attribute("html", "lang") == language
    assert page.locator(".ap-milestone").count() == 5
    assert page.locator(".ap-milestone--overdue").count() == 1
    assert page.locator(".ap-facts a").count() >= 4  # lead, partners, plan
    assert axe_audit(page) == []


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_listings_pass_the_audit(demo_server, page, axe_audit, language):
    page.goto(demo_server.url + f"/{language}/programmes/")
    assert axe_audit(page) == []
    page.locator(".ap-browse a").first.click()
    page.wait_for_load_state()
    assert "/theme/" in page.url
    assert page.locator(".ap-card").count() >= 1
    assert axe_audit(page) == []


def test_bars_fill_from_the_right_in_arabic(demo_server, page):
    page.goto(demo_server.url + PLAN.format(language="ar"))
    track = page.locator(".ap-card .ap-progress__track").first.bounding_box()
    fill = page.locator(".ap-card .ap-progress__fill").first.bounding_box()
    assert fill["width"] < track["width"]
    assert abs((fill["x"] + fill["width"]) - (track["x"] + track["width"])) < 2
    page.goto(demo_server.url + PLAN.format(language="fr"))
    track = page.locator(".ap-card .ap-progress__track").first.bounding_box()
    fill = page.locator(".ap-card .ap-progress__fill").first.bounding_box()
    assert abs(fill["x"] - track["x"]) < 2


def test_printing_a_commitment_leaves_out_navigation_and_comments(demo_server, page):
    page.goto(demo_server.url + PLAN.format(language="fr") + "open-budget-data/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert not page.locator(".ap-comments").is_visible()
    assert page.locator(".ap-print-only").is_visible()
    assert page.locator(".ap-milestones").is_visible()
    assert page.locator(".ap-facts").is_visible()
