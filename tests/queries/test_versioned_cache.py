"""The cache under every query and page: bounded, forgets a version when a newer one comes, never lets an
older one back in, and computes a key once when several threads ask for it together."""
from __future__ import annotations

import threading
import time

from dashboard.queries.versioned_cache import VersionedCache


def test_cache_is_bounded_by_bytes_and_drops_the_oldest():
    cache = VersionedCache(maxsize=100, max_weight=10, weigh=len)
    for key in "abcd":
        cache.put(1, (key,), b"xxxx")
    assert [cache.get(1, (k,)) is not None for k in "abcd"] == [False, False, True, True]
    assert cache.stats()["weight"] == 8


def test_a_new_version_empties_the_cache_and_an_older_one_cannot_bring_it_back():
    cache = VersionedCache()
    cache.put(1, ("k",), "v1")
    assert cache.get(1, ("k",)) == "v1"
    assert cache.get(2, ("k",)) is None  # version 2: empty
    cache.put(2, ("k",), "v2")
    assert cache.get(1, ("k",)) is None  # a request that read version 1 before the import: a miss...
    cache.put(1, ("k",), "stale")  # ...whose result is not kept
    assert cache.get(2, ("k",)) == "v2"


def test_two_threads_asking_for_the_same_key_compute_it_once():
    cache, calls = VersionedCache(), []

    def slow():
        calls.append(threading.current_thread().name)
        time.sleep(0.2)
        return "value"

    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get_or_compute(1, ("k",), slow))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["value"] * 4 and len(calls) == 1
