"""Drill-down queries: theme → programme → provider for one municipality and document.

``Drilldown`` is the per-request façade the pages, the API and the warm-up use; it holds no state
of its own (the cache lives in the service) and only delegates, each job to its own class:

- ``drilldown_catalogue.Catalogue``: programme and provider names and infos, the layer of each document;
- ``drilldown_rows.AllocationRows``: the allocation and CBS rows, split per document and theme;
- ``drilldown_parts.DocumentParts``: every programme and provider figure of a document in one pass;
- ``drilldown_trends.Trends``: the series over all documents;
- ``drilldown_views.Views``: ``ThemeView``, ``ProgrammeView``, ``ProviderView`` built from those.

The arithmetic is ``domain.drilldown`` (and ``domain.variance``, ``domain.drilldown_parts``); cache
keys are built in one place, ``drilldown_cache``.
"""
from __future__ import annotations

import pandas as pd

from dashboard.domain import disclosure
from dashboard.domain import drilldown as dd
from dashboard.domain.iv3 import BEGROTING, JAARREKENING
from dashboard.domain.themes import THEME_BY_SLUG, THEME_SLUGS
from dashboard.queries.drilldown_catalogue import Catalogue, LayerInfo
from dashboard.queries.drilldown_parts import DocumentParts
from dashboard.queries.drilldown_rows import AllocationRows
from dashboard.queries.drilldown_trends import Trends
from dashboard.queries.drilldown_views import Comparison, ProgrammeView, ProviderView, ThemeView, Views
from dashboard.queries.service import DashboardService
from dashboard.store.programmes import ProgrammeRepository

__all__ = ["Comparison", "Drilldown", "LayerInfo", "ProgrammeView", "ProviderView", "ThemeView"]

COMPARE_COLUMNS = ["budget_eur", "realised_eur", "variance_eur", "variance_pct"]


class Drilldown:
    """Per-request façade over the drill-down query classes."""

    def __init__(self, service: DashboardService):
        self.service = service
        repository = ProgrammeRepository(service.repository.engine)
        #: The public site: only published programme layers exist, and small client counts are suppressed.
        self.public = service.public
        self.catalogue = Catalogue(service, repository)
        self.rows = AllocationRows(service, repository, self.catalogue)
        self.parts = DocumentParts(service, self.catalogue, self.rows)
        self.trends = Trends(service, self.catalogue, self.rows)
        self.views = Views(service, self.catalogue, self.rows, self.parts, self.trends)

    # Catalogue and rows -----------------------------------------------------------------------

    def programmes(self) -> pd.DataFrame:
        return self.catalogue.programmes()

    def providers(self) -> pd.DataFrame:
        return self.catalogue.providers()

    def programme_catalogue(self) -> dict[str, dict]:
        return self.catalogue.programme_catalogue()

    def provider_catalogue(self) -> dict[str, dict]:
        return self.catalogue.provider_catalogue()

    def theme_name(self, slug: str) -> str:
        return self.catalogue.theme_name(slug)

    def programme_info(self, slug: str) -> dict:
        return self.catalogue.programme_info(slug)

    def provider_info(self, slug: str) -> dict:
        return self.catalogue.provider_info(slug)

    def layers(self, municipality: str) -> pd.DataFrame:
        return self.catalogue.layers(municipality)

    def layer_info(self, municipality: str, year: int, kind: str) -> LayerInfo:
        return self.catalogue.layer_info(municipality, year, kind)

    def layer_documents(self, municipality: str) -> set[tuple[int, str]]:
        return self.catalogue.layer_documents(municipality)

    def allocations(self, municipality: str) -> pd.DataFrame:
        return self.rows.allocations(municipality)

    def allocation_records(self, municipality: str) -> list[dict]:
        return self.rows.allocation_records(municipality)

    def document_parts(self, municipality: str, year: int, kind: str) -> dict:
        return self.parts.document_parts(municipality, year, kind)

    # Views ------------------------------------------------------------------------------------

    def theme_view(self, municipality: str, year: int, kind: str, slug: str) -> ThemeView:
        return self.views.theme_view(municipality, year, kind, slug)

    def programme_view(self, municipality: str, year: int, kind: str, slug: str) -> ProgrammeView:
        return self.views.programme_view(municipality, year, kind, slug)

    def provider_view(self, municipality: str, year: int, kind: str, slug: str) -> ProviderView:
        return self.views.provider_view(municipality, year, kind, slug)

    # For the API ------------------------------------------------------------------------------

    def allocation_rows(self, municipality: str, year: int, kind: str, programme: str | None = None) -> pd.DataFrame:
        """Allocations of one document (or one programme in it), with ``clients_disclosure``. In public mode
        small counts are suppressed, and so is every count of a provider within a programme that has one
        (its total is on the pages: one hidden row could be recovered by subtraction)."""
        rows = self.rows.document_frame(municipality, year, kind, **({"programme": programme} if programme else {}))
        return disclosure.protect_clients(rows, dependent=(), group_by=["programme", "provider"], public=self.public)

    def compare_by(self, municipality: str, year: int, rows: pd.DataFrame, key: str) -> pd.DataFrame:
        """Budget against realised of ``year`` per ``key`` of allocation ``rows`` (``domain.variance.compare``),
        knowing which of the two documents have a layer: ``key`` and the comparison columns, by key."""
        present = self.layer_documents(municipality)
        budget = rows[(rows["year"] == year) & (rows["kind"] == BEGROTING)]
        realised = rows[(rows["year"] == year) & (rows["kind"] == JAARREKENING)]
        compared = dd.compare(
            dd.sums_by(budget[[key, "amount_eur"]].to_dict("records"), key), dd.sums_by(realised[[key, "amount_eur"]].to_dict("records"), key),
            (year, BEGROTING) in present, (year, JAARREKENING) in present,
        )
        return pd.DataFrame.from_records([{key: k, **compared[k]} for k in sorted(compared)], columns=[key, *COMPARE_COLUMNS])

    def programme_rows(self, municipality: str, year: int, kind: str, theme_slug: str | None = None) -> list[dict]:
        """Programmes of one document (per theme, or all four) with an unallocated row per theme where it is not zero."""
        themes = [self.theme_name(theme_slug)] if theme_slug else [THEME_BY_SLUG[s] for s in THEME_SLUGS.values()]
        records = []
        for theme in themes:
            view = self.theme_view(municipality, year, kind, THEME_SLUGS[theme])
            for row in view.programmes.to_dict("records"):
                records.append({"programme": row["name"], "slug": row["programme"], "theme": theme, "layer": row["layer"],
                                "lasten_eur": int(row["amount_eur"]), "providers": int(row["providers"]),
                                "budget_eur": _int(row["budget_eur"]), "realised_eur": _int(row["realised_eur"]),
                                "variance_eur": _int(row["variance_eur"])})
            if view.unallocated_eur:
                records.append({"programme": dd.UNALLOCATED, "slug": None, "theme": theme, "layer": None,
                                "lasten_eur": int(view.unallocated_eur), "providers": 0,
                                "budget_eur": None, "realised_eur": None, "variance_eur": None})
        return records


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
