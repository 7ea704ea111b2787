"""Every number a Dari reader sees is in Persian digits: demo pages in Dari are scanned for
Western digits in visible text (codes such as MZR-02 and other Latin words aside)."""

import re
from html.parser import HTMLParser

from django.core.management import call_command
from wagtail.models import Locale, Page

from home.digits import persian_html

LATIN = re.compile(r"[A-Za-z]")
WESTERN = re.compile(r"[0-9]")


class VisibleText(HTMLParser):
    """Words a reader sees or hears (text and the attributes read aloud)."""

    HIDDEN = {"script", "style", "textarea"}
    SPOKEN = {"title", "aria-label", "alt", "placeholder"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        for name, value in attrs:
            if name in self.SPOKEN and value:
                self.words.extend(value.split())

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.words.extend(data.split())


def western_numbers(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return [w for w in parser.words if WESTERN.search(w) and not LATIN.search(w)]


def test_rewriting_keeps_codes_markup_and_scripts():
    html = (
        '<p data-n="3" title="2 نظر">26 روز (1) <bdi>MZR-02</bdi> 1.1</p>'
        "<script>let a = 1;</script><textarea>12</textarea>"
    )
    assert persian_html(html) == (
        '<p data-n="3" title="۲ نظر">۲۶ روز (۱) <bdi>MZR-02</bdi> ۱.۱</p>'
        "<script>let a = 1;</script><textarea>12</textarea>"
    )
    assert western_numbers(html) == ["2", "26", "(1)", "1.1"]
    assert western_numbers(persian_html(html)) == []


def test_dari_pages_show_only_persian_digits(db, client):
    call_command("load_demo")
    dari = Locale.objects.get(language_code="fa-af")
    urls = [p.url for p in Page.objects.live().filter(locale=dari, depth__gt=1).specific()]
    urls += [
        "/fa-af/search/?q=1403",
        "/fa-af/search/commitments/",
        "/fa-af/account/login/",
        "/fa-af/account/signup/",
        "/fa-af/this-page-does-not-exist/",
    ]
    assert len(urls) > 8
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        numbers = western_numbers(response.content.decode())
        if numbers:
            found[url] = numbers[:10]
    # A sign-up with errors: the password rules and their numbers.
    response = client.post(
        "/fa-af/account/signup/",
        {"email": "x@example.org", "password1": "1234", "password2": "1234", "display_name": "x"},
    )
    numbers = western_numbers(response.content.decode())
    if numbers:
        found["signup errors"] = numbers
    assert "۸" in response.content.decode()  # "at least 8 characters", in Persian digits
    assert found == {}
