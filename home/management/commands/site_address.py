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
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stderr.write("No default site yet: run migrate first.")
            return
        site.hostname, site.port = hostname, port
        site.save()  # save(), not update(): Wagtail forgets its cached site root paths
        self.stdout.write(f"The site is served at {hostname}:{port}.")
