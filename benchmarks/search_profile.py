"""Where a search's time goes, on a database search_benchmark.py has built (it is not reset).

Runs the benchmark's mix of searches (without rebuilding anything) and prints, per kind of
search, the queries each runs, the database time they take, this process's CPU time (which
includes SQLite's work) and the wall-clock median and p95; with --sql the statements of the
slowest search of each kind, with --profile a pyinstrument profile. Query counts and CPU time
depend less on the load of a shared machine than wall-clock percentiles do.

    DATABASE_URL=sqlite:////tmp/mosharaka-bench.sqlite3 \
        .venv/bin/python benchmarks/search_profile.py [--searches 200] [--sql] [--profile]
"""

import argparse
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/mosharaka-bench.sqlite3")
# As on the site, each search's facet table is kept while the data is unchanged (search/table.py);
# MOSHARAKA_SEARCH_DATA_VERSION= (empty) reads it for every search instead.
os.environ.setdefault("MOSHARAKA_SEARCH_DATA_VERSION", "pagecache.generation.current")


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


def server_cpu_reader(connection):
    """A function giving the CPU seconds the PostgreSQL server process of ``connection`` has
    used, when that process runs on this machine (None otherwise, and for SQLite)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = Path(f"/proc/{cursor.fetchone()[0]}/stat")
    if not stat.exists():
        return None
    ticks = os.sysconf("SC_CLK_TCK")

    def read():
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime

    return read


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1403)
    parser.add_argument("--sql", action="store_true", help="print the slowest statements")
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile")
    parser.add_argument("--html", help="write the pyinstrument profile as HTML there")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from benchmarks.search_benchmark import percentile, searches

    plan = searches(args.searches, random.Random(args.seed))
    for _kind, call in plan[:10]:  # warm caches and connections
        call()
    per_kind: dict[str, list[QueryLog]] = defaultdict(list)
    cpu_ms: dict[str, list[float]] = defaultdict(list)
    wall_ms: dict[str, list[float]] = defaultdict(list)
    server_cpu = server_cpu_reader(connection)
    server_ms: dict[str, float] = defaultdict(float)
    profiler = None
    if args.profile or args.html:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
    for kind, call in plan:
        log = QueryLog()
        with connection.execute_wrapper(log):
            if profiler:
                profiler.start()
            started, cpu = time.perf_counter(), time.process_time()
            server_started = server_cpu() if server_cpu else 0
            call()
            if server_cpu:
                server_ms[kind] += (server_cpu() - server_started) * 1000
            cpu_ms[kind].append((time.process_time() - cpu) * 1000)
            wall_ms[kind].append((time.perf_counter() - started) * 1000)
            if profiler:
                profiler.stop()
        per_kind[kind].append(log)

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    print("cpu: this process's CPU time (on SQLite it includes the database's work);")
    print("server cpu: the PostgreSQL server process's (10 ms ticks, averaged over the searches)")
    print("means per search, then the wall-clock median and p95 (ms)")
    header = ["count", "queries", "db ms", "db cpu", "cpu", "server", "median", "p95"]
    print(f"{'searches':<16}" + "".join(f"{name:>9}" for name in header))
    every = [ms for values in wall_ms.values() for ms in values]
    for kind, logs in [*per_kind.items(), ("all", None)]:
        logs = logs or [log for kind_logs in per_kind.values() for log in kind_logs]
        wall = wall_ms[kind] if kind in wall_ms else every
        cpu = cpu_ms[kind] if kind in cpu_ms else [ms for v in cpu_ms.values() for ms in v]
        row = [
            len(logs),
            sum(len(log.queries) for log in logs) / len(logs),
            sum(q[1] for log in logs for q in log.queries) / len(logs),
            sum(q[2] for log in logs for q in log.queries) / len(logs),
            sum(cpu) / len(cpu),
            (server_ms[kind] if kind in server_ms else sum(server_ms.values())) / len(logs),
            statistics.median(wall),
            percentile(wall, 0.95),
        ]
        print(f"{kind:<16}" + "".join(f"{value:>9.1f}" for value in row))
    if args.sql:
        for kind, logs in per_kind.items():
            print(f"\n--- {kind}: statements of its slowest search (wall ms, cpu ms)")
            slowest = max(logs, key=lambda log: sum(q[1] for q in log.queries))
            for sql, wall, cpu in sorted(slowest.queries, key=lambda item: -item[1]):
                print(f"{wall:8.1f} {cpu:8.1f}  {sql[:600]}")
    if args.profile:
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        Path(args.html).write_text(profiler.output_html())


if __name__ == "__main__":
    main()
