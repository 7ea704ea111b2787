"""Benchmark: render a consultation page and a paragraph page with N comments.

Run on a scratch database, e.g.
  DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py migrate
  DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py benchmark_consultation --comments 5000
It adds a consultation with that many comments (a third with replies, half answered) under the
first consultations index (or the home page), then times and counts queries for each page."""

import statistics
import time
import uuid
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
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


class Command(BaseCommand):
    help = "Time the consultation pages with many comments (scratch database only)."

    def add_arguments(self, parser):
        parser.add_argument("--comments", type=int, default=5000)
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, comments: int, runs: int, **options):
        page = self._consultation(comments)
        client = Client(HTTP_HOST="127.0.0.1")
        paragraph = page.sections[1].paragraphs[0]
        for label, url in (
            ("consultation page", page.url),
            ("paragraph page", page.paragraph_url(paragraph)),
        ):
            client.get(url)
            timings, queries = [], 0
            for _ in range(runs):
                with CaptureQueriesContext(connection) as captured:
                    start = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - start) * 1000)
                queries = len(captured)
                assert response.status_code == 200, response.status_code
            self.stdout.write(
                f"{label}: {comments} comments, median {statistics.median(timings):.0f} ms, "
                f"max {max(timings):.0f} ms, {queries} queries, {len(response.content) // 1024} kB"
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
