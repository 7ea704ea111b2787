"""The cost of one store in the embedded cache when its folder is nearly full: Django's file
cache against pagecache.filecache.FileBasedCache, 500 stores each after 19,000 entries.

    .venv/bin/python benchmarks/file_cache.py
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.conf import settings  # noqa: E402

settings.configure()

from django.core.cache.backends.filebased import FileBasedCache as DjangoFileBasedCache  # noqa: E402

from pagecache.filecache import FileBasedCache  # noqa: E402

FILL, STORES = 19_000, 500

for backend in (DjangoFileBasedCache, FileBasedCache):
    with tempfile.TemporaryDirectory() as folder:
        cache = backend(folder, {"OPTIONS": {"MAX_ENTRIES": 20_000}})
        for n in range(FILL):
            cache.set(f"fill-{n}", "x")
        started = time.perf_counter()
        for n in range(STORES):
            cache.set(f"part-{n}", "<p>a shared part of a page</p>" * 100)
        each = (time.perf_counter() - started) / STORES * 1000
        print(f"{backend.__module__}.{backend.__name__}: {each:.2f} ms a store")
