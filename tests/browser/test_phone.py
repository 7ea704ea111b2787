"""On a phone: tap targets of at least 24 × 24 CSS px with space between (axe-core's WCAG 2.2
target-size rule), commitment search results before its folded facets, one font family for
Arabic and Latin text, a character counter that counts as you type, and after sign-up the way
back to the page and the signed-in header."""

import re
import uuid

import pytest

from tests.browser.test_consultations import CHARTER, mail_to, sign_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PAGES = [
    "/ar/",
    "/fr/",
    "/fa-af/",
    "/ar" + CHARTER,
    "/fr/programmes/",
    "/ar/programmes/open-region-2024-2027/",
    "/ar/search/commitments/",
    "/fa-af/search/commitments/",
    "/fr/search/?q=budget",
    "/ar/account/signup/",
    "/ar/documents/",
]


@pytest.fixture
def phone(browser_page):
    return browser_page(viewport=PHONE, locale="ar-MA", has_touch=True, is_mobile=True)


def target_size_violations(page, axe_source: str) -> list:
    page.evaluate(axe_source)
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}})"
    )
    return [
        {"help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:8]}
        for v in result["violations"]
    ]


def test_tap_targets_are_big_enough_and_apart_on_a_phone(demo_server, phone):
    from tests.browser.conftest import AXE

    source = AXE.read_text()
    sign_in(phone, demo_server, "citizen@demo.mosharaka.org")  # reply and report links show
    found = {}
    for path in PAGES:
        phone.goto(demo_server.url + path)
        phone.locator("details").evaluate_all("elements => elements.forEach(e => e.open = true)")
        violations = target_size_violations(phone, source)
        if violations:
            found[path] = violations
    assert found == {}
    # The comment actions of the issue: reply and report, each at least 24 × 24.
    phone.goto(demo_server.url + "/ar" + CHARTER)
    phone.locator("details.paragraph-comments").evaluate_all(
        "elements => elements.forEach(e => e.open = true)"
    )
    for link in phone.locator(".comment__actions a").all()[:6]:
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box


def test_commitment_search_shows_results_first_and_folds_facets_on_a_phone(demo_server, phone):
    phone.goto(demo_server.url + "/ar/search/commitments/")
    facets = phone.locator("details.facets")
    assert not facets.evaluate("element => element.open")
    first_result = phone.locator(".commitment-search__results .result").first
    assert first_result.bounding_box()["y"] < PHONE["height"]  # seen without scrolling
    facets.locator("summary").click()
    assert facets.evaluate("element => element.open")
    assert phone.locator(".facet").first.is_visible()


def test_commitment_search_facets_stand_open_on_a_wide_screen(demo_server, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_server.url + "/fr/search/commitments/")
    # The script that unfolds them is a module loaded after the page: wait for it, not guess.
    page.wait_for_function("() => document.querySelector('details.facets').open", timeout=5000)
    assert page.locator(".facet").first.is_visible()


def test_latin_and_arabic_share_one_font_family(demo_server, phone):
    phone.goto(demo_server.url + "/ar/programmes/open-region-2024-2027/")
    phone.evaluate("async () => { await document.fonts.ready; }")
    code = phone.locator(".ap-card__code bdi").first
    family = code.evaluate("element => getComputedStyle(element).fontFamily")
    assert family.startswith('"Mosharaka Arabic"'), family
    assert phone.evaluate("() => document.fonts.check('16px \"Mosharaka Arabic\"', 'MZR ب')")
    loaded = phone.evaluate(
        "() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert '"Mosharaka Arabic"' in loaded or "Mosharaka Arabic" in loaded


def test_character_counter_counts_as_you_type(demo_server, phone):
    sign_in(phone, demo_server, "citizen@demo.mosharaka.org")
    phone.goto(demo_server.url + "/ar" + CHARTER + "#comment-form")
    textarea = phone.locator("textarea[name=body]").first
    textarea.click()
    counter = phone.locator(".char-counter").first
    assert counter.inner_text() == "الأحرف المتبقية: 5000"
    phone.keyboard.type("abc")
    assert counter.inner_text() == "الأحرف المتبقية: 4997"  # at once, not after a pause
    phone.keyboard.type("de")
    assert counter.inner_text() == "الأحرف المتبقية: 4995"


def test_after_sign_up_the_visitor_comes_back_signed_in(demo_server, phone):
    email = f"retour-{uuid.uuid4().hex[:8]}@example.org"
    phone.goto(demo_server.url + "/ar" + CHARTER)
    phone.locator(".account-nav a", has_text="إنشاء حساب").click()
    phone.fill("input[name=email]", email)
    phone.select_option("select[name=preferred_language]", "ar")
    phone.fill("input[name=password1]", "a-long-enough-passphrase-42")
    phone.fill("input[name=password2]", "a-long-enough-passphrase-42")
    phone.locator("form.account-form button[type=submit]").click()
    phone.wait_for_load_state()
    back = phone.locator("main a", has_text="العودة إلى الصفحة")
    assert back.get_attribute("href") == "/ar" + CHARTER
    (message,) = mail_to(demo_server, email)
    link = re.search(r"https?://\S+/confirm-email/\S+/", message).group(0)
    phone.goto(link)
    phone.locator("form button[type=submit]").click()
    phone.wait_for_load_state()
    assert phone.url.split("#")[0] == demo_server.url + "/ar" + CHARTER
    header = phone.locator(".account-nav").inner_text()
    assert "تسجيل الخروج" in header and "تسجيل الدخول" not in header


def sideways_overflow(page) -> int:
    """How many CSS px the page is wider than the phone (0: nothing scrolls sideways)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_no_page_scrolls_sideways_on_a_phone(demo_server, phone):
    """Wide tables scroll inside their own box; in RTL too, where text hidden for screen readers
    inside them once widened the whole page to the left."""
    paths = list(PAGES)
    for plan in ("/ar/programmes/open-region-2024-2027/", "/fa-af/plan-ha/shafafiyat-1403-1405/"):
        phone.goto(demo_server.url + plan)
        for prefix in ("/monitoring/plans/", "/evaluation/"):
            links = phone.locator(f"main a[href*='{prefix}']")
            assert links.count(), f"{plan} links to no {prefix} page"
            paths.append(links.first.get_attribute("href"))
        commitment = phone.locator("main .ap-card__title a").first
        paths.append(commitment.get_attribute("href"))
    wide = {}
    for path in paths:
        phone.goto(demo_server.url + path)
        if overflow := sideways_overflow(phone):
            wide[path] = overflow
    assert wide == {}
