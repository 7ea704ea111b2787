"""The embedded shared cache (no ``REDIS_URL``): Django's file cache, which lists its whole
folder on every store to see whether it is full. A busy site's folder sits near its
``MAX_ENTRIES`` (entries of an older cache generation are never read again, so only culling
removes them): at 20,000 files a listing takes about 20 ms, paid by every page, fragment and
shared value stored. Here each process lists the folder once every ``CULL_EVERY`` stores, so
the folder may hold up to ``CULL_EVERY`` entries more per process than ``MAX_ENTRIES`` before
it is culled as Django culls it."""

from django.core.cache.backends.filebased import FileBasedCache as DjangoFileBasedCache


class FileBasedCache(DjangoFileBasedCache):
    CULL_EVERY = 100

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._stores = 0

    def _cull(self):
        if self._stores % self.CULL_EVERY == 0:  # the first store, then every CULL_EVERY
            super()._cull()
        self._stores += 1
