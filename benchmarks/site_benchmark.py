"""Throughput of the site against this machine's ceiling, in one run, interleaved, twice.

Starts, each on a loopback port with gunicorn and 2 sync workers:
  - the ceiling: a bare WSGI app serving 30 KB (benchmarks/baselines.py);
  - the Django floor: the same bytes through a Django view with startproject's middleware;
  - the site with production settings, page cache on (anonymous visitors, cached);
  - the site with production settings, page cache off (every request rendered).
Then runs the same wrk load on each page of each server, the whole round twice (so a noisy
neighbour hits every row alike), counts the queries each page runs uncached, reads the
workers' memory, stops every process it started and prints a table.

    apt-get install -y wrk                       # or: make bench-deps
    .venv/bin/python benchmarks/site_benchmark.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mosharaka_perf_bench \\
        .venv/bin/python benchmarks/site_benchmark.py

The database's name must contain "bench": it is deleted and rebuilt (demo content plus a
consultation with --comments comments) unless --reuse is given. Options: --duration 5 (seconds
per wrk run), --connections 8, --passes 2, --comments 1000, --reuse, --redis (share the cache
through REDIS_URL instead of files), --pages home,plan (only the pages whose names contain one
of these words), --uncached (only uncached rows). Total time is printed first and bounded by
the options.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import WRK_SCRIPT, Server, free_port, wrk  # noqa: E402 - after the path

PYTHON = sys.executable
BASE_PORT = int(os.environ.get("BENCH_PORT", "8750"))


def site_environment(args, cache_dir: str, page_cache: bool, conn_max_age=None) -> dict:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "benchmark-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": args.database_url,
        "CACHE_DIR": cache_dir,
        "MOSHARAKA_PAGE_CACHE": "1" if page_cache else "0",
        "LOG_LEVEL": "WARNING",
    }
    if not args.redis:
        environment.pop("REDIS_URL", None)
    if conn_max_age is not None:
        environment["CONN_MAX_AGE"] = str(conn_max_age)
    return environment


def prepare_database(args) -> dict:
    """Build (or reuse) the data and return the pages to load, found in the database."""
    os.environ.update(site_environment(args, tempfile.mkdtemp(prefix="bench-cache-"), False))
    import django

    django.setup()
    from django.core.management import call_command

    if not args.reuse:
        from benchmarks.plan_page import fresh_database

        fresh_database()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo", verbosity=0)
        add_big_consultation(args.comments)
    call_command("collectstatic", verbosity=0, interactive=False)
    return pages()


def add_big_consultation(n: int) -> None:
    import uuid
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import User
    from consultations.bulk import add_comments
    from consultations.demo import draft, read_draft
    from consultations.models import ConsultationIndexPage, ConsultationPage
    from home.pagetree import add_child

    index = ConsultationIndexPage.objects.filter(locale__language_code="fr").first()
    now = timezone.now()
    page = add_child(
        index,
        ConsultationPage(
            title=f"Benchmark {n}",
            slug=f"bench-{n}",
            consulted_on="Benchmark",
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=300),
            draft=draft(f"bench-{uuid.uuid4()}", read_draft("charter", "fr")),
        ),
    )
    users = [User.objects.create_user(username=f"bench-{i}", password=None) for i in range(50)]
    add_comments(page, users, n)


def pages() -> dict[str, str]:
    from actionplans.models import ActionPlanPage, CommitmentPage
    from consultations.models import ConsultationPage
    from home.models import NewsPage, StandardPage

    def url(model, **filters) -> str:
        page = model.objects.live().filter(locale__language_code="fr", **filters).first()
        if page is None:
            raise SystemExit(f"No live French {model.__name__} in the benchmark database.")
        return page.url

    news = NewsPage.objects.live().filter(locale__language_code="fr").first()
    return {
        "home /fr/": "/fr/",
        "plain Wagtail page (news article)": news.url if news else url(StandardPage),
        "plan page": url(ActionPlanPage),
        "commitment page": url(CommitmentPage),
        "consultation, many comments": url(ConsultationPage, slug__startswith="bench-"),
        "commitment search (text + facet)": "/fr/search/commitments/?q=budget&status=in_progress",
        "site search": "/fr/search/?q=participation",
    }


def count_queries(urls: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Queries and size of each page rendered uncached, through Django's test client."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    counts = {}
    with override_settings(
        MOSHARAKA_PAGE_CACHE={**_settings().MOSHARAKA_PAGE_CACHE, "ENABLED": False}
    ):
        client = Client(HTTP_HOST="127.0.0.1")
        for name, url in urls.items():
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            counts[name] = (len(captured), len(response.content))
    connection.close()
    return counts


def _settings():
    from django.conf import settings

    return settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--comments", type=int, default=1000)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--redis", action="store_true")
    parser.add_argument("--pages", default="", help="e.g. home,news,plan,commitment")
    parser.add_argument("--uncached", action="store_true", help="only the uncached rows")
    args = parser.parse_args()
    args.database_url = os.environ.get(
        "DATABASE_URL", "sqlite:////tmp/mosharaka-site-bench.sqlite3"
    )
    if args.redis and not os.environ.get("REDIS_URL"):
        raise SystemExit("--redis needs REDIS_URL, e.g. redis://127.0.0.1:6379/14")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk (or make bench-deps)")

    print(f"Database: {args.database_url}; cache: {'Redis' if args.redis else 'files'}")
    print("Preparing data..." if not args.reuse else "Reusing data...", flush=True)
    urls = prepare_database(args)
    if args.pages:
        words = [word.strip() for word in args.pages.split(",") if word.strip()]
        urls = {name: url for name, url in urls.items() if any(w in name for w in words)}
    queries = count_queries(urls)

    workdir = Path(tempfile.mkdtemp(prefix="mosharaka-bench-"))
    script = workdir / "report.lua"
    script.write_text(WRK_SCRIPT)
    cache_dir = str(workdir / "cache")
    port = free_port(BASE_PORT)
    servers: dict[str, Server] = {}
    rows: list[tuple[str, str, str]] = [
        ("ceiling: bare WSGI, 30 KB", "ceiling", "/"),
        ("Django floor: view + default middleware", "floor", "/"),
    ]
    for name, url in urls.items():
        if name != "site search" and not args.uncached:
            rows.append((f"{name} · cached", "cached", url))
        rows.append((f"{name} · uncached", "uncached", url))
    postgres = args.database_url.startswith("postgres")
    if postgres:  # persistent connections (the default) against one connection per request
        for name in ("plain Wagtail page (news article)", "plan page", "commitment page"):
            if name in urls:
                rows.append((f"{name} · uncached, CONN_MAX_AGE=0", "per-request", urls[name]))
    runs = len(rows) * args.passes
    print(
        f"{runs} wrk runs of {args.duration} s, {args.connections} connections: "
        f"about {runs * (args.duration + 1) // 60 + 1} min",
        flush=True,
    )
    results: dict[str, list[dict]] = {label: [] for label, _, _ in rows}
    rss: dict[str, list[float]] = {}
    try:
        servers["ceiling"] = Server(
            "ceiling", "benchmarks.baselines:ceiling", port, dict(os.environ), workdir
        )
        servers["floor"] = Server(
            "floor",
            "benchmarks.baselines:floor_app()",
            free_port(port + 10),
            dict(os.environ),
            workdir,
        )
        servers["cached"] = Server(
            "cached",
            "config.wsgi",
            free_port(port + 20),
            site_environment(args, cache_dir, True),
            workdir,
        )
        servers["uncached"] = Server(
            "uncached",
            "config.wsgi",
            free_port(port + 30),
            site_environment(args, cache_dir, False),
            workdir,
        )
        if postgres:
            servers["per-request"] = Server(
                "per-request",
                "config.wsgi",
                free_port(port + 40),
                site_environment(args, cache_dir, False, conn_max_age=0),
                workdir,
            )
        for _, server, path in rows:
            servers[server].wait(path)
            for _ in range(3):
                urllib.request.urlopen(servers[server].url(path), timeout=30).read()  # noqa: S310
        for number in range(args.passes):
            print(f"Pass {number + 1}/{args.passes}", flush=True)
            for label, server, path in rows:
                results[label].append(wrk(servers[server].url(path), args, str(script)))
        for name in ("cached", "uncached"):
            rss[name] = servers[name].worker_rss_mb()
    finally:
        for server in servers.values():
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    report(rows, results, queries, urls, rss, args)


def report(rows, results, queries, urls, rss, args) -> None:
    # Each pass's ratio to the ceiling measured in the same pass (the machine's load drifts
    # between passes), then their mean.
    ceilings = [r["rps"] for r in results[rows[0][0]]]
    names = {url: name for name, url in urls.items()}
    print()
    print("| page | req/s (each pass) | req/s | p50 ms | p95 ms | queries | KB | × ceiling |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, server, path in rows:
        runs = results[label]
        rps = statistics.mean(r["rps"] for r in runs)
        ratio = statistics.mean(r["rps"] / c for r, c in zip(runs, ceilings, strict=True))
        each = " / ".join(f"{r['rps']:,.0f}" for r in runs)
        p50 = statistics.mean(r["p50"] for r in runs) / 1000
        p95 = statistics.mean(r["p95"] for r in runs) / 1000
        bad = sum(r["errors"] + r["non2xx"] for r in runs)
        count, size = queries.get(names.get(path), (0, 30 * 1024))
        if server not in ("uncached", "per-request"):
            count = 0  # the baselines run none; a cached page is served without the database
        flag = f" ({bad} errors)" if bad else ""
        print(
            f"| {label}{flag} | {each} | {rps:,.0f} | {p50:.1f} | {p95:.1f} | {count} | "
            f"{size / 1024:.0f} | {ratio:.1%} |"
        )
    print()
    for name, sizes in rss.items():
        print(
            f"gunicorn worker RSS after the run, site {name}: "
            + ", ".join(f"{size:.0f} MB" for size in sizes)
        )
    print(
        f"wrk: 2 threads, {args.connections} connections, {args.duration} s per run, "
        f"{args.passes} interleaved passes; queries counted uncached with Django's test client."
    )


if __name__ == "__main__":
    main()
