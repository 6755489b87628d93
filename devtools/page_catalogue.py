"""One example address for every page type: shared by screenshots, accessibility and render tests.

Each feature adds its page types here, so a new page is checked by every browser test at once.
"""
from __future__ import annotations

from dashboard.queries.service import DashboardService


def example_paths(service: DashboardService, municipality: str) -> list[tuple[str, str]]:
    """(name, path) pairs; each path is a real page for the demo data."""
    year, kind = service.latest_document(municipality)
    paths = [
        ("overview", "/"),
        ("overview-jaarrekening", "/?year=2023&document=jaarrekening"),
        ("not-found", "/no-such-page"),
        ("accessibility", "/accessibility"),
        ("glossary", "/glossary"),
        ("present-title", "/present"),
        ("present-theme", f"/present?year={year}&document={kind}&slide=3"),
        ("theme", f"/theme/young?year={year}&document={kind}"),
        ("programme", "/programme/youth-ambulant-care?year=2023&document=jaarrekening"),
        ("provider", "/provider/horizon-jeugd-ggz?year=2023&document=jaarrekening&via=youth-ambulant-care"),
        ("indicator", "/indicator/youth-care-waiting-time"),
        ("indicators", "/indicators"),
        ("compare", "/compare"),
        ("compare-group", "/compare?municipality=Zwolle&group=youth-region&year=2023&document=jaarrekening"),
        ("compare-trend", "/compare?year=2024&document=jaarrekening&group=province&trend=work"),
        ("overview-other-municipality", "/?municipality=Zwolle"),
        ("savings", "/savings"),
        ("savings-theme", "/savings/work"),
    ]
    return paths
