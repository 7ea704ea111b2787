"""Fixtures every app's tests use: locales, the home page in three languages, users.

Page trees are expensive to build (each page is saved, revised and published), so what many
tests only read is built once per test module, inside a transaction that `module_db` opens
for the module and rolls back at its end. Each test still runs in a savepoint of its own and
sees the module's data exactly as built: what a test changes is undone before the next one.
Module-built rows are fetched afresh for every test (fixtures keep primary keys, never model
instances), so no test sees another test's objects in memory either.

`make test` runs the suite in two pytest-xdist worker processes, each on a database of its own.
A test module runs whole on one worker (so what it builds once is built once), and all the
browser tests run on one worker (tests/scheduling.py), which serves one copy of their demo
(built once, tests/browser/demo_build.py) to one Chromium."""

from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale

from accounts.models import User
from home.models import HomePage

LANGUAGES = ["ar", "fr", "en", "fa-af"]

# Consultation fixtures (a consultation, role users, comments) serve other apps' tests too;
# the browser tests' demo build has hooks that run in xdist's controller process.
pytest_plugins = ["tests.consultations.fixtures", "tests.browser.demo_build"]


def pytest_configure(config):
    """In the process that reports (xdist's controller, or the only one): record each module's
    time for the next run's order (tests/scheduling.py)."""
    if not hasattr(config, "workerinput"):
        from tests.scheduling import ModuleTimes

        config.pluginmanager.register(ModuleTimes(config), "mosharaka-module-times")


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup`, with our own units of work (tests/scheduling.py)."""
    if config.getvalue("dist") == "loadgroup":
        from tests.scheduling import BrowserAndModules

        return BrowserAndModules(config, log)
    return None


@pytest.fixture
def kept_until_a_write(settings):
    """Site data and facet tables kept between requests, as the site keeps them, under a token
    that every write changes (tests/writes.py) rather than the generation, which a test's
    uncommitted writes never change; nothing an earlier test kept is read. For the tests that
    send hundreds of requests over data they do not change (the fuzz grids, the demo walks)."""
    from tests import writes

    writes.start()
    settings.MOSHARAKA_SITE_DATA_CACHE = True
    settings.MOSHARAKA_SITE_DATA_VERSION = "tests.writes.token"
    settings.MOSHARAKA_SEARCH_DATA_VERSION = "tests.writes.token"


@pytest.fixture(scope="session", autouse=True)
def reference_index_off():
    """Wagtail's reference index (the admin's "usage" of a page, image or snippet) is not kept
    at every save in tests: our code never reads it, and updating it was a fifth of the time
    of building a page. It is still built for every model of the demo by `load_demo`'s
    `rebuild_references_index`, which the demo's tests run. Wagtail connects the handlers
    again after each `migrate`, so they are disconnected again after it."""
    from django.db.models.signals import post_migrate
    from wagtail import signal_handlers as wagtail_signals

    wagtail_signals.disconnect_reference_index_signal_handlers()
    post_migrate.connect(
        wagtail_signals.disconnect_reference_index_signal_handlers,
        dispatch_uid="tests.reference_index_off",
    )
    yield
    post_migrate.disconnect(dispatch_uid="tests.reference_index_off")
    wagtail_signals.connect_reference_index_signal_handlers()


@pytest.fixture(scope="session")
def django_db_createdb(request, django_db_modify_db_settings):
    """pytest-django's choice to create the test database, made by copying the run's migrated
    database where SQLite needs a new one (tests/migrated.py); Django then keeps the copy."""
    from django.conf import settings

    from tests.browser.demo_build import demo_workdir
    from tests.migrated import migrated_copy

    create = request.config.getvalue("create_db")
    database = settings.DATABASES["default"]
    if not database["ENGINE"].endswith("sqlite3") or not request.config.getvalue("reuse_db"):
        return create
    name = Path(database["TEST"]["NAME"])
    if create or not name.exists():
        migrated_copy(demo_workdir(), name)
    return False


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around the whole test module, rolled back once its last test has run.
    Module-scoped fixtures that build data depend on this one (and unblock the database
    while they build: tests still need `db` to touch it)."""
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


@pytest.fixture(scope="module")
def home_page_keys(module_db, django_db_blocker) -> dict[str, int]:
    """The Arabic home page made by the migration, translated into French and Dari."""
    with django_db_blocker.unblock():
        return _build_home_pages()


def _build_home_pages() -> dict[str, int]:
    from home.pagetree import translate

    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    home = HomePage.objects.get(depth=2, locale__language_code="ar")
    home.council_name = "مجلس الجهة"
    home.save_revision().publish()
    return {
        "ar": home.pk,
        "fr": translate(home, "fr", title="Accueil", council_name="Conseil régional").pk,
        "fa-af": translate(home, "fa-af", title="خانه", council_name="شاروالی").pk,
    }


@pytest.fixture
def home_pages(locales, home_page_keys):
    """The home pages by language (built once per module, fetched for each test)."""
    return {code: HomePage.objects.get(pk=pk) for code, pk in home_page_keys.items()}


def new_user(*, username: str, groups=(), confirmed: bool = True, **fields) -> User:
    """A user (password "pass-for-tests-123") in the named groups, with the email address
    confirmed through allauth unless `confirmed` is false."""
    fields.setdefault("email", f"{username}@example.org")
    fields.setdefault("display_name", username)
    user = User.objects.create_user(username=username, password="pass-for-tests-123", **fields)
    if groups:
        user.groups.set(Group.objects.filter(name__in=groups))
    if confirmed and user.email:
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def make_user(db):
    counter = {"n": 0}

    def make(**fields):
        counter["n"] += 1
        n = counter["n"]
        fields.setdefault("username", f"user{n}")
        fields.setdefault("display_name", f"User {n}")
        return new_user(**fields)

    return make
