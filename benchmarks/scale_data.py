"""Grow a benchmark database to N× the demo: more plans of 25 commitments (5 milestones each,
100 comments each) under the French programmes index. ``--factor 100`` gives 10,000
commitments, 50,000 milestones and 1,000,000 comments, the scale of the issue's targets.

Inserts in bulk (minutes on PostgreSQL, not hours), then indexes the new pages for search.
Run it on a database prepared by site_benchmark.py, then benchmark again with --reuse:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mosharaka_perf_bench \\
        .venv/bin/python benchmarks/site_benchmark.py --passes 1 --duration 2   # builds 1×
    DATABASE_URL=… .venv/bin/python benchmarks/scale_data.py --factor 100
    DATABASE_URL=… .venv/bin/python benchmarks/site_benchmark.py --reuse

The database's name must contain "bench".
"""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

COMMITMENTS_PER_PLAN = 25
MILESTONES_PER_COMMITMENT = 5
COMMENTS_PER_COMMITMENT = 100
STATUSES = ["not_started", "in_progress", "completed", "delayed", "cancelled"]


def grow(factor: int, rng: random.Random) -> dict[str, int]:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from accounts.models import Organisation, User
    from actionplans.models import ActionPlanIndexPage, ActionPlanPage, CommitmentPage, Milestone
    from benchmarks.search_benchmark import child_paths, insert_local_rows, sentence
    from consultations.models import Comment
    from home.pagetree import add_child

    index = ActionPlanIndexPage.objects.filter(locale__language_code="fr").first()
    if index is None:
        raise SystemExit("No French programmes index: build the demo first (site_benchmark.py).")
    locale = index.locale
    organisations = list(Organisation.objects.filter(locale=locale)[:12])
    users = [User.objects.create_user(username=f"scale-{uuid.uuid4().hex[:10]}") for _ in range(50)]
    content_type = ContentType.objects.get_for_model(CommitmentPage)
    now, today = timezone.now(), date.today()
    plans = factor * 4
    totals = {"plans": 0, "commitments": 0, "milestones": 0, "comments": 0}
    for plan_number in range(plans):
        with transaction.atomic():
            plan = add_child(
                index,
                ActionPlanPage(
                    title=f"Programme {plan_number} " + sentence(rng, "fr", 3),
                    slug=f"scale-{uuid.uuid4().hex[:8]}",
                    code=f"S-{plan_number}",
                    framework="ogp_local",
                    period_start=today,
                    period_end=today + timedelta(days=1000),
                ),
            )
            pages = []
            for n, path in enumerate(child_paths(plan.path, 1, COMMITMENTS_PER_PLAN)):
                slug = f"c-{n}"
                pages.append(
                    Page(
                        title=sentence(rng, "fr", rng.randint(3, 7)),
                        draft_title="",
                        slug=slug,
                        path=path,
                        depth=plan.depth + 1,
                        numchild=0,
                        url_path=f"{plan.url_path}{slug}/",
                        content_type=content_type,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages)
            pages = list(Page.objects.filter(path__startswith=plan.path, depth=plan.depth + 1))
            details = [
                CommitmentPage(
                    page_ptr_id=page.pk,
                    intro=sentence(rng, "fr", 12),
                    code=f"S{plan_number}-{n}",
                    problem=sentence(rng, "fr", 25),
                    objective=sentence(rng, "fr", 25),
                    status=rng.choice(STATUSES),
                    progress=rng.randint(0, 100),
                    lead_institution=rng.choice(organisations) if organisations else None,
                    comments_open=True,
                )
                for n, page in enumerate(pages)
            ]
            insert_local_rows(CommitmentPage, details)
            Page.objects.filter(pk=plan.pk).update(numchild=len(pages))
            Milestone.objects.bulk_create(
                Milestone(
                    commitment_id=page.pk,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    sort_order=m,
                    deliverable=sentence(rng, "fr", 5),
                    start_date=today - timedelta(days=100),
                    due_date=today + timedelta(days=30 * (m - 2)),
                    status=rng.choice(["not_started", "in_progress", "completed"]),
                    progress=rng.randint(0, 100),
                )
                for page in pages
                for m in range(MILESTONES_PER_COMMITMENT)
            )
            Comment.objects.bulk_create(
                (
                    Comment(
                        target_key=page.translation_key,
                        language="fr",
                        author=users[c % len(users)],
                        body=sentence(rng, "fr", 20),
                        status="published",
                    )
                    for page in pages
                    for c in range(COMMENTS_PER_COMMITMENT)
                ),
                batch_size=5000,
            )
        totals["plans"] += 1
        totals["commitments"] += len(pages)
        totals["milestones"] += len(pages) * MILESTONES_PER_COMMITMENT
        totals["comments"] += len(pages) * COMMENTS_PER_COMMITMENT
        if plan_number % 20 == 19:
            print(f"  {totals}", flush=True)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1403)
    parser.add_argument("--no-index", action="store_true", help="skip update_index")
    args = parser.parse_args()
    import dj_database_url

    name = str(dj_database_url.parse(os.environ.get("DATABASE_URL", ""))["NAME"])
    if "bench" not in name:
        raise SystemExit(f"Refusing to grow {name!r}: the database's name must contain 'bench'.")
    os.environ.setdefault("MOSHARAKA_PAGE_CACHE", "0")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    totals = grow(args.factor, random.Random(args.seed))
    print(f"added {totals} in {time.perf_counter() - started:.0f} s")
    if not args.no_index:
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        print(f"indexed in {time.perf_counter() - started:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


if __name__ == "__main__":
    main()
