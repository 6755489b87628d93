"""The drill-down over all documents: the trend series of every programme and provider, and per theme
its layer split ("the move to the front") and programme trend, each once per dataset version."""
from __future__ import annotations

from dashboard.domain import drilldown as dd
from dashboard.domain import drilldown_parts
from dashboard.queries.drilldown_cache import DrilldownQueries, cached
from dashboard.queries.drilldown_catalogue import Catalogue
from dashboard.queries.drilldown_rows import AllocationRows
from dashboard.queries.service import DashboardService


class Trends(DrilldownQueries):
    def __init__(self, service: DashboardService, catalogue: Catalogue, rows: AllocationRows):
        super().__init__(service)
        self.catalogue = catalogue
        self.rows = rows

    @cached
    def series(self, municipality: str) -> dict:
        """``domain.drilldown_parts.trend_series``: per programme its total and its amount per provider,
        per provider its amount per theme, every document."""
        return drilldown_parts.trend_series(self.rows.allocation_records(municipality))

    @cached
    def theme_series(self, municipality: str, theme: str) -> dict[str, list[dict]]:
        """What a theme page shows over all years — the layer split against the CBS theme totals and the
        programme trend — once per theme, not once per document."""
        rows = self.rows.theme_records(municipality, theme)
        trend_all = self.service.theme_trend(municipality)
        cbs_totals = trend_all[trend_all["theme"] == theme][["year", "kind", "lasten_eur"]].itertuples(index=False)
        layer_of = self.catalogue.programmes().set_index("slug")["layer"].to_dict()
        return {
            "layers": dd.layer_split(rows, layer_of, cbs_totals),
            "trend": dd.sorted_sums(rows, "year", "kind", "programme"),
        }
