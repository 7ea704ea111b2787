"""`manage.py load_demo [--today YYYY-MM-DD]`: build the demo site from the apps' data files.

Each app that has demo content has a loader module with a `load(context) -> dict` function and
its data files beside it (`<app>/demo/data/*.toml`). LOADERS lists them in the order they run;
adding an app's demo content is one line here, e.g. `"actionplans.monitoring.demo",`. A loader
reads what earlier ones made from `context` and returns what later ones may use:

- `context["today"]`: the day the demo is loaded for (today, or `--today`); data files give
  dates relative to it, so the demo shows the same story whenever it is loaded;
- `context["pages"][key][language]`: pages by the key of their data file (`home/pagetree.py`);
- `context["users"][username]`, `context["organisations"][key][language]`,
  `context["documents"][key]`.

Content is written through the apps' services where they have them (comments, reports,
answers), so it has its audit-log entries. Running the command on a database that already has
the demo leaves it as it is."""

from contextlib import contextmanager
from datetime import date
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

LOADERS = [
    "home.demo",
    "accounts.demo",
    "actionplans.demo",
    "actionplans.monitoring.demo",
    "consultations.demo",
    "actionplans.evaluation.demo",
]


class Command(BaseCommand):
    help = "Load the demo site (pages in several languages, organisations, demo accounts)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            help="Load the demo as if today were this day (YYYY-MM-DD); dates follow it.",
        )

    def handle(self, *args, **options):
        today = self._today(options.get("today"))
        if get_user_model().objects.filter(email="admin@demo.mosharaka.org").exists():
            self.stdout.write("Demo content is already loaded; nothing to do.")
            return
        context: dict = {"today": today}
        with transaction.atomic(), indexing_deferred(), rate_limits_off():
            for path in LOADERS:
                self.stdout.write(f"Loading {path}…")
                context.update(import_module(path).load(context) or {})
        call_command("rebuild_references_index", verbosity=0, stdout=self.stdout)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo loaded. Accounts and passwords: see README.md."))

    @staticmethod
    def _today(value: str | None) -> date:
        if not value:
            return timezone.localdate()
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"--today takes a date as YYYY-MM-DD, not {value!r}.") from None


@contextmanager
def indexing_deferred():
    """Search and reference indexing wait for the end of the load, which indexes everything
    once (`update_index`, `rebuild_references_index`): while the tree and its translations are
    built each page is saved several times, and indexing it at every save was most of the
    load's work. The search signal is disconnected for the whole process while the block runs
    (the command runs alone), and connected again however the block ends."""
    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


@contextmanager
def rate_limits_off():
    """The demo's authors post dozens of comments and reports in a second, through the same
    services as visitors, whose limits count in the cache: without this a second `make demo`
    within ten minutes (after `make clean-demo`) stopped at the eleventh comment."""
    before = settings.MOSHARAKA_RATE_LIMITS
    settings.MOSHARAKA_RATE_LIMITS = None
    try:
        yield
    finally:
        settings.MOSHARAKA_RATE_LIMITS = before
