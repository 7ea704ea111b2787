"""What can be commented on, without importing the apps that own it.

A consultation has a time window; a commitment (actionplans) has a `comments_open` switch and no
window. Both are recognised by their fields, so this app never imports actionplans."""

from datetime import datetime

UPCOMING = "upcoming"
OPEN = "open"
CLOSED = "closed"


def has_window(page) -> bool:
    return hasattr(page, "opens_at") and hasattr(page, "closes_at")


def accepts_comments(page) -> bool:
    return page is not None and (has_window(page) or hasattr(page, "comments_open"))


def commenting_state(page, now: datetime) -> str:
    if page is None:
        return CLOSED
    if has_window(page):
        if now < page.opens_at:
            return UPCOMING
        return OPEN if now < page.closes_at else CLOSED
    return OPEN if getattr(page, "comments_open", False) else CLOSED


def responses_allowed(page, now: datetime) -> bool:
    """Consultations are answered once closed; commitments may be answered at any time."""
    if page is None:
        return False
    if has_window(page):
        return now >= page.closes_at
    return accepts_comments(page)
