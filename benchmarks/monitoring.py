"""Co-monitoring pages: render time and query count of the commitment page (its co-monitoring
section, history paginated) and the plan's monitoring dashboard with 10, 1,000 and 10,000
reports (all on one commitment of a 10-commitment plan: the worst case for its page).

Builds a fresh SQLite or PostgreSQL database (its name must contain "bench": the script deletes
and recreates it), then requests each page --runs times through Django's test client and prints
the median and 95th percentile in milliseconds with the number of queries.

    .venv/bin/python benchmarks/monitoring.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mosharaka_monitoring_bench \\
        .venv/bin/python benchmarks/monitoring.py

Options: --sizes 10,1000,10000 --runs 20
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/mosharaka-monitoring-bench.sqlite3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    from plan_page import build, fresh_database, measure

    fresh_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from wagtail.models import Locale

    from accounts.models import Organisation, User
    from actionplans.models import ActionPlanPage, CommitmentPage
    from actionplans.monitoring.bulk import add_reports
    from actionplans.monitoring.models import ProgressReport
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
    urls = build(10, organisations, home)
    plan = ActionPlanPage.objects.get(code="BENCH-10")
    commitment = CommitmentPage.objects.child_of(plan).order_by("path").first()
    author = User.objects.create_user(username="bench", email="bench@example.org")
    pages = {
        "commitment page": commitment.url,
        "dashboard": f"/ar/monitoring/plans/{plan.pk}/",
        "plan page": urls["plan page"],
    }
    client = Client()
    print(
        f"Database: {django.db.connection.vendor}; {args.runs} requests per page; "
        "milliseconds (median / p95)"
    )
    print(f"{'page':<18}{'reports':>10}{'median':>10}{'p95':>10}{'queries':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        missing = size - ProgressReport.objects.count()
        if missing > 0:
            add_reports(
                commitment,
                plan,
                missing,
                author=author,
                official_by=organisations[0],
                civil_society_by=organisations[1],
            )
        for name, url in pages.items():
            median, p95, queries = measure(client, url, args.runs)
            print(f"{name:<18}{size:>10}{median:>10.1f}{p95:>10.1f}{queries:>9}")


if __name__ == "__main__":
    main()
