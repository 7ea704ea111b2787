from .documents import DocumentsPage
from .events import EventIndexPage, EventPage
from .home_page import HomePage
from .news import NewsIndexPage, NewsPage
from .site_settings import SiteSettings
from .standard_page import StandardPage

__all__ = [
    "DocumentsPage",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "SiteSettings",
    "StandardPage",
]
