"""Precomputation per dataset version, in the moments no visitor is waiting.

The first request that sees a new dataset version starts the warmers (``queries.warmup`` for the
aggregates, ``web.page_warmup`` for the first pages) in one background thread, at most once per version
and process. Python threads share one interpreter: a page rendered beside a warm-up step takes up to
twice as long, so the warmers call ``give_way`` between steps and run only when visitors are not being
served. The web layer reports each visitor's request (``visitor_started`` / ``visitor_finished``).
"""
from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger(__name__)


class BackgroundWarmUp:
    #: The warm-up runs when no visitor has been served for this long (visitors click in bursts).
    QUIET_SECONDS = 0.05

    def __init__(self, service):
        """``service``: the ``DashboardService`` whose cache the warmers fill (handed to each warmer)."""
        self.service = service
        self._warmers: list = []
        self._warmed_version: int | None = None
        self._lock = threading.Lock()
        #: What the last warm-up did (warmers report into it; each one's duration is logged here).
        self.report: dict = {}
        self._visitors = 0  # web requests being served now
        self._last_visit = 0.0  # time.monotonic() when the last one ended
        self._quiet = threading.Condition()

    def add(self, warm) -> None:
        """``warm(service)`` runs in the background once per dataset version, so the aggregates most
        pages need are computed before anyone asks: the first visitor after an import does not pay."""
        self._warmers.append(warm)

    def notice(self, version: int) -> None:
        """Called on every cache look-up: a version not warmed yet starts its warm-up thread."""
        if self._warmers and version != self._warmed_version:
            self._start(version)

    # Visitors first -------------------------------------------------------------------------------

    def visitor_started(self) -> None:
        with self._quiet:
            self._visitors += 1

    def visitor_finished(self) -> None:
        with self._quiet:
            self._visitors -= 1
            self._last_visit = time.monotonic()
            if self._visitors <= 0:
                self._visitors = 0
                self._quiet.notify_all()

    def give_way(self, max_seconds: float = 0.5) -> None:
        """Between two warm-up steps: wait until no visitor's request has been in flight for
        ``QUIET_SECONDS`` (at most ``max_seconds``, so a steady stream of visitors slows the warm-up
        down but cannot stop it)."""
        deadline = time.monotonic() + max_seconds
        while True:
            with self._quiet:
                self._quiet.wait_for(lambda: self._visitors == 0, timeout=max(0.0, deadline - time.monotonic()))
                idle = time.monotonic() - self._last_visit if self._visitors == 0 else 0.0
            if idle >= self.QUIET_SECONDS or time.monotonic() >= deadline:
                return
            time.sleep(min(self.QUIET_SECONDS - idle, max(0.0, deadline - time.monotonic())))

    # Running ---------------------------------------------------------------------------------------

    def run_now(self) -> None:
        """Warm the current dataset version here and now, not in a thread: the production server does
        this once before it forks its workers (``gunicorn.conf.py``), so they all start with the same
        warmed cache instead of each warming its own while serving the first visitors."""
        version = self.service.repository.version()
        with self._lock:
            self._warmed_version = version
        self._run(version)

    def _start(self, version: int) -> None:
        with self._lock:
            if version == self._warmed_version:
                return
            self._warmed_version = version  # at most one warm-up per version and process
        threading.Thread(target=self._run, args=(version,), name=f"warm-v{version}", daemon=True).start()

    def _run(self, version: int) -> None:
        for warm in self._warmers:
            name = getattr(warm, "__qualname__", repr(warm)).split(".<locals>")[0]
            try:
                if self.service.repository.version() != version:
                    return  # an import or publish since: the next request starts the warm-up of the new version
            except Exception:  # the store went away (e.g. replaced while warming): nothing to warm
                log.warning("warm-up of version %s stopped: the store cannot be read", version, exc_info=True)
                return
            started = time.perf_counter()
            try:
                warm(self.service)
            except Exception:  # warming is an optimisation: a failure shows up again when a page asks
                log.exception("warming the cache failed")
            seconds = time.perf_counter() - started
            self.report.setdefault("seconds", {})[name] = round(seconds, 2)
            log.info("warm-up %s took %.1f s", name, seconds)
