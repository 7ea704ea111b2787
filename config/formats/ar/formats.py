"""Arabic date and time formats as Moroccan administrations write them, where Django's own
Arabic formats have none (DATETIME_FORMAT) or a 12-hour clock: the admin then shows
"2 ديسمبر 2026، 12:21" instead of "ديسمبر 2, 2026, 12:21 ص". Public pages format their
dates themselves (home/dates.py)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y H:i"
TIME_FORMAT = "H:i"
