from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo site (pages in several languages, organisations, demo accounts)."

    def handle(self, *args, **options):
        if get_user_model().objects.filter(email="admin@demo.mosharaka.org").exists():
            self.stdout.write("Demo content is already loaded; nothing to do.")
            return
        context: dict = {}
        with transaction.atomic():
            for path in settings.MOSHARAKA_DEMO_LOADERS:
                if find_spec(path) is None:
                    continue
                self.stdout.write(f"Loading {path}…")
                result = import_module(path).load(context)
                if result:
                    context.update(result)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo loaded. Accounts and passwords: see README.md."))
