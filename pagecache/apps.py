from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PageCacheConfig(AppConfig):
    name = "pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from pagecache import frontend, invalidation

        invalidation.install()
        frontend.connect()
        # A deploy runs migrate: pages cached by the previous release (its templates, its
        # static file names) must not outlive it, so each migrate starts a new generation.
        # Django sends post_migrate once per app with models (not for this app, which has
        # none); a bump is one cache write, so bumping on each is simplest.
        post_migrate.connect(new_generation_after_migrate, dispatch_uid="pagecache-migrate")


def new_generation_after_migrate(**kwargs):
    from pagecache.generation import bump

    bump()
