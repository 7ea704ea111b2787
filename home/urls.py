"""Wagtail's front-end URLs, its page view replaced by home.serve's (same name, same pattern)."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from .serve import serve

urlpatterns = [
    *(p for p in wagtail_urls.urlpatterns if getattr(p, "name", None) != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
