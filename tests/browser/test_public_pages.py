import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [
        ("/ar/", "ar", "rtl"),
        ("/fr/", "fr", "ltr"),
        ("/ar/about/", "ar", "rtl"),
        ("/fr/about/", "fr", "ltr"),
    ],
)
def test_public_pages_pass_the_accessibility_audit(
    demo_server, page, axe_audit, path, lang, direction
):
    page.goto(demo_server.url + path)
    assert page.get_attribute("html", "lang") == lang
    assert page.get_attribute("html", "dir") == direction
    assert axe_audit(page) == []


def test_visitor_switches_language_and_stays_on_the_same_page(demo_server, page):
    page.goto(demo_server.url + "/ar/about/")
    page.get_by_role("navigation", name="اللغات").get_by_role("link", name="Français").click()
    assert page.url.endswith("/fr/about/")
    assert page.get_attribute("html", "dir") == "ltr"
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Le Conseil et l'ouverture"


def test_arabic_layout_is_mirrored(demo_server, page):
    page.goto(demo_server.url + "/ar/")
    brand = page.locator(".site-brand").bounding_box()
    languages = page.locator(".language-nav").bounding_box()
    # In right-to-left pages the council's name sits at the right, the language menu at the left.
    assert brand["x"] > languages["x"]
