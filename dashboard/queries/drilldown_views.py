"""The three drill-down views — theme, programme, provider of one document — built from the rows,
the per-document parts and the trend series. Figures come from ``domain.drilldown``; this module
only selects, names, suppresses small client counts (``domain.disclosure``) and packs frames. Theme
totals come from the service itself, so the programme figures are always checked against the same
CBS numbers the overview and the API show.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.domain import disclosure
from dashboard.domain import drilldown as dd
from dashboard.domain.iv3 import BEGROTING, JAARREKENING
from dashboard.queries.drilldown_cache import DrilldownQueries, cached
from dashboard.queries.drilldown_catalogue import Catalogue, LayerInfo
from dashboard.queries.drilldown_parts import DocumentParts
from dashboard.queries.drilldown_rows import AllocationRows
from dashboard.queries.drilldown_trends import Trends
from dashboard.queries.service import DashboardService


@dataclass(frozen=True)
class Comparison:
    budget_eur: int | None
    realised_eur: int | None
    variance_eur: int | None
    variance_pct: float | None


@dataclass(frozen=True)
class ThemeView:
    municipality: str
    year: int
    kind: str
    theme: str
    cbs_total_eur: int  # the theme's CBS lasten (= /api/v1/themes)
    social_total_eur: int
    allocated_eur: int
    unallocated_eur: int
    reconciliation: pd.DataFrame  # per taakveld: code, cbs_lasten_eur, allocated_eur, unallocated_eur, name
    programmes: pd.DataFrame  # ranking + name, layer, budget/realised/variance
    tree: pd.DataFrame  # programme, provider, amount_eur (this document)
    layers: pd.DataFrame  # layer split per document (domain.layer_split)
    trend: pd.DataFrame  # year, kind, programme, amount_eur over all documents
    instruments: pd.DataFrame
    comparison: Comparison  # the CBS theme total, budget vs realised of this year
    layer: LayerInfo


@dataclass(frozen=True)
class ProgrammeView:
    municipality: str
    year: int
    kind: str
    info: dict
    amount_eur: int
    theme_total_eur: int
    providers: pd.DataFrame  # ranking + name, kind, budget/realised/variance
    taakvelden: pd.DataFrame  # code, name, amount_eur, cbs_lasten_eur
    trend: pd.DataFrame  # year, kind, amount_eur
    provider_trend: pd.DataFrame  # year, kind, provider, amount_eur
    instruments: pd.DataFrame
    clients: int | None
    comparison: Comparison
    layer: LayerInfo
    clients_disclosure: str = disclosure.SHOWN  # of ``clients``: "" shown, "small" (< 10) or "hidden" (public mode)


@dataclass(frozen=True)
class ProviderView:
    municipality: str
    year: int
    kind: str
    info: dict
    amount_eur: int
    social_total_eur: int
    programmes: pd.DataFrame  # programme, name, theme, instruments, amount_eur, clients, share (of programme), budget/realised/variance
    trend: pd.DataFrame  # year, kind, theme, amount_eur over all documents
    instruments: pd.DataFrame
    comparison: Comparison
    layer: LayerInfo


RANKING_COLUMNS = ["programme", "amount_eur", "share", "providers", "clients", "instruments"]
PROVIDER_COLUMNS = ["provider", "amount_eur", "share", "instruments", "clients", "cost_per_client_eur"]
PROVIDER_PROGRAMME_COLUMNS = ["programme", "amount_eur", "clients", "instruments", "share", "cost_per_client_eur",
                              "budget_eur", "realised_eur", "variance_eur", "variance_pct", "name", "name_nl", "theme", "layer"]
INSTRUMENT_COLUMNS = ["instrument", "amount_eur", "share"]
TREE_COLUMNS = ["programme", "provider", "amount_eur"]
TREE_DTYPES = {"programme": "str", "provider": "str", "amount_eur": "int64"}  # also when empty
COMPARISON_COLUMNS = ("budget_eur", "realised_eur", "variance_eur", "variance_pct")
_EMPTY_PART = {"amount_eur": 0, "providers": [], "programmes": [], "taakvelden": {}, "instruments": [], "clients": None}
_NO_COMPARISON = dict.fromkeys(COMPARISON_COLUMNS, float("nan"))  # a left join's missing row


class Views(DrilldownQueries):
    def __init__(self, service: DashboardService, catalogue: Catalogue, rows: AllocationRows, parts: DocumentParts, trends: Trends):
        super().__init__(service)
        self.catalogue, self.rows, self.parts, self.trends = catalogue, rows, parts, trends

    def theme_view(self, municipality: str, year: int, kind: str, slug: str) -> ThemeView:
        theme = self.catalogue.theme_name(slug)
        self.service.require(municipality, year, kind)
        return self._theme_view(municipality, year, kind, theme)

    def programme_view(self, municipality: str, year: int, kind: str, slug: str) -> ProgrammeView:
        self.catalogue.programme_info(slug)  # NotFound first
        self.service.require(municipality, year, kind)
        return self._programme_view(municipality, year, kind, slug)

    def provider_view(self, municipality: str, year: int, kind: str, slug: str) -> ProviderView:
        self.catalogue.provider_info(slug)
        self.service.require(municipality, year, kind)
        return self._provider_view(municipality, year, kind, slug)

    # Theme ------------------------------------------------------------------------------------

    @cached
    def _theme_view(self, municipality: str, year: int, kind: str, theme: str) -> ThemeView:
        summary = self.service.theme_overview(municipality, year, kind).summary
        cbs_total = int(summary.loc[summary["theme"] == theme, "lasten_eur"].iloc[0])
        rows = [r for r in self.rows.document_records(municipality, year, kind) if r["theme"] == theme]
        cbs_rows = self.rows.cbs_theme_records(municipality, year, kind, theme)
        names: dict = {}
        for r in cbs_rows:
            names.setdefault(r["code"], r["name"])
        reconciliation = _frame(
            [{**r, "name": names.get(r["code"], float("nan"))} for r in dd.taakveld_reconciliation(cbs_rows, rows)],
            ["code", "cbs_lasten_eur", "allocated_eur", "unallocated_eur", "name"],
        )
        ranking = _frame(dd.programme_ranking(rows, cbs_total), RANKING_COLUMNS)
        if not ranking.empty:
            ranking["clients"] = ranking["clients"].astype("Int64")  # missing stays missing, never 0
        ranking = disclosure.protect_clients(ranking, dependent=(), public=self.public)
        _add_comparison(ranking, "programme", self._theme_compared(municipality, theme, year))
        if ranking.empty:  # the shape an empty ranking always had: untyped comparison columns
            ranking = ranking.astype({column: object for column in COMPARISON_COLUMNS})
        catalogue = self.catalogue.programmes().set_index("slug")
        for column in ("name", "name_nl", "layer"):
            ranking[column] = ranking["programme"].map(catalogue[column])
        series = self.trends.theme_series(municipality, theme)
        trend_all = self.service.theme_trend(municipality)
        theme_budget = _theme_total(trend_all, theme, year, BEGROTING)
        theme_realised = _theme_total(trend_all, theme, year, JAARREKENING)
        difference, fraction = dd.variance(theme_budget, theme_realised)
        allocated = dd.total(rows)
        return ThemeView(
            municipality, year, kind, theme, cbs_total, int(summary["lasten_eur"].sum()), allocated, cbs_total - allocated,
            reconciliation, ranking, _frame(dd.sorted_sums(rows, "programme", "provider"), TREE_COLUMNS, TREE_DTYPES),
            pd.DataFrame.from_records(series["layers"], columns=["year", "kind", "layer", "amount_eur", "share"]),
            _frame(series["trend"], ["year", "kind", "programme", "amount_eur"]),
            _frame(dd.instrument_split(rows), INSTRUMENT_COLUMNS),
            Comparison(theme_budget, theme_realised, difference, fraction), self.catalogue.layer_info(municipality, year, kind),
        )

    @cached
    def _theme_compared(self, municipality: str, theme: str, year: int) -> dict:
        """Budget against realised of ``year`` per programme of the theme."""
        present = self.catalogue.layer_documents(municipality)
        rows = self.rows.theme_records(municipality, theme)
        budget = [r for r in rows if r["year"] == year and r["kind"] == BEGROTING]
        realised = [r for r in rows if r["year"] == year and r["kind"] == JAARREKENING]
        return dd.compare(dd.sums_by(budget, "programme"), dd.sums_by(realised, "programme"),
                          (year, BEGROTING) in present, (year, JAARREKENING) in present)

    # Programme and provider -------------------------------------------------------------------

    @cached
    def _programme_view(self, municipality: str, year: int, kind: str, slug: str) -> ProgrammeView:
        info = self.catalogue.programme_info(slug)
        theme = info["theme"]
        summary = self.service.theme_overview(municipality, year, kind).summary
        theme_total = int(summary.loc[summary["theme"] == theme, "lasten_eur"].iloc[0])
        parts = self.parts.document_parts(municipality, year, kind)
        part = parts["programmes"].get(slug, _EMPTY_PART)
        series = self.trends.series(municipality)
        ranking = _frame(part["providers"], PROVIDER_COLUMNS)
        ranking["clients"] = ranking["clients"].astype("Int64")  # missing stays missing, never 0
        providers = disclosure.protect_clients(ranking, public=self.public)
        _add_comparison(providers, "provider", parts["compare_programme_provider"].get(slug, {}))
        catalogue = self.catalogue.provider_catalogue()
        providers["name"] = [catalogue.get(p, {}).get("name", float("nan")) for p in providers["provider"]]
        providers["kind"] = [catalogue.get(p, {}).get("kind", float("nan")) for p in providers["provider"]]
        cbs: dict = {}
        for r in self.rows.cbs_theme_records(municipality, year, kind, theme):
            cbs.setdefault(r["code"], r)
        taakvelden = _frame(
            [{"code": code, "amount_eur": amount, "name": cbs.get(code, {}).get("name", float("nan")),
              "lasten_eur": cbs.get(code, {}).get("lasten_eur", float("nan"))}
             for code, amount in sorted(part["taakvelden"].items())],
            ["code", "amount_eur", "name", "lasten_eur"],
        )
        clients, clients_disclosure = disclosure.protect_total(part["clients"], providers[disclosure.DISCLOSURE_COLUMN], public=self.public)
        return ProgrammeView(
            municipality, year, kind, info, part["amount_eur"], theme_total, providers, taakvelden,
            _frame(series["programme_totals"].get(slug, []), ["year", "kind", "amount_eur"]),
            _frame(series["programme_providers"].get(slug, []), ["year", "kind", "provider", "amount_eur"]),
            _frame(part["instruments"], INSTRUMENT_COLUMNS), clients,
            Comparison(**parts["compare_programme"].get(slug, parts["no_comparison"])),
            self.catalogue.layer_info(municipality, year, kind), clients_disclosure,
        )

    @cached
    def _provider_view(self, municipality: str, year: int, kind: str, slug: str) -> ProviderView:
        info = self.catalogue.provider_info(slug)
        summary = self.service.theme_overview(municipality, year, kind).summary
        parts = self.parts.document_parts(municipality, year, kind)
        part = parts["providers"].get(slug, _EMPTY_PART)
        catalogue = self.catalogue.programme_catalogue()
        compared = parts["compare_provider_programme"].get(slug, {})
        records = []
        for r in part["programmes"]:  # largest first, as domain.drilldown.breakdown ranks them
            record = {**r, **compared.get(r["programme"], _NO_COMPARISON)}
            entry = catalogue.get(r["programme"], {})
            for column in ("name", "name_nl", "theme", "layer"):
                record[column] = entry.get(column, float("nan"))
            records.append(record)
        table = disclosure.protect_clients(_frame(records, PROVIDER_PROGRAMME_COLUMNS), public=self.public)
        return ProviderView(
            municipality, year, kind, info, part["amount_eur"], int(summary["lasten_eur"].sum()), table,
            _frame(self.trends.series(municipality)["provider_themes"].get(slug, []), ["year", "kind", "theme", "amount_eur"]),
            _frame(part["instruments"], INSTRUMENT_COLUMNS),
            Comparison(**parts["compare_provider"].get(slug, parts["no_comparison"])),
            self.catalogue.layer_info(municipality, year, kind),
        )


def _frame(records: list[dict], columns: list[str], empty_dtypes: dict | None = None) -> pd.DataFrame:
    """Records as a frame with ``columns``; without records an empty frame (typed by ``empty_dtypes``)."""
    if records:
        return pd.DataFrame.from_records(records, columns=columns)
    empty = pd.DataFrame(columns=columns)
    return empty.astype(empty_dtypes) if empty_dtypes else empty


def _add_comparison(frame: pd.DataFrame, key: str, compared: dict) -> None:
    """Budget/realised/variance columns from a per-key dict (a left join: a missing key gives NaN)."""
    for column in COMPARISON_COLUMNS:
        frame[column] = [compared.get(k, _NO_COMPARISON)[column] for k in frame[key]]


def _theme_total(trend: pd.DataFrame, theme: str, year: int, kind: str) -> int | None:
    row = trend[(trend["theme"] == theme) & (trend["year"] == year) & (trend["kind"] == kind)]
    return None if row.empty else int(row.iloc[0]["lasten_eur"])
