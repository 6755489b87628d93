"""Precomputation per dataset version: what the home municipality's pages need, computed in the
background as soon as a request sees a new dataset version (``BackgroundWarmUp.add``).

Bounded on purpose: the overview of every document, the trend, the indicator results and the four
theme views of every document (about a hundred small aggregates). Programme and provider views are
computed for all of a document at once (``Drilldown.document_parts``) when the first is asked.
``web.page_warmup`` then replays the pages a council member opens first, so their answers are kept.
"""
from __future__ import annotations

import logging

from dashboard.domain.themes import THEME_SLUGS
from dashboard.queries.service import DashboardService

log = logging.getLogger(__name__)


def home_municipality_warmer(municipality: str):
    def warm(service: DashboardService) -> None:
        if municipality not in service.municipalities():
            return
        documents = service.available_documents(municipality)
        service.theme_trend(municipality)
        for year, kind in reversed(documents):  # newest first: the default view
            service.warm_up.give_way()
            service.theme_overview(municipality, year, kind)
        from dashboard.queries.indicators import IndicatorQueries

        queries = IndicatorQueries(service, municipality)
        queries.results(queries.reference_date())
        from dashboard.queries.drilldown import Drilldown

        drill = Drilldown(service)
        drill.programmes(), drill.providers(), drill.layers(municipality)
        for year, kind in reversed(documents):
            for slug in THEME_SLUGS.values():
                service.warm_up.give_way()
                drill.theme_view(municipality, year, kind, slug)

    return warm


def compare_warmer(municipality: str):
    """The home municipality's comparison of its default document and of the newest document with a
    fund circular: the national frames behind them take ~0.5–1 s to build, once per dataset version."""
    def warm(service) -> None:
        from dashboard.queries.compare import CompareQueries

        queries = CompareQueries(service)
        if municipality not in queries.reference().index:
            return  # a store without the comparison tables (or a municipality no longer on the map): nothing to compare
        for year, kind in {service.latest_document(municipality), service.latest_document(municipality, "jaarrekening")}:
            service.warm_up.give_way()
            queries.comparison(municipality, year, kind)

    return warm
