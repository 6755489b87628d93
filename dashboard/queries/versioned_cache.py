"""The cache under every query and page: entries live as long as the dataset version they were made from."""
from __future__ import annotations

import threading
from collections import OrderedDict


class VersionedCache:
    """A small LRU cache that forgets everything when the dataset version changes.

    Bounded by entry count and, when ``weigh`` is given (e.g. ``len`` for bytes), by total weight too,
    so a cache of rendered pages cannot grow past a known number of bytes per worker.
    """

    _MISSING = object()
    WAIT_SECONDS = 30.0

    def __init__(self, maxsize: int = 1024, max_weight: int | None = None, weigh=None):
        self._maxsize = maxsize
        self._max_weight = max_weight
        self._weigh = weigh
        self._weight = 0
        self._entries: OrderedDict = OrderedDict()
        self._running: dict[tuple, threading.Event] = {}
        self._version: int | None = None
        self._lock = threading.Lock()

    def get(self, version: int, key: tuple, default=None):
        with self._lock:
            self._switch_to(version)
            value = self._entries.get(key, self._MISSING) if version == self._version else self._MISSING
            if value is self._MISSING:
                return default
            self._entries.move_to_end(key)
            return value

    def put(self, version: int, key: tuple, value) -> None:
        with self._lock:
            self._switch_to(version)
            if version != self._version:  # computed for a version that an import has since replaced
                return
            if key in self._entries:
                self._weight -= self._weight_of(self._entries.pop(key))
            self._entries[key] = value
            self._weight += self._weight_of(value)
            while self._entries and (len(self._entries) > self._maxsize or
                                     (self._max_weight is not None and self._weight > self._max_weight)):
                _, dropped = self._entries.popitem(last=False)
                self._weight -= self._weight_of(dropped)

    def get_or_compute(self, version: int, key: tuple, compute):
        """The cached value, else ``compute()`` — once: a thread that asks for a key another thread is
        computing waits for that result instead of doing the same work beside it (right after an
        import, the warm-up and the first visitors ask for the same aggregates at the same time).
        Keys nest without cycles (page → view → document → rows), so waiting cannot deadlock; the
        wait is bounded all the same."""
        value = self.get(version, key, self._MISSING)
        if value is not self._MISSING:
            return value
        with self._lock:
            running = self._running.get((version, key))
            if running is None:
                running = self._running[(version, key)] = threading.Event()
                owner = True
            else:
                owner = False
        if not owner:
            running.wait(self.WAIT_SECONDS)
            value = self.get(version, key, self._MISSING)
            return value if value is not self._MISSING else compute()  # the other thread failed
        try:
            value = compute()
            self.put(version, key, value)
            return value
        finally:
            with self._lock:
                self._running.pop((version, key), None)
            running.set()

    def stats(self) -> dict:
        with self._lock:
            return {"entries": len(self._entries), "weight": self._weight, "version": self._version}

    def _switch_to(self, version: int) -> None:
        """Versions only grow: a request that read the version just before an import must not empty
        the cache of the newer version (it gets misses and its results are not kept)."""
        if self._version is None or version > self._version:
            self._entries.clear()
            self._weight = 0
            self._version = version

    def _weight_of(self, value) -> int:
        return self._weigh(value) if self._weigh else 0
