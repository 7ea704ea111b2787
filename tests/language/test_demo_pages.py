"""The demo's public pages in the right-to-left languages, scanned once: every number a Dari
reader sees is in Persian digits, and no mixed-direction run scrambles."""

from pathlib import Path

from django.conf import settings
from wagtail.models import Locale, Page

from tests.demodb import load_demo

from .bidi import mixed_runs
from .test_persian_digits import western_numbers

EXTRA = [
    "search/?q=1403",
    "search/?q=2023",
    "search/commitments/",
    "account/login/",
    "account/signup/",
    "this-page-does-not-exist/",
]


def _pages(language: str) -> list[str]:
    locale = Locale.objects.get(language_code=language)
    pages = Page.objects.live().filter(locale=locale, depth__gt=1).specific()
    return [page.url for page in pages] + [f"/{language}/{path}" for path in EXTRA]


def test_rtl_demo_pages_have_persian_digits_in_dari_and_no_scrambled_runs(
    db, client, kept_until_a_write
):
    load_demo()
    # The Afghan municipality's pages show its own contact details, not the Moroccan council's.
    afghan = client.get("/fa-af/").content.decode()
    assert "maloomat@mazar.demo.mosharaka.org" in afghan
    assert "ouverture@demo.mosharaka.org" not in afghan
    assert "ouverture@demo.mosharaka.org" in client.get("/ar/").content.decode()
    digits, scrambled = {}, {}
    for language in ("ar", "fa-af"):
        urls = _pages(language)
        assert len(urls) > 12
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 404), url
            html = response.content.decode()
            if language == "fa-af" and western_numbers(html):
                digits[url] = western_numbers(html)[:10]
            if mixed_runs(html):
                scrambled[url] = mixed_runs(html)
    # A Dari sign-up with errors: the password rules and their numbers.
    response = client.post(
        "/fa-af/account/signup/",
        {"email": "x@example.org", "password1": "1234", "password2": "1234"},
    )
    html = response.content.decode()
    if western_numbers(html):
        digits["sign-up errors"] = western_numbers(html)
    assert "۸" in html  # "at least 8 characters", in Persian digits
    assert digits == {}
    assert scrambled == {}


def test_times_are_isolated_by_the_stylesheet():
    css = Path(settings.BASE_DIR, "static", "css", "site.css").read_text()
    assert "time { unicode-bidi: isolate; }" in css


def test_scrambled_runs_are_found_and_isolated_ones_are_not():
    assert mixed_runs("<p>TXT · 5 أكتوبر 2023</p>") == ["TXT · 5 أكتوبر 2023"]
    assert mixed_runs("<p><bdi>TXT</bdi> · 5 أكتوبر 2023</p>") == []
    assert mixed_runs("<p>TXT · <time>5 أكتوبر 2023</time></p>") == []
    assert mixed_runs("<p>MZR-02 · برنامج 2024</p>") == []
