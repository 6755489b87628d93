"""Drill-down queries: theme → programme → provider for one municipality and document.

Wraps ``DashboardService`` and shares its versioned cache (keys start with "drilldown"), so an
import empties these answers too. The arithmetic lives in ``domain.drilldown``; this class only
selects rows and assembles views. Theme totals come from the service itself, so the programme
figures are always checked against the same CBS numbers the overview and the API show.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .domain import disclosure
from .domain import drilldown as dd
from .domain.themes import THEME_BY_SLUG, THEME_SLUGS
from .services import DashboardService, NotFound
from .store.programmes import ProgrammeRepository


@dataclass(frozen=True)
class LayerInfo:
    """The programme layer of one document: present at all, its status and whether it is generated."""

    present: bool
    status: str | None
    illustrative: bool
    imported_at: object = None  # when the layer was imported (for "about this figure")


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
    reconciliation: pd.DataFrame  # per taakveld: code, name, cbs_lasten_eur, allocated_eur, unallocated_eur
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


class Drilldown:
    """Per-request façade; holds no state of its own (the cache lives in the service)."""

    def __init__(self, service: DashboardService):
        self.service = service
        self.repository = ProgrammeRepository(service.repository.engine)
        #: The public site: only published programme layers exist, and small client counts are suppressed.
        self.public = service.public

    # Catalogue and raw rows ---------------------------------------------------------------

    def programmes(self) -> pd.DataFrame:
        return self.service.cached(("drilldown", "programmes"), self.repository.programmes)

    def providers(self) -> pd.DataFrame:
        return self.service.cached(("drilldown", "providers"), self.repository.providers)

    def allocations(self, municipality: str) -> pd.DataFrame:
        return self.service.cached(("drilldown", "allocations", municipality), lambda: self._allocations(municipality))

    def _allocations(self, municipality: str) -> pd.DataFrame:
        frame = self.repository.allocations(municipality, published_only=self.public)
        themes = self.programmes().set_index("slug")["theme"]
        return frame.assign(theme=frame["programme"].map(themes))

    def layers(self, municipality: str) -> pd.DataFrame:
        return self.service.cached(("drilldown", "layers", municipality), lambda: self.repository.layers(municipality, published_only=self.public))

    def layer_info(self, municipality: str, year: int, kind: str) -> LayerInfo:
        layers = self.layers(municipality)
        row = layers[(layers["year"] == year) & (layers["kind"] == kind)]
        if row.empty:
            return LayerInfo(False, None, False)
        return LayerInfo(True, str(row.iloc[0]["status"]), bool(row.iloc[0]["illustrative"]), row.iloc[0]["imported_at"])

    def theme_name(self, slug: str) -> str:
        if slug not in THEME_BY_SLUG:
            raise NotFound(f"unknown theme {slug!r}")
        return THEME_BY_SLUG[slug]

    def programme_info(self, slug: str) -> dict:
        catalogue = self.programmes()
        row = catalogue[catalogue["slug"] == slug]
        if row.empty:
            raise NotFound(f"unknown programme {slug!r}")
        return _clean(row.iloc[0].to_dict())

    def provider_info(self, slug: str) -> dict:
        catalogue = self.providers()
        row = catalogue[catalogue["slug"] == slug]
        if row.empty:
            raise NotFound(f"unknown provider {slug!r}")
        return _clean(row.iloc[0].to_dict())

    def by_document(self, municipality: str) -> dict[tuple[int, str], pd.DataFrame]:
        """The allocations split per (year, kind) once per dataset version: a view selects its
        document by a dictionary lookup instead of scanning every document's rows."""
        return self.service.cached(("drilldown", "by-document", municipality), lambda: _split(self.allocations(municipality), ["year", "kind"]))

    def _document(self, municipality: str, year: int, kind: str, **filters) -> pd.DataFrame:
        rows = self.by_document(municipality).get((year, kind))
        if rows is None:
            return self.allocations(municipality).iloc[0:0]
        if filters:
            mask = None
            for column, value in filters.items():
                mask = (rows[column] == value) if mask is None else mask & (rows[column] == value)
            rows = rows[mask]
        return rows

    def _comparison(self, municipality: str, year: int, **filters) -> Comparison:
        budget = self._document(municipality, year, "begroting", **filters)
        realised = self._document(municipality, year, "jaarrekening", **filters)
        return _compare(self, municipality, year, budget, realised)

    def _compare_by(self, municipality: str, year: int, rows: pd.DataFrame, key: str) -> pd.DataFrame:
        """Budget vs realised of ``year`` per ``key``, knowing which of the two documents have a layer."""
        present = self.layer_documents(municipality)
        return dd.compare_documents(
            rows[(rows["year"] == year) & (rows["kind"] == "begroting")],
            rows[(rows["year"] == year) & (rows["kind"] == "jaarrekening")],
            key,
            budget_present=(year, "begroting") in present,
            realised_present=(year, "jaarrekening") in present,
        )

    def layer_documents(self, municipality: str) -> set[tuple[int, str]]:
        layers = self.layers(municipality)
        return {(int(y), str(k)) for y, k in layers[["year", "kind"]].itertuples(index=False)}

    def cbs_theme_rows(self, municipality: str, year: int, kind: str, theme: str) -> pd.DataFrame:
        """The CBS taakveld rows of one theme in one document (code, name, lasten_eur)."""
        rows = self._cbs_by_theme(municipality).get((year, kind, theme))
        return rows if rows is not None else pd.DataFrame(columns=["code", "name", "lasten_eur"])

    def _cbs_by_theme(self, municipality: str) -> dict[tuple[int, str, str], pd.DataFrame]:
        """The municipality's CBS rows per (year, kind, theme), computed once per dataset version; the
        theme of each distinct code is looked up once, not once per row."""
        def compute():
            amounts = self.service.amounts(municipality)
            themes = {code: self.service.mapping.theme_of(code) for code in amounts["code"].unique()}
            tagged = amounts.assign(theme=amounts["code"].map(themes))
            tagged = tagged[tagged["theme"].notna()]
            return {key: part[["code", "name", "lasten_eur"]] for key, part in _split(tagged, ["year", "kind", "theme"]).items()}
        return self.service.cached(("drilldown", "cbs-by-theme", municipality), compute)

    # Views --------------------------------------------------------------------------------

    def theme_view(self, municipality: str, year: int, kind: str, slug: str) -> ThemeView:
        theme = self.theme_name(slug)
        self.service.require(municipality, year, kind)
        return self.service.cached(("drilldown", "theme", municipality, year, kind, theme), lambda: self._theme_view(municipality, year, kind, theme))

    def _theme_view(self, municipality: str, year: int, kind: str, theme: str) -> ThemeView:
        summary = self.service.theme_overview(municipality, year, kind).summary
        cbs_total = int(summary.loc[summary["theme"] == theme, "lasten_eur"].iloc[0])
        rows = self._document(municipality, year, kind, theme=theme)
        cbs_rows = self.cbs_theme_rows(municipality, year, kind, theme)
        reconciliation = dd.taakveld_reconciliation(cbs_rows, rows)
        reconciliation = reconciliation.merge(cbs_rows[["code", "name"]].drop_duplicates("code"), on="code", how="left")
        catalogue = self.programmes().set_index("slug")
        ranking = disclosure.protect_clients(dd.programme_ranking(rows, cbs_total), dependent=(), public=self.public)
        all_rows = self.allocations(municipality)
        theme_rows = all_rows[all_rows["theme"] == theme]
        compared = self._compare_by(municipality, year, theme_rows, "programme")
        ranking = ranking.merge(compared, on="programme", how="left")
        ranking["name"] = ranking["programme"].map(catalogue["name"])
        ranking["name_nl"] = ranking["programme"].map(catalogue["name_nl"])
        ranking["layer"] = ranking["programme"].map(catalogue["layer"])
        tree = rows.groupby(["programme", "provider"], as_index=False)["amount_eur"].sum()
        trend_all = self.service.theme_trend(municipality)
        cbs_totals = trend_all[trend_all["theme"] == theme][["year", "kind", "lasten_eur"]]
        layer_frame = dd.layer_split(theme_rows, catalogue["layer"].to_dict(), cbs_totals)
        trend = theme_rows.groupby(["year", "kind", "programme"], as_index=False)["amount_eur"].sum()
        theme_budget = _theme_total(trend_all, theme, year, "begroting")
        theme_realised = _theme_total(trend_all, theme, year, "jaarrekening")
        difference, fraction = dd.variance(theme_budget, theme_realised)
        allocated = int(rows["amount_eur"].sum())
        return ThemeView(
            municipality, year, kind, theme, cbs_total, int(summary["lasten_eur"].sum()), allocated, cbs_total - allocated,
            reconciliation, ranking, tree, layer_frame, trend, dd.instrument_split(rows),
            Comparison(theme_budget, theme_realised, difference, fraction), self.layer_info(municipality, year, kind),
        )

    def programme_view(self, municipality: str, year: int, kind: str, slug: str) -> ProgrammeView:
        info = self.programme_info(slug)
        self.service.require(municipality, year, kind)
        return self.service.cached(("drilldown", "programme", municipality, year, kind, slug), lambda: self._programme_view(municipality, year, kind, info))

    def _programme_view(self, municipality: str, year: int, kind: str, info: dict) -> ProgrammeView:
        slug, theme = info["slug"], info["theme"]
        summary = self.service.theme_overview(municipality, year, kind).summary
        theme_total = int(summary.loc[summary["theme"] == theme, "lasten_eur"].iloc[0])
        rows = self._document(municipality, year, kind, programme=slug)
        amount = int(rows["amount_eur"].sum())
        providers = disclosure.protect_clients(dd.provider_ranking(rows, amount), public=self.public)
        all_rows = self.allocations(municipality)
        mine = all_rows[all_rows["programme"] == slug]
        compared = self._compare_by(municipality, year, mine, "provider")
        catalogue = self.providers().set_index("slug")
        providers = providers.merge(compared, on="provider", how="left")
        providers["name"] = providers["provider"].map(catalogue["name"])
        providers["kind"] = providers["provider"].map(catalogue["kind"])
        cbs_rows = self.cbs_theme_rows(municipality, year, kind, theme)
        taakvelden = rows.groupby("taakveld", as_index=False)["amount_eur"].sum().rename(columns={"taakveld": "code"})
        taakvelden = taakvelden.merge(cbs_rows.drop_duplicates("code"), on="code", how="left").sort_values("code")
        clients = dd.sum_clients(rows["clients"]) if not rows.empty else None
        clients, clients_disclosure = disclosure.protect_total(clients, providers[disclosure.DISCLOSURE_COLUMN], public=self.public)
        return ProgrammeView(
            municipality, year, kind, info, amount, theme_total, providers, taakvelden.reset_index(drop=True),
            dd.totals_by_document(mine),
            mine.groupby(["year", "kind", "provider"], as_index=False)["amount_eur"].sum(),
            dd.instrument_split(rows), clients, self._comparison(municipality, year, programme=slug),
            self.layer_info(municipality, year, kind), clients_disclosure,
        )

    def provider_view(self, municipality: str, year: int, kind: str, slug: str) -> ProviderView:
        info = self.provider_info(slug)
        self.service.require(municipality, year, kind)
        return self.service.cached(("drilldown", "provider", municipality, year, kind, slug), lambda: self._provider_view(municipality, year, kind, info))

    def _provider_view(self, municipality: str, year: int, kind: str, info: dict) -> ProviderView:
        slug = info["slug"]
        summary = self.service.theme_overview(municipality, year, kind).summary
        doc_rows = self._document(municipality, year, kind)
        rows = doc_rows[doc_rows["provider"] == slug]
        programme_totals = doc_rows.groupby("programme")["amount_eur"].sum()
        grouped = rows.groupby("programme")
        table = pd.DataFrame(
            {
                "amount_eur": grouped["amount_eur"].sum().astype("int64"),
                "clients": grouped["clients"].agg(dd.sum_clients),
                "instruments": grouped["instrument"].agg(lambda s: tuple(sorted(set(s), key=dd.INSTRUMENTS.index))),
            }
        ).reset_index() if not rows.empty else pd.DataFrame(columns=["programme", "amount_eur", "clients", "instruments"])
        table["share"] = [dd.share(a, programme_totals.get(p)) for p, a in zip(table["programme"], table["amount_eur"])]
        table["cost_per_client_eur"] = [dd.cost_per_client(a, c) for a, c in zip(table["amount_eur"], table["clients"])]
        all_rows = self.allocations(municipality)
        mine = all_rows[all_rows["provider"] == slug]
        compared = self._compare_by(municipality, year, mine, "programme")
        table = table.merge(compared, on="programme", how="left")
        catalogue = self.programmes().set_index("slug")
        for column in ("name", "name_nl", "theme", "layer"):
            table[column] = table["programme"].map(catalogue[column])
        table = table.sort_values(["amount_eur", "programme"], ascending=[False, True]).reset_index(drop=True)
        table = disclosure.protect_clients(table, public=self.public)
        return ProviderView(
            municipality, year, kind, info, int(rows["amount_eur"].sum()), int(summary["lasten_eur"].sum()), table,
            mine.groupby(["year", "kind", "theme"], as_index=False)["amount_eur"].sum(),
            dd.instrument_split(rows), self._comparison(municipality, year, provider=slug),
            self.layer_info(municipality, year, kind),
        )

    # For the API --------------------------------------------------------------------------

    def allocation_rows(self, municipality: str, year: int, kind: str, programme: str | None = None) -> pd.DataFrame:
        """Allocations of one document (or one programme in it), with ``clients_disclosure``. In public mode
        small counts are suppressed, and so is every count of a provider within a programme that has one
        (its total is on the pages: one hidden row could be recovered by subtraction)."""
        rows = self._document(municipality, year, kind, **({"programme": programme} if programme else {}))
        return disclosure.protect_clients(rows, dependent=(), group_by=["programme", "provider"], public=self.public)

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


