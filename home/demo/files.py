"""Reading the demo's data files: TOML, one per site or section and language, with dates
written relative to the day the demo is loaded, so the demo tells the same story whenever it
is loaded (an open consultation, milestones overdue, a meeting next month).

A date is `"<±days>d"` ("-7d", "+0d"); a moment adds a local time of day ("-7d 09:00")."""

import re
import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

RELATIVE = re.compile(r"(?P<days>[+-]\d+)d(?: (?P<hour>\d{1,2}):(?P<minute>\d{2}))?")


def read(package_file: str, name: str) -> dict:
    """The data file `data/<name>.toml` beside the demo package whose `__file__` is given."""
    with open(Path(package_file).parent / "data" / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)


def _parse(text: str) -> re.Match:
    match = RELATIVE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"Not a relative date ('-7d' or '-7d 09:00'): {text!r}")
    return match


def day(text: str, today: date) -> date:
    return today + timedelta(days=int(_parse(text)["days"]))


def aware(on: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(on, time(hour, minute)))


def moment(text: str, today: date) -> datetime:
    """A moment in the current time zone; without a time of day, the start of the day."""
    match = _parse(text)
    on = today + timedelta(days=int(match["days"]))
    return aware(on, int(match["hour"] or 0), int(match["minute"] or 0))
