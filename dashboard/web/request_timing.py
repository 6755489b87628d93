"""Server time of every request: the ``Server-Timing`` header (the benchmark reads it) and one
access-log line per request, so an operator sees a slow or failing instance.

The line (logger ``dashboard.access``, on stderr): ``GET /api/v1/themes?year=2025 200 1234B 3.1ms``.
The address is escaped and cut at 300 characters: a crafted URL cannot forge log lines. The page
warm-up's replays in the background are no one's requests and are not logged.
"""
from __future__ import annotations

import logging
import sys
import time

from dashboard.web.page_warmup import WARM_UP_ENVIRON

ACCESS_LOG = "dashboard.access"
MAX_LOGGED_ADDRESS = 300


def install(server) -> None:
    """Register the timer first of all before-request hooks and the log last of all after-request
    hooks (Flask runs those last-registered first), so the time covers every other hook."""
    server.before_request(start_timer)
    server.after_request(log_request)
    server.after_request(server_timing)
    logger = logging.getLogger(ACCESS_LOG)
    if not logger.handlers:  # once per process, however many apps it makes (tests make several)
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s access %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def start_timer() -> None:
    import flask

    flask.g.started = time.perf_counter()


def _elapsed_ms() -> float | None:
    import flask

    started = getattr(flask.g, "started", None)
    return None if started is None else (time.perf_counter() - started) * 1000


def server_timing(response):
    """``Server-Timing: app;dur=…`` on every response: the benchmark reads server time from it."""
    elapsed = _elapsed_ms()
    if elapsed is not None:
        response.headers["Server-Timing"] = f"app;dur={elapsed:.2f}"
    return response


def log_request(response):
    """One line per request a client sent (the page warm-up's own replays are left out)."""
    import flask

    if flask.request.environ.get(WARM_UP_ENVIRON):
        return response
    elapsed = _elapsed_ms()
    address = flask.request.full_path.rstrip("?")[:MAX_LOGGED_ADDRESS].encode("unicode_escape").decode("ascii")
    size = response.calculate_content_length()
    logging.getLogger(ACCESS_LOG).info(
        "%s %s %d %sB %sms", flask.request.method, address, response.status_code,
        "-" if size is None else size, "-" if elapsed is None else f"{elapsed:.1f}",
    )
    return response
