"""pytest-xdist scheduling for `--dist loadgroup` (tests/conftest.py), with our own units of
work: all the browser tests are one unit, so one worker runs them, with one demo server and one
Chromium (tests/browser/conftest.py), while the other worker has a core to itself; every other
test runs on the worker that has its module (xdist's own loadgroup would spread them one by
one, and each worker would then build the module-scoped fixtures again).

The units are told by node id alone. (xdist's `xdist_group` mark cannot be used: xdist 3.8
passes the group by appending it to the node id, which pytest 9.2 no longer allows, and the
mark is then silently ignored: pytest-dev/pytest-xdist#1386.)

Longest first: each run records how long every test module took (`.test-times.json`, beside
the kept test databases), and the next run hands the units out longest first, so that the
run does not end with one worker busy on a long module while the other one idles. Units of
unknown length go first; the browser tests start once a third of the work is handed out
(their demo may still be building). Without a record (a new clone) the collection's order is
kept."""

import json
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

TIMES = Path(__file__).resolve().parents[1] / ".test-times.json"


def recorded() -> dict[str, float]:
    try:
        return json.loads(TIMES.read_text())
    except (OSError, ValueError):
        return {}


def module_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def longest_first(units: dict[str, list[str]], seconds: dict[str, float], late) -> list[str]:
    """The units (name → node ids), longest first by the recorded seconds of their modules;
    units for which `late(name)` is true start once a third of the recorded time is handed out."""

    def length(name: str) -> float:
        modules = {module_of(nodeid) for nodeid in units[name]}
        if any(module not in seconds for module in modules):
            return float("inf")
        return sum(seconds[module] for module in modules)

    lengths = {name: length(name) for name in units}
    early = sorted((name for name in units if not late(name)), key=lengths.get, reverse=True)
    later = sorted((name for name in units if late(name)), key=lengths.get, reverse=True)
    known = sum(lengths[name] for name in early if lengths[name] != float("inf"))
    order, handed = [], 0.0
    for name in early:
        if later and handed >= known / 3:
            order += later
            later = []
        order.append(name)
        if lengths[name] != float("inf"):
            handed += lengths[name]
    return order + later


def unit_of(nodeid: str) -> str:
    """The unit of work of a test: "browser" for every browser test, else its module."""
    from tests.browser.demo_build import BROWSER_UNIT, is_browser_test

    return BROWSER_UNIT if is_browser_test(nodeid) else module_of(nodeid)


class BrowserAndModules(LoadScopeScheduling):
    def __init__(self, config, log=None):
        super().__init__(config, log)
        self.ordered = False
        self.seconds = recorded()

    def _split_scope(self, nodeid: str) -> str:
        return unit_of(nodeid)

    def _assign_work_unit(self, node) -> None:
        if not self.ordered and self.seconds:
            from tests.browser.demo_build import is_browser_test

            units = {name: list(nodeids) for name, nodeids in self.workqueue.items()}
            for name in longest_first(units, self.seconds, is_browser_test):
                self.workqueue.move_to_end(name)
        self.ordered = True
        super()._assign_work_unit(node)


class ModuleTimes:
    """A plugin for the controller process: adds up each module's and each worker's test time,
    keeps the modules' for the next run's order, and prints the workers'."""

    def __init__(self, config):
        self.config = config
        self.modules: dict[str, float] = {}
        self.workers: dict[str, float] = {}

    def pytest_runtest_logreport(self, report):
        module = module_of(report.nodeid).split("@", 1)[0]
        self.modules[module] = self.modules.get(module, 0.0) + report.duration
        worker = getattr(getattr(report, "node", None), "gateway", None)
        if worker is not None:
            self.workers[worker.id] = self.workers.get(worker.id, 0.0) + report.duration

    def pytest_sessionfinish(self):
        if self.modules:  # a partial run keeps the other modules' times
            partial = TIMES.with_suffix(".partial")
            partial.write_text(json.dumps({**recorded(), **self.modules}, indent=0, sort_keys=True))
            partial.rename(TIMES)

    def pytest_terminal_summary(self, terminalreporter):
        if self.workers:
            busy = ", ".join(f"{name} {sum_:.0f} s" for name, sum_ in sorted(self.workers.items()))
            terminalreporter.write_line(f"test time per worker: {busy}")
