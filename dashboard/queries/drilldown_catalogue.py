"""What exists in the drill-down: the programme and provider catalogues and the programme layer of
each document (present, status, illustrative). Names and infos only, no figures."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.domain.themes import THEME_BY_SLUG
from dashboard.queries.drilldown_cache import DrilldownQueries, cached
from dashboard.queries.service import DashboardService, NotFound
from dashboard.store.programmes import ProgrammeRepository


@dataclass(frozen=True)
class LayerInfo:
    """The programme layer of one document: present at all, its status and whether it is generated."""

    present: bool
    status: str | None
    illustrative: bool
    imported_at: object = None  # when the layer was imported (for "about this figure")


NO_LAYER = LayerInfo(False, None, False)


class Catalogue(DrilldownQueries):
    def __init__(self, service: DashboardService, repository: ProgrammeRepository):
        super().__init__(service)
        self.repository = repository

    @cached
    def programmes(self) -> pd.DataFrame:
        return self.repository.programmes()

    @cached
    def providers(self) -> pd.DataFrame:
        return self.repository.providers()

    @cached
    def programme_catalogue(self) -> dict[str, dict]:
        """Programme slug → its catalogue row (pages look names up here, not in the frame)."""
        return {r["slug"]: r for r in self.programmes().to_dict("records")}

    @cached
    def provider_catalogue(self) -> dict[str, dict]:
        return {r["slug"]: r for r in self.providers().to_dict("records")}

    def theme_name(self, slug: str) -> str:
        if slug not in THEME_BY_SLUG:
            raise NotFound(f"unknown theme {slug!r}")
        return THEME_BY_SLUG[slug]

    def programme_info(self, slug: str) -> dict:
        record = self.programme_catalogue().get(slug)
        if record is None:
            raise NotFound(f"unknown programme {slug!r}")
        return _clean(record)

    def provider_info(self, slug: str) -> dict:
        record = self.provider_catalogue().get(slug)
        if record is None:
            raise NotFound(f"unknown provider {slug!r}")
        return _clean(record)

    @cached
    def layers(self, municipality: str) -> pd.DataFrame:
        return self.repository.layers(municipality, published_only=self.public)

    @cached
    def layer_infos(self, municipality: str) -> dict[tuple[int, str], LayerInfo]:
        """The layer of every document, once per dataset version (the first row of a document counts)."""
        out: dict = {}
        for r in self.layers(municipality).to_dict("records"):
            out.setdefault((int(r["year"]), str(r["kind"])), LayerInfo(True, str(r["status"]), bool(r["illustrative"]), r["imported_at"]))
        return out

    def layer_info(self, municipality: str, year: int, kind: str) -> LayerInfo:
        return self.layer_infos(municipality).get((year, kind), NO_LAYER)

    def layer_documents(self, municipality: str) -> set[tuple[int, str]]:
        """(year, kind) of every document with a programme layer (on the public site: a published one)."""
        return set(self.layer_infos(municipality))


def _clean(record: dict) -> dict:
    """Catalogue rows with pandas' missing values as None, for templates and JSON."""
    return {k: (None if not isinstance(v, (list, tuple)) and pd.isna(v) else v) for k, v in record.items()}
