"""When a plan takes progress reports: from the start of its implementation until its last
phase (usually the evaluation) ends. Before adoption there is nothing to report on; after the
plan is closed its record is final."""

from datetime import date

IMPLEMENTATION = "implementation"


def reporting_window(plan) -> tuple[date, date]:
    phases = list(plan.phases.all())
    starts = [p.start for p in phases if p.kind == IMPLEMENTATION]
    start = min(starts) if starts else plan.period_start
    ends = [p.end for p in phases if p.end] + [plan.period_end]
    return start, max(ends)


def accepts_reports(plan, today: date) -> bool:
    if plan is None:
        return False
    start, end = reporting_window(plan)
    return start <= today <= end
