"""Precomputation per dataset version: what the home municipality's pages need, computed in the
background as soon as a request sees a new dataset version (``DashboardService.add_warmer``).

Bounded on purpose: the overview of every document, the trend, the indicator results and the four
theme views of every document (about a hundred small aggregates). Programme and provider views are
cheap selections from the per-document frames this leaves in the cache and are computed on demand.
"""
from __future__ import annotations

from .domain.themes import THEME_SLUGS
from .services import DashboardService


def home_municipality_warmer(municipality: str):
    def warm(service: DashboardService) -> None:
        if municipality not in service.municipalities():
            return
        documents = service.available_documents(municipality)
        service.theme_trend(municipality)
        for year, kind in reversed(documents):  # newest first: the default view
            service.theme_overview(municipality, year, kind)
        from .indicator_queries import IndicatorQueries

        queries = IndicatorQueries(service, municipality)
        queries.results(queries.reference_date())
        from .drilldown import Drilldown

        drill = Drilldown(service)
        drill.programmes(), drill.providers(), drill.layers(municipality)
        for year, kind in reversed(documents):
            for slug in THEME_SLUGS.values():
                drill.theme_view(municipality, year, kind, slug)

    return warm
