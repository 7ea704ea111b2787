"""Cleaning of text people type into the site: names, comments, reasons.

Bidirectional control characters let a writer make text display in another order than it is
stored (a "Trojan source" trick: a link or name that reads one way and means another), and NUL
bytes break databases and logs. Both are removed before anything is saved."""

import re
import unicodedata

# LRE, RLE, PDF, LRO, RLO (U+202A–U+202E), LRI, RLI, FSI, PDI (U+2066–U+2069), LRM, RLM and
# the Arabic letter mark. Right-to-left text displays correctly without them inside dir="auto".
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# C0/C1 control characters except tab and newline.
OTHER_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MANY_BLANK_LINES = re.compile(r"\n{3,}")


def strip_controls(text: str) -> str:
    """Remove bidirectional controls and other control characters (NUL included)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return OTHER_CONTROLS.sub("", BIDI_CONTROLS.sub("", text))


def clean_line(text: str | None) -> str:
    """A one-line value (a name, a reason): controls removed, whitespace collapsed."""
    text = unicodedata.normalize("NFC", strip_controls(text or ""))
    return " ".join(text.split())


def clean_multiline(text: str | None) -> str:
    """A multi-line value (a comment): controls removed, trailing spaces and runs of blank
    lines trimmed, paragraphs kept."""
    text = unicodedata.normalize("NFC", strip_controls(text or ""))
    lines = [line.rstrip() for line in text.split("\n")]
    return MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
