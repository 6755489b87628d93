"""The rows under the drill-down: a municipality's allocations (as a frame and as plain records, split
per document and theme) and its CBS taakveld rows per theme, each read and split once per dataset version."""
from __future__ import annotations

import pandas as pd

from dashboard.queries.drilldown_cache import DrilldownQueries, cached
from dashboard.queries.drilldown_catalogue import Catalogue
from dashboard.queries.service import DashboardService
from dashboard.store.programmes import ProgrammeRepository

CBS_COLUMNS = ["code", "name", "lasten_eur"]


class AllocationRows(DrilldownQueries):
    def __init__(self, service: DashboardService, repository: ProgrammeRepository, catalogue: Catalogue):
        super().__init__(service)
        self.repository = repository
        self.catalogue = catalogue

    @cached
    def allocations(self, municipality: str) -> pd.DataFrame:
        """Every allocation of the municipality (published layers only on the public site), with the programme's theme."""
        frame = self.repository.allocations(municipality, published_only=self.public)
        themes = self.catalogue.programmes().set_index("slug")["theme"]
        return frame.assign(theme=frame["programme"].map(themes))

    @cached
    def allocation_records(self, municipality: str) -> list[dict]:
        """The allocations as plain records (Python scalars, None for a missing client count): what the
        arithmetic of ``domain.drilldown`` reads."""
        records = self.allocations(municipality).to_dict("records")
        for r in records:
            r["year"], r["amount_eur"] = int(r["year"]), int(r["amount_eur"])
            r["clients"] = None if r["clients"] is None or pd.isna(r["clients"]) else int(r["clients"])
        return records

    @cached
    def records_by_document(self, municipality: str) -> dict[tuple[int, str], list[dict]]:
        out: dict[tuple[int, str], list[dict]] = {}
        for r in self.allocation_records(municipality):
            out.setdefault((r["year"], r["kind"]), []).append(r)
        return out

    def document_records(self, municipality: str, year: int, kind: str) -> list[dict]:
        return self.records_by_document(municipality).get((year, kind), [])

    @cached
    def theme_records(self, municipality: str, theme: str) -> list[dict]:
        """The allocations of one theme's programmes, every document."""
        return [r for r in self.allocation_records(municipality) if r["theme"] == theme]

    @cached
    def by_document(self, municipality: str) -> dict[tuple[int, str], pd.DataFrame]:
        """The allocation frame split per (year, kind): the API's row downloads select a document by lookup."""
        return _split(self.allocations(municipality), ["year", "kind"])

    def document_frame(self, municipality: str, year: int, kind: str, **filters) -> pd.DataFrame:
        """The allocation frame of one document, optionally only the rows whose columns equal ``filters``."""
        rows = self.by_document(municipality).get((year, kind))
        if rows is None:
            return self.allocations(municipality).iloc[0:0]
        if filters:
            mask = None
            for column, value in filters.items():
                mask = (rows[column] == value) if mask is None else mask & (rows[column] == value)
            rows = rows[mask]
        return rows

    @cached
    def cbs_by_theme(self, municipality: str) -> dict[tuple[int, str, str], pd.DataFrame]:
        """The municipality's CBS rows per (year, kind, theme); the theme of each distinct code is looked
        up once, not once per row."""
        amounts = self.service.amounts(municipality)
        themes = {code: self.service.mapping.theme_of(code) for code in amounts["code"].unique()}
        tagged = amounts.assign(theme=amounts["code"].map(themes))
        tagged = tagged[tagged["theme"].notna()]
        return {key: part[CBS_COLUMNS] for key, part in _split(tagged, ["year", "kind", "theme"]).items()}

    def cbs_theme_rows(self, municipality: str, year: int, kind: str, theme: str) -> pd.DataFrame:
        """The CBS taakveld rows of one theme in one document (code, name, lasten_eur)."""
        rows = self.cbs_by_theme(municipality).get((year, kind, theme))
        return rows if rows is not None else pd.DataFrame(columns=CBS_COLUMNS)

    @cached
    def cbs_theme_records(self, municipality: str, year: int, kind: str, theme: str) -> list[dict]:
        return self.cbs_theme_rows(municipality, year, kind, theme).to_dict("records")


def _split(frame: pd.DataFrame, keys: list[str]) -> dict[tuple, pd.DataFrame]:
    """``frame`` split into one frame per distinct value of ``keys`` (plain Python scalars as keys)."""
    if frame.empty:
        return {}
    return {
        tuple(k.item() if hasattr(k, "item") else k for k in key): part
        for key, part in frame.groupby(keys, sort=False)
    }
