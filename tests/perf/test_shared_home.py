"""The home page's latest news and upcoming events, kept in the shared cache for the current
generation (the events by the minute): a committed article shows on the next request, and an
event leaves the list in the minute it starts, with no write."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from home.models import EventIndexPage, EventPage, HomePage, NewsIndexPage, NewsPage
from home.pagetree import add_child

from .conftest import committed

pytestmark = pytest.mark.django_db


def test_news_and_events_follow_writes_and_the_clock(shared, monkeypatch):
    home = HomePage.objects.get(depth=2)
    news = add_child(home, NewsIndexPage(title="News", slug="news"))
    events = add_child(home, EventIndexPage(title="Events", slug="events"))
    now = timezone.now()
    add_child(events, EventPage(title="Workshop soon", slug="soon", start=now + timedelta(hours=1)))
    visitor = Client()
    page = visitor.get(home.url).content.decode()
    assert "Workshop soon" in page and page == visitor.get(home.url).content.decode()
    add_child(news, NewsPage(title="An article after the cache was filled", slug="late"))
    committed()
    assert "An article after the cache was filled" in visitor.get(home.url).content.decode()
    later = now + timedelta(hours=1, minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page = visitor.get(home.url).content.decode()
    assert "Workshop soon" not in page  # started: no write, no new generation
    assert "An article after the cache was filled" in page
