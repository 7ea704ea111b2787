from django.core.management.base import BaseCommand

from search import hits


class Command(BaseCommand):
    help = (
        "Move the search hits counted in the cache into the database (for cron), or with "
        "--schedule start the task that does it every MOSHARAKA_SEARCH_HITS_FLUSH_SECONDS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schedule", action="store_true")

    def handle(self, *args, schedule: bool, **options):
        if schedule:
            from search.tasks import flush_scheduled, flush_search_hits

            if flush_scheduled():
                self.stdout.write("The search-hit flush is already on the task queue.")
            else:
                flush_search_hits.enqueue(reschedule=True)
                self.stdout.write("Scheduled the search-hit flush on the task queue.")
            return
        self.stdout.write(f"{hits.flush()} search hits saved.")
