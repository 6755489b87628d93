"""Every programme and provider figure of one document, computed in one pass (``domain.drilldown_parts``)
over its rows and the begroting and jaarrekening of its year, cached per dataset version."""
from __future__ import annotations

from dashboard.domain import drilldown_parts
from dashboard.domain.iv3 import BEGROTING, JAARREKENING
from dashboard.queries.drilldown_cache import DrilldownQueries, cached
from dashboard.queries.drilldown_catalogue import Catalogue
from dashboard.queries.drilldown_rows import AllocationRows
from dashboard.queries.service import DashboardService


class DocumentParts(DrilldownQueries):
    def __init__(self, service: DashboardService, catalogue: Catalogue, rows: AllocationRows):
        super().__init__(service)
        self.catalogue = catalogue
        self.rows = rows

    @cached
    def document_parts(self, municipality: str, year: int, kind: str) -> dict:
        """``domain.drilldown_parts.document_parts`` of one document: a programme or provider view is
        then a lookup plus a few small frames."""
        present = self.catalogue.layer_documents(municipality)
        by_document = self.rows.records_by_document(municipality)  # one cache look-up, not three
        return drilldown_parts.document_parts(
            by_document.get((year, kind), []), by_document.get((year, BEGROTING), []), by_document.get((year, JAARREKENING), []),
            (year, BEGROTING) in present, (year, JAARREKENING) in present,
        )
