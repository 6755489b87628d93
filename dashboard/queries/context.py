"""The application context: the settings and the query service that every page and API route is handed."""
from __future__ import annotations

from dataclasses import dataclass

from dashboard.config.settings import Settings
from dashboard.queries.service import DashboardService

#: Where the app keeps its ``AppContext`` on the Flask server (``server.extensions``).
EXTENSION_KEY = "social_dashboard"


@dataclass(frozen=True)
class AppContext:
    """Everything a request needs, created once per app; stored on the Flask app, not in a module."""

    settings: Settings
    service: DashboardService
