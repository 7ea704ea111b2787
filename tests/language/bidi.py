"""Finds mixed-direction runs that scramble: in a block's own text (outside <bdi>, elements
with a dir attribute, <time> and form fields), a number that belongs to the right-to-left
words after or before it but touches a Latin word through spaces and punctuation only. The
bidirectional algorithm then pulls the number into the Latin run: "TXT · 5 أكتوبر 2023"
shows as "2023 أكتوبر TXT · 5". A number after right-to-left text is safe, whatever follows."""

import re
from html.parser import HTMLParser

ARABIC = "\u0600-\u06ff"
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
NEUTRAL = rf"[^A-Za-zÀ-ÿ{ARABIC}{DIGITS}]"  # spaces, punctuation, symbols
SCRAMBLED = re.compile(
    rf"[A-Za-zÀ-ÿ]{NEUTRAL}*\s[{DIGITS}][{DIGITS}.,٫٬]*\s+[{ARABIC}]"  # TXT · 5 أكتوبر
)  # (a number after a Latin word takes its direction: rule W7 of the algorithm)
BLOCKS = {
    "p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section",
    "header", "footer", "nav", "summary", "label", "caption", "figcaption", "button", "legend",
    "article", "main", "aside", "ul", "ol", "dl", "table", "tr", "form", "fieldset", "details",
    "blockquote", "address",
}  # fmt: skip
ISOLATING = {"bdi", "bdo", "time", "input", "textarea", "select", "option", "script", "style",
             "title", "svg", "code", "kbd", "samp", "pre"}  # fmt: skip
# <time> isolates through the stylesheet (time { unicode-bidi: isolate }).
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base"}


class MixedRuns(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, isolates)
        self.blocks: list[list[str]] = [[]]
        self.found: list[str] = []

    def _isolated(self) -> bool:
        return any(isolates for _tag, isolates in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        isolates = tag in ISOLATING or ("dir" in attrs and tag != "html")
        if tag in BLOCKS and not self._isolated():
            self.blocks.append([])
        self.stack.append((tag, isolates))

    def handle_endtag(self, tag):
        if tag in VOID or not any(t == tag for t, _i in self.stack):
            return
        while self.stack:
            name, _isolates = self.stack.pop()
            if name == tag:
                break
        if tag in BLOCKS and not self._isolated() and len(self.blocks) > 1:
            self._close(self.blocks.pop())

    def _close(self, texts: list[str]):
        text = " ".join(" ".join(texts).split())
        if SCRAMBLED.search(text):
            self.found.append(text)

    def handle_data(self, data):
        if not self._isolated():
            self.blocks[-1].append(data)


def mixed_runs(html: str) -> list[str]:
    parser = MixedRuns()
    parser.feed(html)
    return parser.found
