"""The embedded cache lists its folder once every CULL_EVERY stores, not on each one, and
still keeps the folder near MAX_ENTRIES."""

from pathlib import Path

from pagecache.filecache import FileBasedCache


def test_the_folder_is_listed_once_every_hundred_stores_and_stays_bounded(tmp_path, monkeypatch):
    cache = FileBasedCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 1_000}})
    listings = []
    original = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or original())
    for n in range(3_000):
        cache.set(f"key-{n}", "value" * 10)
    assert len(listings) == 30  # Django's own file cache lists it 3,000 times
    stored = len(list(Path(tmp_path).glob("*.djcache")))
    assert 600 <= stored <= 1_000 + FileBasedCache.CULL_EVERY
    assert cache.get("key-2999") == "value" * 10  # the latest store is kept
