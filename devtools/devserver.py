"""Run the app on a free loopback port in a background thread: for browser tests, screenshots, benchmarks."""
from __future__ import annotations

import threading
from contextlib import contextmanager

from werkzeug.serving import make_server


@contextmanager
def running(app, host: str = "127.0.0.1"):
    """Yield the base URL of ``app`` (a Dash app or Flask server) served on loopback."""
    server_app = getattr(app, "server", app)
    server = make_server(host, 0, server_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
