from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Point the default site at the host and port it is served on, so that links the site "
        "builds without a request (API html_url, emails sent by the worker) use them."
    )

    def add_arguments(self, parser):
        parser.add_argument("hostname")
        parser.add_argument("port", type=int)

    def handle(self, *args, hostname, port, **options):
        updated = Site.objects.filter(is_default_site=True).update(hostname=hostname, port=port)
        if not updated:
            self.stderr.write("No default site yet: run migrate first.")
            return
        self.stdout.write(f"The site is served at {hostname}:{port}.")
