"""The one place that builds the drill-down's cache keys.

Every drill-down query class wraps ``DashboardService`` and shares its versioned cache, so an import
empties these answers too. ``@cached`` keys a method's answer by the feature name, the method's
qualified name and its positional arguments: no key is written by hand, and two queries cannot
share one by accident.
"""
from __future__ import annotations

import functools

from dashboard.queries.service import DashboardService

#: The first element of every drill-down cache key (``DashboardService.cached`` wants a feature name).
FEATURE = "drilldown"


def cache_key(name: str, *args) -> tuple:
    """The cache key of query ``name`` (e.g. "Catalogue.programmes") with ``args``: primitives only."""
    return (FEATURE, name, *args)


def cached(method):
    """Cache ``method(self, *args)`` per dataset version in ``self.service`` under ``cache_key``.
    Positional arguments only (names, years, kinds, slugs), so the key is exact."""
    name = method.__qualname__

    @functools.wraps(method)
    def wrapper(self, *args):
        return self.service.cached(cache_key(name, *args), lambda: method(self, *args))

    return wrapper


class DrilldownQueries:
    """Base of the drill-down query classes: the service (cache, CBS figures) and the site's mode."""

    def __init__(self, service: DashboardService):
        self.service = service
        #: The public site: only published programme layers exist, and small client counts are suppressed.
        self.public = service.public
