"""The order in which xdist hands out test modules (tests/scheduling.py)."""

from tests.browser.demo_build import is_browser_test as late
from tests.scheduling import longest_first, unit_of


def test_the_browser_tests_are_one_unit_and_the_others_their_modules():
    assert unit_of("tests/browser/test_phone.py::test_a") == "browser"
    assert unit_of("tests/browser/test_search.py::test_b[ar-rtl]") == "browser"
    assert unit_of("tests/home/test_demo.py::DemoTests::test_c") == "tests/home/test_demo.py"
    assert unit_of("tests/search/test_views.py::test_d[x@y]") == "tests/search/test_views.py"


def units(*names: str) -> dict[str, list[str]]:
    return {name: [f"{name}::test_one", f"{name}::test_two"] for name in names}


def test_longest_first_with_unknown_modules_ahead():
    seconds = {"tests/a.py": 5.0, "tests/b.py": 40.0, "tests/c.py": 12.0}
    work = units("tests/a.py", "tests/b.py", "tests/c.py", "tests/new.py")
    order = longest_first(work, seconds, late)
    assert order == ["tests/new.py", "tests/b.py", "tests/c.py", "tests/a.py"]


def test_a_unit_counts_the_time_of_all_its_modules():
    seconds = {"tests/a.py": 10.0, "tests/b.py": 10.0, "tests/c.py": 15.0}
    work = {"both": ["tests/a.py::x", "tests/b.py::y"], "tests/c.py": ["tests/c.py::z"]}
    assert longest_first(work, seconds, late) == ["both", "tests/c.py"]


def test_browser_modules_start_after_a_third_of_the_work():
    seconds = {f"tests/m{n}.py": 10.0 for n in range(6)} | {"tests/browser/test_x.py": 99.0}
    names = [f"tests/m{n}.py" for n in range(6)] + ["tests/browser/test_x.py"]
    order = longest_first(units(*names), seconds, late)
    assert order.index("tests/browser/test_x.py") == 2  # after 20 of the 60 s of other work
    assert sorted(order) == sorted(names)


def test_without_a_record_every_unit_is_kept():
    names = ["tests/a.py", "tests/browser/test_x.py", "tests/b.py"]
    assert sorted(longest_first(units(*names), {}, late)) == sorted(names)