def _split(frame: pd.DataFrame, keys: list[str]) -> dict[tuple, pd.DataFrame]:
    """``frame`` split into one frame per distinct value of ``keys`` (plain Python scalars as keys)."""
    if frame.empty:
        return {}
    return {
        tuple(k.item() if hasattr(k, "item") else k for k in key): part
        for key, part in frame.groupby(keys, sort=False)
    }


def _theme_total(trend: pd.DataFrame, theme: str, year: int, kind: str) -> int | None:
    row = trend[(trend["theme"] == theme) & (trend["year"] == year) & (trend["kind"] == kind)]
    return None if row.empty else int(row.iloc[0]["lasten_eur"])


def _compare(drilldown: Drilldown, municipality: str, year: int, budget: pd.DataFrame, realised: pd.DataFrame) -> Comparison:
    """Budget vs realised of one item; a side without a programme layer has no figure (not zero)."""
    has = drilldown.layer_documents(municipality)
    budget_eur = int(budget["amount_eur"].sum()) if (year, "begroting") in has else None
    realised_eur = int(realised["amount_eur"].sum()) if (year, "jaarrekening") in has else None
    difference, fraction = dd.variance(budget_eur, realised_eur)
    return Comparison(budget_eur, realised_eur, difference, fraction)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _clean(record: dict) -> dict:
    """Catalogue rows with pandas' missing values as None, for templates and JSON."""
    return {k: (None if not isinstance(v, (list, tuple)) and pd.isna(v) else v) for k, v in record.items()}
