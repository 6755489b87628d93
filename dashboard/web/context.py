"""The application context of the request being answered (stored on the Flask app, not in a global)."""
from __future__ import annotations

from dashboard.api import EXTENSION_KEY
from dashboard.queries.context import AppContext


def current_context() -> AppContext:
    import flask

    return flask.current_app.extensions[EXTENSION_KEY]
