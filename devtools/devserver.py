"""Run the app on a free loopback port in a background thread: for browser tests, screenshots, benchmarks."""
from __future__ import annotations

import threading
from contextlib import contextmanager

from werkzeug.serving import WSGIRequestHandler, make_server


class _NoBanner(WSGIRequestHandler):
    """No ``Server: Werkzeug/x Python/y``: the version tells an attacker which flaws to try."""

    server_version = "dashboard"
    sys_version = ""

    def version_string(self) -> str:
        return self.server_version


@contextmanager
def running(app, host: str = "127.0.0.1"):
    """Yield the base URL of ``app`` (a Dash app or Flask server) served on loopback."""
    server_app = getattr(app, "server", app)
    server = make_server(host, 0, server_app, threaded=True, request_handler=_NoBanner)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
