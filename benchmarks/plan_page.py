"""Plan page, commitment page and open-data downloads: response time and query count as a plan
grows from 10 to 200 commitments (5 milestones each).

Builds a fresh SQLite or PostgreSQL database (its name must contain "bench": the script deletes
and recreates it), then requests each page 30 times through Django's test client and prints the
median and 95th percentile in milliseconds with the number of queries.

    .venv/bin/python benchmarks/plan_page.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mosharaka_plan_bench \
        .venv/bin/python benchmarks/plan_page.py

Options: --sizes 10,50,200 --runs 30
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/mosharaka-plan-bench.sqlite3")

TODAY = date(2026, 11, 22)


def fresh_database() -> None:
    import dj_database_url

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = str(config["NAME"])
    if "bench" not in name:
        sys.exit(f"Refusing to reset {name!r}: the benchmark database's name must contain 'bench'.")
    if config["ENGINE"].endswith("sqlite3"):
        Path(name).unlink(missing_ok=True)
    else:
        import psycopg

        with psycopg.connect(
            host=config["HOST"] or None,
            port=config["PORT"] or None,
            user=config["USER"] or None,
            password=config["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')


def build(size: int, organisations: list, home):
    from decimal import Decimal

    from actionplans.models import (
        ActionPlanIndexPage,
        ActionPlanPage,
        CommitmentPage,
        Milestone,
        OGPValue,
        PlanPhase,
    )

    values = list(OGPValue.objects.all())
    index = ActionPlanIndexPage(title=f"Plans {size}", slug=f"plans-{size}", locale=home.locale)
    home.add_child(instance=index)
    plan = ActionPlanPage(
        title=f"Plan with {size} commitments",
        slug="plan",
        framework="open_collectivities",
        code=f"BENCH-{size}",
        period_start=date(2024, 1, 1),
        period_end=date(2027, 12, 31),
        locale=home.locale,
    )
    plan.phases = [
        PlanPhase(kind=kind, start=start, end=end)
        for kind, start, end in [
            ("co_creation", date(2023, 6, 1), date(2023, 9, 14)),
            ("adoption", date(2023, 10, 5), date(2023, 10, 5)),
            ("implementation", date(2024, 1, 1), date(2027, 12, 31)),
        ]
    ]
    index.add_child(instance=plan)
    commitment = None
    for n in range(size):
        commitment = CommitmentPage(
            title=f"الالتزام رقم {n}",
            slug=f"c{n}",
            code=f"C{n}",
            problem="نص الإشكالية " * 20,
            objective="نص الهدف " * 20,
            lead_institution=organisations[n % len(organisations)],
            budget=Decimal("1000000"),
            status=["in_progress", "completed", "delayed"][n % 3],
            progress=(n * 7) % 101,
            locale=home.locale,
        )
        commitment.partners = organisations[(n + 1) % 5 : (n + 1) % 5 + 2]
        commitment.ogp_values = values[n % 6 : n % 6 + 2]
        commitment.tags.add(f"theme-{n % 8}", "shared")
        commitment.milestones = [
            Milestone(
                deliverable=f"المرحلة {m} من الالتزام {n}",
                responsible=organisations[m % len(organisations)],
                start_date=TODAY - timedelta(days=400 - 90 * m),
                due_date=TODAY - timedelta(days=200 - 90 * m),
                status=["completed", "in_progress", "not_started"][m % 3],
                progress=[100, 50, 0][m % 3],
            )
            for m in range(5)
        ]
        plan.add_child(instance=commitment)
    return {
        "plan page": plan.url,
        "commitment page": commitment.url,
        "data.csv": plan.url + "data.csv",
        "data.json": plan.url + "data.json",
        "index page": index.url,
        "theme listing": index.url + "theme/shared/",
    }


def measure(client, url: str, runs: int) -> tuple[float, float, int]:
    from django.db import connection

    client.get(url)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
    return statistics.median(timings), p95, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,50,200")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    fresh_database()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from wagtail.models import Locale

    from accounts.models import Organisation
    from home.models import HomePage

    setup_test_environment()
    call_command("migrate", verbosity=0)
    for code in ("ar", "fr", "en", "fa-af"):
        Locale.objects.get_or_create(language_code=code)
    home = HomePage.objects.get(depth=2)
    organisations = [
        Organisation.objects.create(locale=home.locale, name=f"هيئة {n}", kind="cso")
        for n in range(7)
    ]
    client = Client()
    engine = django.db.connection.vendor
    print(f"Database: {engine}; {args.runs} requests per page; milliseconds (median / p95)")
    print(f"{'page':<18}{'commitments':>12}{'median':>10}{'p95':>10}{'queries':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        for name, url in build(size, organisations, home).items():
            median, p95, queries = measure(client, url, args.runs)
            print(f"{name:<18}{size:>12}{median:>10.1f}{p95:>10.1f}{queries:>9}")


if __name__ == "__main__":
    main()
