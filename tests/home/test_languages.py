import re
from datetime import date, datetime

import pytest
from django.utils import timezone

from home.dates import format_date
from home.models import StandardPage
from home.pagetree import add_child


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("fr-FR,fr;q=0.9", "/fr/"),
        ("ar-MA,ar;q=0.9", "/ar/"),
        ("fa-AF", "/fa-af/"),
        ("fa", "/fa-af/"),
    ],
)
def test_root_redirects_to_the_browser_language(client, home_pages, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [("/ar/", "ar", "rtl"), ("/fa-af/", "fa-af", "rtl"), ("/fr/", "fr", "ltr")],
)
def test_html_element_carries_language_and_direction(client, home_pages, path, lang, direction):
    html = client.get(path).content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html


def test_language_switcher_links_only_existing_translations(client, home_pages):
    about = add_child(home_pages["ar"], StandardPage(title="عن المجلس", slug="about"))
    from home.pagetree import translate

    translate(about, "fr", title="À propos")
    html = client.get("/ar/about/").content.decode()
    switcher = re.search(r'<ul class="language-switcher">(.*?)</ul>', html, re.S).group(1)
    assert 'href="/fr/about/"' in switcher
    assert 'hreflang="fa-af"' not in switcher  # no Dari version of this page
    assert 'aria-current="true"' in switcher


def test_interface_strings_follow_the_language(client, home_pages):
    assert "Aller au contenu" in client.get("/fr/").content.decode()
    assert "انتقل إلى المحتوى" in client.get("/ar/").content.decode()


def test_dari_dates_use_solar_hijri_with_afghan_month_names():
    # 20 March 2024 is 1 Hamal 1403 (Nowruz).
    assert format_date(date(2024, 3, 20), "fa-af") == "۱ حمل ۱۴۰۳"
    assert format_date(date(2023, 10, 5), "fa-af") == "۱۳ میزان ۱۴۰۲"


def test_other_languages_use_gregorian_dates():
    assert format_date(date(2024, 3, 20), "fr") == "20 mars 2024"
    assert format_date(date(2024, 3, 20), "en") == "20 March 2024"
    assert "2024" in format_date(date(2024, 3, 20), "ar")
    assert "مارس" in format_date(date(2024, 3, 20), "ar")


def test_datetimes_are_shown_in_the_site_time_zone():
    moment = timezone.make_aware(datetime(2024, 3, 20, 9, 30))
    assert format_date(moment, "fr", with_time=True) == "20 mars 2024, 09:30"
    assert format_date(moment, "fa-af", with_time=True).endswith("۰۹:۳۰")


def test_stylesheets_use_logical_properties_only():
    from pathlib import Path

    from django.conf import settings

    physical = re.compile(
        r"(margin|padding|border)-(left|right)\b|\b(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)"
    )
    for css in Path(settings.BASE_DIR, "static", "css").glob("*.css"):
        offenders = [line for line in css.read_text().splitlines() if physical.search(line)]
        assert offenders == [], f"{css.name} uses physical directions: {offenders}"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "PDF, CSV"), ("en", "PDF, CSV"), ("ar", "PDF، CSV"), ("fa-af", "PDF، CSV")],
)
def test_lists_in_a_sentence_are_separated_as_the_language_writes_them(language, expected):
    from django.utils.translation import override

    from home.languages import joined

    with override(language):
        assert joined(["PDF", "CSV"]) == expected
