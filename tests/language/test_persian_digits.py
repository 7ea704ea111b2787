"""Every number a Dari reader sees is in Persian digits: demo pages in Dari are scanned for
Western digits in visible text (codes such as MZR-02 and other Latin words aside)."""

import re
from html.parser import HTMLParser

from home.digits import persian_html

LATIN = re.compile(r"[A-Za-z]")
WESTERN = re.compile(r"[0-9]")
ARABIC = re.compile(r"[\u0600-\u06ff]")


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
        if self.hidden:
            return
        after_latin = False
        for word in data.split():
            # A number right after a Latin word is part of a name or code (CC BY 4.0).
            self.words.append("(code)" if after_latin and not ARABIC.search(word) else word)
            after_latin = bool(LATIN.search(word))


def western_numbers(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return [w for w in parser.words if WESTERN.search(w) and not LATIN.search(w)]


def test_rewriting_keeps_codes_markup_and_scripts():
    html = (
        '<p data-n="3" title="2 نظر">26 روز (1) <bdi>MZR-02</bdi> 1.1 (CC BY 4.0) 5 روز</p>'
        "<script>let a = 1;</script><textarea>12</textarea>"
    )
    assert persian_html(html) == (
        '<p data-n="3" title="۲ نظر">۲۶ روز (۱) <bdi>MZR-02</bdi> ۱.۱ (CC BY 4.0) ۵ روز</p>'
        "<script>let a = 1;</script><textarea>12</textarea>"
    )
    assert western_numbers(html) == ["2", "26", "(1)", "1.1", "5"]
    assert western_numbers(persian_html(html)) == []
