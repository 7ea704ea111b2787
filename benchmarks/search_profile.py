"""Where a search's time goes, on a database search_benchmark.py has built (it is not reset).

Runs the benchmark's mix of searches and prints, per kind of search, the queries each runs
and the database time they take (the SQL of the slowest ones with --sql), then a pyinstrument
profile of all of them. Queries and profile do not depend on the load of a shared machine the
way wall-clock percentiles do, so a before/after comparison can be made with them.

    DATABASE_URL=sqlite:////tmp/mosharaka-bench.sqlite3 \
        .venv/bin/python benchmarks/search_profile.py [--searches 100] [--sql] [--html out.html]
"""

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/mosharaka-bench.sqlite3")


class QueryLog:
    """A connection execute wrapper recording each statement and its duration."""

    def __init__(self):
        self.queries: list[tuple[str, float, float]] = []

    def __call__(self, execute, sql, params, many, context):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return execute(sql, params, many, context)
        finally:
            wall_ms = (time.perf_counter() - started) * 1000
            self.queries.append((sql, wall_ms, (time.process_time() - cpu) * 1000))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1403)
    parser.add_argument("--sql", action="store_true", help="print the slowest statements")
    parser.add_argument("--html", help="write the pyinstrument profile as HTML there")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from pyinstrument import Profiler

    from benchmarks.search_benchmark import searches

    plan = searches(args.searches, random.Random(args.seed))
    for _kind, call in plan[:10]:  # warm caches and connections
        call()
    per_kind: dict[str, list[QueryLog]] = defaultdict(list)
    cpu_ms: dict[str, list[float]] = defaultdict(list)
    profiler = Profiler(interval=0.0005)
    for kind, call in plan:
        log = QueryLog()
        with connection.execute_wrapper(log):
            profiler.start()
            started = time.process_time()
            call()
            cpu_ms[kind].append((time.process_time() - started) * 1000)
            profiler.stop()
        per_kind[kind].append(log)

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    print("cpu: this process's CPU time (on SQLite it includes the database's work)")
    print(f"{'searches':<16}{'count':>6}{'queries':>9}{'db ms':>8}{'db cpu ms':>11}{'cpu ms':>9}")
    for kind, logs in per_kind.items():
        queries = sum(len(log.queries) for log in logs) / len(logs)
        db_ms = sum(q[1] for log in logs for q in log.queries) / len(logs)
        db_cpu = sum(q[2] for log in logs for q in log.queries) / len(logs)
        cpu = sum(cpu_ms[kind]) / len(logs)
        print(f"{kind:<16}{len(logs):>6}{queries:>9.1f}{db_ms:>8.1f}{db_cpu:>11.1f}{cpu:>9.1f}")
    if args.sql:
        for kind, logs in per_kind.items():
            print(f"\n--- {kind}: statements of its slowest search (wall ms, cpu ms)")
            slowest = max(logs, key=lambda log: sum(q[1] for q in log.queries))
            for sql, wall, cpu in sorted(slowest.queries, key=lambda item: -item[1]):
                print(f"{wall:8.1f} {cpu:8.1f}  {sql[:600]}")
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        Path(args.html).write_text(profiler.output_html())


if __name__ == "__main__":
    main()
