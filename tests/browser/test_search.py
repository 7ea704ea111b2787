"""Search in the browser: a Dari reader typing on an Arabic keyboard finds the Dari
commitment; the autocomplete combobox works from the keyboard; the search pages pass the
accessibility audit with results and facets shown, in Arabic and French."""

import json

import pytest

pytestmark = pytest.mark.browser

ARABIC_KEYBOARD = str.maketrans({"ی": "ي", "ک": "ك", "ى": "ي"})

# Used only if the demo has no Dari commitment: a minimal plan in the Dari tree.
CREATE_DARI_COMMITMENT = """
from datetime import date
from actionplans.models import ActionPlanIndexPage, ActionPlanPage, CommitmentPage
from home.pagetree import add_child
from home.models import HomePage
home = HomePage.objects.get(locale__language_code="fa-af")
index = ActionPlanIndexPage.objects.child_of(home).first() or add_child(
    home, ActionPlanIndexPage(title="پلان‌ها", slug="search-test-plans"))
plan = ActionPlanPage.objects.child_of(index).first() or add_child(index, ActionPlanPage(
    title="پلان عمل آزمایشی", code="TEST", framework="ogp_local",
    period_start=date(2024, 1, 1), period_end=date(2026, 12, 31)))
add_child(plan, CommitmentPage(title="رسیدگی به شکایات شهروندان", code="TEST-01",
    problem="شکایت‌ها ثبت نمی‌شود.", objective="ثبت و پیگیری شکایات."))
"""

FIRST_COMMITMENTS = """
import json
from actionplans.models import CommitmentPage
found = {}
for language in ("fa-af", "ar", "fr"):
    pages = CommitmentPage.objects.live().filter(locale__language_code=language)
    page = pages.order_by("path").first()
    found[language] = page.title if page else ""
print(json.dumps(found))
"""


def _first_commitments(demo_server) -> dict:
    output = demo_server.manage("shell", "-c", FIRST_COMMITMENTS)
    return json.loads(output.strip().splitlines()[-1])  # the shell may print a banner first


@pytest.fixture(scope="module")
def titles(demo_server):
    found = _first_commitments(demo_server)
    if not found["fa-af"]:
        demo_server.manage("shell", "-c", CREATE_DARI_COMMITMENT)
        found = _first_commitments(demo_server)
    return found


def other_keyboard_word(title: str) -> str:
    """The longest word of the title that an Arabic keyboard spells differently."""
    words = [w.strip("،:.()") for w in title.split() if "ی" in w or "ک" in w]
    assert words, f"no word with Persian yeh or keheh in {title!r}"
    return max(words, key=len).translate(ARABIC_KEYBOARD)


def test_dari_search_typed_with_arabic_keyboard_letters_finds_the_dari_commitment(
    demo_server, page, titles
):
    word = other_keyboard_word(titles["fa-af"])
    assert "ی" not in word and "ک" not in word
    page.goto(demo_server.url + "/fa-af/search/commitments/")
    page.get_by_role("combobox").fill(word)
    page.get_by_role("combobox").press("Escape")  # close the suggestions, keep the text
    page.locator(".commitment-search__text button[type=submit]").click()
    page.wait_for_url("**/search/commitments/?q=*")
    results = page.locator(".result__title").all_inner_texts()
    assert titles["fa-af"] in results


def test_site_search_in_dari_with_arabic_keyboard_letters(demo_server, page, titles):
    word = other_keyboard_word(titles["fa-af"])
    page.goto(demo_server.url + "/fa-af/search/")
    page.locator("#search-q").fill(word)
    page.locator("#search-q").press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert titles["fa-af"] in page.locator(".result__title").all_inner_texts()


def test_autocomplete_is_a_keyboard_combobox(demo_server, page, titles):
    word = other_keyboard_word(titles["fa-af"])
    page.goto(demo_server.url + "/fa-af/search/commitments/")
    box = page.get_by_role("combobox")
    box.press_sequentially(word[:4], delay=30)
    option = page.get_by_role("option").first
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    listbox = page.get_by_role("listbox")
    assert listbox.get_attribute("id") == box.get_attribute("aria-controls")
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")
    page.get_by_role("option").first.wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_load_state()
    assert "/search/" not in page.url
    assert page.get_by_role("heading", level=1).inner_text()


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_search_pages_with_results_and_facets_pass_the_accessibility_audit(
    demo_server, page, axe_audit, titles, language, direction
):
    word = max(titles[language].split(), key=len)
    page.goto(f"{demo_server.url}/{language}/search/commitments/?q={word}")
    assert page.get_attribute("html", "dir") == direction
    assert page.locator(".result").count() >= 1
    assert page.locator("fieldset.facet").count() >= 3
    assert axe_audit(page) == []
    page.goto(f"{demo_server.url}/{language}/search/?q={word}")
    assert page.locator(".result").count() >= 1
    assert axe_audit(page) == []
