"""Benchmark: server time of a consultation page and a paragraph page with N comments.

Run on a scratch database with production-like settings (DEBUG off, cached templates), e.g.
  export DJANGO_SETTINGS_MODULE=config.settings.test
  export DATABASE_URL=sqlite:////tmp/mosharaka-consultation-bench.sqlite3
  python manage.py migrate && python manage.py benchmark_consultation --comments 1000
It adds a consultation with that many comments (a third with replies, half answered) under the
first consultations index (or the home page). Each page is requested once to warm the caches,
once to count its queries, then --runs times; each request's server time is the whole request
through Django's test client (middleware, view, queries, template), in milliseconds. It prints
the median and the 95th percentile."""

import statistics
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import Page

from accounts.models import User
from consultations.bulk import add_comments
from consultations.demo import draft, read_draft
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
)
from home.pagetree import add_child


def percentile(sorted_values: list[float], share: float) -> float:
    """The value below which ``share`` of the values fall (nearest rank)."""
    rank = max(1, round(share * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


class QueryCounter:
    """A database execute wrapper that counts the statements run."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class Command(BaseCommand):
    help = (
        "Server time (median and 95th percentile, ms) and queries of a consultation page and "
        "a paragraph page with N comments. Adds the comments: scratch database only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--comments", type=int, default=5000, help="comments to add")
        parser.add_argument("--runs", type=int, default=50, help="timed requests per page")
        parser.add_argument(
            "--cold",
            action="store_true",
            help="without the site data kept per cache generation (as the first request after "
            "a write); by default it is on, as in production (the test settings turn it off)",
        )

    def handle(self, *args, comments: int, runs: int, cold: bool, **options):
        module = settings.SETTINGS_MODULE
        with override_settings(MOSHARAKA_SITE_DATA_CACHE=not cold):
            self._measure(comments, runs, module)

    def _measure(self, comments: int, runs: int, module: str) -> None:
        if settings.DEBUG:
            self.stderr.write(
                "DEBUG is on: the timings include Django's debug work. For production-like "
                "figures run with DJANGO_SETTINGS_MODULE=config.settings.test."
            )
        page = self._consultation(comments)
        client = Client(HTTP_HOST="127.0.0.1")
        paragraph = page.sections[1].paragraphs[0]
        self.stdout.write(
            f"{comments} comments; {runs} requests per page; server time in ms "
            f"(settings {module}, DEBUG {settings.DEBUG}, "
            f"site data cache {'on' if settings.MOSHARAKA_SITE_DATA_CACHE else 'off'})"
        )
        for label, url in (
            ("consultation page", page.url),
            ("paragraph page", page.paragraph_url(paragraph)),
        ):
            client.get(url)
            queries = QueryCounter()
            with connection.execute_wrapper(queries):
                response = client.get(url)
            assert response.status_code == 200, response.status_code
            timings = []
            for _ in range(runs):
                start = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            timings.sort()
            self.stdout.write(
                f"{label}: median {statistics.median(timings):.1f} ms, "
                f"p95 {percentile(timings, 0.95):.1f} ms, {queries.count} queries, "
                f"{len(response.content) // 1024} kB"
            )

    def _consultation(self, n: int) -> ConsultationPage:
        index = ConsultationIndexPage.objects.first()
        if index is None:
            home = Page.objects.get(depth=2)
            index = add_child(home, ConsultationIndexPage(title="Bench", slug="bench"))
        now = timezone.now()
        page = add_child(
            index,
            ConsultationPage(
                title=f"Benchmark {n}",
                slug=f"bench-{uuid.uuid4().hex[:8]}",
                consulted_on="Benchmark",
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=1),
                draft=draft(f"bench-{uuid.uuid4()}", read_draft("charter")),
            ),
        )
        users = [
            User.objects.create_user(username=f"bench-{uuid.uuid4().hex[:10]}", password=None)
            for _ in range(50)
        ]
        add_comments(page, users, n)
        return page
