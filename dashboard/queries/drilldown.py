"""Drill-down queries: theme → programme → provider for one municipality and document.

Wraps ``DashboardService`` and shares its versioned cache (keys start with "drilldown"), so an
import empties these answers too. The arithmetic lives in ``domain.drilldown``; this class only
selects rows and assembles views. Theme totals come from the service itself, so the programme
figures are always checked against the same CBS numbers the overview and the API show.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.domain import disclosure
from dashboard.domain import drilldown as dd
from dashboard.domain.iv3 import BEGROTING, JAARREKENING
from dashboard.domain.themes import THEME_BY_SLUG, THEME_SLUGS
from dashboard.queries.service import DashboardService, NotFound
from dashboard.store.programmes import ProgrammeRepository


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
        return self._layer_infos(municipality).get((year, kind), LayerInfo(False, None, False))

    def _layer_infos(self, municipality: str) -> dict[tuple[int, str], LayerInfo]:
        """The layer of every document, once per dataset version (the first row of a document counts)."""
        def compute():
            out: dict = {}
            for r in self.layers(municipality).to_dict("records"):
                out.setdefault((int(r["year"]), str(r["kind"])), LayerInfo(True, str(r["status"]), bool(r["illustrative"]), r["imported_at"]))
            return out
        return self.service.cached(("drilldown", "layer-infos", municipality), compute)

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
        budget = self._document(municipality, year, BEGROTING, **filters)
        realised = self._document(municipality, year, JAARREKENING, **filters)
        return _compare(self, municipality, year, budget, realised)

    def _compare_by(self, municipality: str, year: int, rows: pd.DataFrame, key: str) -> pd.DataFrame:
        """Budget vs realised of ``year`` per ``key``, knowing which of the two documents have a layer."""
        present = self.layer_documents(municipality)
        return dd.compare_documents(
            rows[(rows["year"] == year) & (rows["kind"] == BEGROTING)],
            rows[(rows["year"] == year) & (rows["kind"] == JAARREKENING)],
            key,
            budget_present=(year, BEGROTING) in present,
            realised_present=(year, JAARREKENING) in present,
        )

    def layer_documents(self, municipality: str) -> set[tuple[int, str]]:
        return set(self._layer_infos(municipality))

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
        compared = self.service.cached(("drilldown", "theme-compared", municipality, theme, year),
                                       lambda: self._compare_by(municipality, year, self._theme_series(municipality, theme)["rows"], "programme"))
        ranking = ranking.merge(compared, on="programme", how="left")
        ranking["name"] = ranking["programme"].map(catalogue["name"])
        ranking["name_nl"] = ranking["programme"].map(catalogue["name_nl"])
        ranking["layer"] = ranking["programme"].map(catalogue["layer"])
        tree = rows.groupby(["programme", "provider"], as_index=False)["amount_eur"].sum()
        trend_all = self.service.theme_trend(municipality)
        series = self._theme_series(municipality, theme)
        layer_frame, trend = series["layers"], series["trend"]
        theme_budget = _theme_total(trend_all, theme, year, BEGROTING)
        theme_realised = _theme_total(trend_all, theme, year, JAARREKENING)
        difference, fraction = dd.variance(theme_budget, theme_realised)
        allocated = int(rows["amount_eur"].sum())
        return ThemeView(
            municipality, year, kind, theme, cbs_total, int(summary["lasten_eur"].sum()), allocated, cbs_total - allocated,
            reconciliation, ranking, tree, layer_frame, trend, dd.instrument_split(rows),
            Comparison(theme_budget, theme_realised, difference, fraction), self.layer_info(municipality, year, kind),
        )

    def _theme_series(self, municipality: str, theme: str) -> dict[str, pd.DataFrame]:
        """What a theme page shows over all years — its allocation rows, the layer split and the
        programme trend — once per theme and dataset version, not once per document."""
        def compute():
            all_rows = self.allocations(municipality)
            rows = all_rows[all_rows["theme"] == theme]
            trend_all = self.service.theme_trend(municipality)
            cbs_totals = trend_all[trend_all["theme"] == theme][["year", "kind", "lasten_eur"]]
            layer_of = self.programmes().set_index("slug")["layer"].to_dict()
            return {
                "rows": rows,
                "layers": dd.layer_split(rows, layer_of, cbs_totals),
                "trend": rows.groupby(["year", "kind", "programme"], as_index=False)["amount_eur"].sum(),
            }
        return self.service.cached(("drilldown", "theme-series", municipality, theme), compute)

    def programme_view(self, municipality: str, year: int, kind: str, slug: str) -> ProgrammeView:
        info = self.programme_info(slug)
        self.service.require(municipality, year, kind)
        return self.service.cached(("drilldown", "programme", municipality, year, kind, slug), lambda: self._programme_view(municipality, year, kind, info))

    def _programme_view(self, municipality: str, year: int, kind: str, info: dict) -> ProgrammeView:
        slug, theme = info["slug"], info["theme"]
        summary = self.service.theme_overview(municipality, year, kind).summary
        theme_total = int(summary.loc[summary["theme"] == theme, "lasten_eur"].iloc[0])
        parts = self.document_parts(municipality, year, kind)
        part = parts["programmes"].get(slug, _EMPTY_PART)
        series = self.series(municipality)
        amount = part["amount_eur"]
        ranking = _frame(part["providers"], ["provider", "amount_eur", "share", "instruments", "clients", "cost_per_client_eur"])
        ranking["clients"] = ranking["clients"].astype("Int64")  # missing stays missing, never 0
        providers = disclosure.protect_clients(ranking, public=self.public)
        compared = parts["compare_programme_provider"].get(slug, {})
        _add_comparison(providers, "provider", compared)
        catalogue = self.provider_catalogue()
        providers["name"] = [catalogue.get(p, {}).get("name", float("nan")) for p in providers["provider"]]
        providers["kind"] = [catalogue.get(p, {}).get("kind", float("nan")) for p in providers["provider"]]
        cbs = {}
        for r in self.cbs_theme_records(municipality, year, kind, theme):
            cbs.setdefault(r["code"], r)
        taakvelden = _frame(
            [{"code": code, "amount_eur": total, "name": cbs.get(code, {}).get("name", float("nan")),
              "lasten_eur": cbs.get(code, {}).get("lasten_eur", float("nan"))}
             for code, total in sorted(part["taakvelden"].items())],
            ["code", "amount_eur", "name", "lasten_eur"],
        )
        clients, clients_disclosure = disclosure.protect_total(part["clients"], providers[disclosure.DISCLOSURE_COLUMN], public=self.public)
        return ProgrammeView(
            municipality, year, kind, info, amount, theme_total, providers, taakvelden,
            _frame(series["programme_totals"].get(slug, []), ["year", "kind", "amount_eur"]),
            _frame(series["programme_providers"].get(slug, []), ["year", "kind", "provider", "amount_eur"]),
            _frame(part["instruments"], ["instrument", "amount_eur", "share"]), clients,
            self._comparison_of(municipality, year, parts["compare_programme"].get(slug, (0, 0))),
            self.layer_info(municipality, year, kind), clients_disclosure,
        )

    def provider_view(self, municipality: str, year: int, kind: str, slug: str) -> ProviderView:
        info = self.provider_info(slug)
        self.service.require(municipality, year, kind)
        return self.service.cached(("drilldown", "provider", municipality, year, kind, slug), lambda: self._provider_view(municipality, year, kind, info))

    def _provider_view(self, municipality: str, year: int, kind: str, info: dict) -> ProviderView:
        slug = info["slug"]
        summary = self.service.theme_overview(municipality, year, kind).summary
        parts = self.document_parts(municipality, year, kind)
        part = parts["providers"].get(slug, _EMPTY_PART)
        catalogue = self.programme_catalogue()
        compared = parts["compare_provider_programme"].get(slug, {})
        records = []
        for r in part["programmes"]:
            record = dict(r)
            record.update(compared.get(r["programme"], _NO_COMPARISON))
            entry = catalogue.get(r["programme"], {})
            for column in ("name", "name_nl", "theme", "layer"):
                record[column] = entry.get(column, float("nan"))
            records.append(record)
        records.sort(key=lambda r: (-r["amount_eur"], r["programme"]))
        table = _frame(records, ["programme", "amount_eur", "clients", "instruments", "share", "cost_per_client_eur",
                                 "budget_eur", "realised_eur", "variance_eur", "variance_pct", "name", "name_nl", "theme", "layer"])
        table = disclosure.protect_clients(table, public=self.public)
        return ProviderView(
            municipality, year, kind, info, part["amount_eur"], int(summary["lasten_eur"].sum()), table,
            _frame(self.series(municipality)["provider_themes"].get(slug, []), ["year", "kind", "theme", "amount_eur"]),
            _frame(part["instruments"], ["instrument", "amount_eur", "share"]),
            self._comparison_of(municipality, year, parts["compare_provider"].get(slug, (0, 0))),
            self.layer_info(municipality, year, kind),
        )

    # Every programme and provider view of a document in one pass ----------------------------

    def programme_catalogue(self) -> dict[str, dict]:
        return self.service.cached(("drilldown", "programme-catalogue"), lambda: {r["slug"]: r for r in self.programmes().to_dict("records")})

    def provider_catalogue(self) -> dict[str, dict]:
        return self.service.cached(("drilldown", "provider-catalogue"), lambda: {r["slug"]: r for r in self.providers().to_dict("records")})

    def allocation_records(self, municipality: str) -> list[dict]:
        """The allocations as plain records (Python scalars, None for a missing client count), once per version."""
        def compute():
            records = self.allocations(municipality).to_dict("records")
            for r in records:
                r["year"], r["amount_eur"] = int(r["year"]), int(r["amount_eur"])
                r["clients"] = None if r["clients"] is None or pd.isna(r["clients"]) else int(r["clients"])
            return records
        return self.service.cached(("drilldown", "allocation-records", municipality), compute)

    def records_by_document(self, municipality: str) -> dict[tuple[int, str], list[dict]]:
        def compute():
            out: dict[tuple[int, str], list[dict]] = {}
            for r in self.allocation_records(municipality):
                out.setdefault((r["year"], r["kind"]), []).append(r)
            return out
        return self.service.cached(("drilldown", "records-by-document", municipality), compute)

    def cbs_theme_records(self, municipality: str, year: int, kind: str, theme: str) -> list[dict]:
        return self.service.cached(("drilldown", "cbs-records", municipality, year, kind, theme),
                                   lambda: self.cbs_theme_rows(municipality, year, kind, theme).to_dict("records"))

    def series(self, municipality: str) -> dict:
        """The trend series of every programme and provider over all documents, in one pass per version:
        per programme its total and its amount per provider, per provider its amount per theme."""
        def compute():
            totals, per_provider, per_theme = {}, {}, {}
            for r in self.allocation_records(municipality):
                y, k, p, v = r["year"], r["kind"], r["programme"], r["provider"]
                a = r["amount_eur"]
                totals.setdefault(p, {})[(y, k)] = totals.get(p, {}).get((y, k), 0) + a
                per_provider.setdefault(p, {})[(y, k, v)] = per_provider.get(p, {}).get((y, k, v), 0) + a
                t = r["theme"]
                if isinstance(t, str):  # groupby drops a missing theme
                    per_theme.setdefault(v, {})[(y, k, t)] = per_theme.get(v, {}).get((y, k, t), 0) + a
            return {
                "programme_totals": {p: [{"year": y, "kind": k, "amount_eur": a} for (y, k), a in sorted(d.items(), key=lambda i: (i[0][1], i[0][0]))]
                                     for p, d in totals.items()},
                "programme_providers": {p: [{"year": y, "kind": k, "provider": v, "amount_eur": a} for (y, k, v), a in sorted(d.items())]
                                        for p, d in per_provider.items()},
                "provider_themes": {v: [{"year": y, "kind": k, "theme": t, "amount_eur": a} for (y, k, t), a in sorted(d.items())]
                                    for v, d in per_theme.items()},
            }
        return self.service.cached(("drilldown", "series", municipality), compute)

    def document_parts(self, municipality: str, year: int, kind: str) -> dict:
        """Every programme and provider view of one document, computed in one pass over its rows (and the
        begroting and jaarrekening of its year) and cached per dataset version: a view is then a lookup
        plus a few small frames. Plain lists and dicts; the arithmetic is that of ``domain.drilldown``."""
        return self.service.cached(("drilldown", "document-parts", municipality, year, kind), lambda: self._document_parts(municipality, year, kind))

    def _document_parts(self, municipality: str, year: int, kind: str) -> dict:
        by_doc = self.records_by_document(municipality)
        rows = by_doc.get((year, kind), [])
        present = self.layer_documents(municipality)
        budget_present, realised_present = (year, BEGROTING) in present, (year, JAARREKENING) in present
        by_programme: dict[str, list[dict]] = {}
        by_provider: dict[str, list[dict]] = {}
        for r in rows:
            by_programme.setdefault(r["programme"], []).append(r)
            by_provider.setdefault(r["provider"], []).append(r)
        programme_totals = {p: sum(r["amount_eur"] for r in rs) for p, rs in by_programme.items()}
        programmes = {}
        for p, rs in by_programme.items():
            amount = programme_totals[p]
            groups = _group(rs, "provider")
            ranking = []
            for v, g in groups.items():
                a, clients = sum(r["amount_eur"] for r in g), _sum_clients(g)
                ranking.append({"provider": v, "amount_eur": a, "share": dd.share(a, amount), "instruments": _instruments(g),
                                "clients": clients, "cost_per_client_eur": dd.cost_per_client(a, clients)})
            ranking.sort(key=lambda r: (-r["amount_eur"], r["provider"]))
            taakvelden: dict = {}
            for r in rs:
                taakvelden[r["taakveld"]] = taakvelden.get(r["taakveld"], 0) + r["amount_eur"]
            programmes[p] = {"amount_eur": amount, "providers": ranking, "taakvelden": taakvelden,
                             "instruments": _instrument_split(rs), "clients": _sum_clients(rs)}
        providers = {}
        for v, rs in by_provider.items():
            table = []
            for p, g in _group(rs, "programme").items():
                a, clients = sum(r["amount_eur"] for r in g), _sum_clients(g)
                table.append({"programme": p, "amount_eur": a, "clients": clients, "instruments": _instruments(g),
                              "share": dd.share(a, programme_totals.get(p)), "cost_per_client_eur": dd.cost_per_client(a, clients)})
            providers[v] = {"amount_eur": sum(r["amount_eur"] for r in rs), "programmes": table, "instruments": _instrument_split(rs)}
        budget, realised = by_doc.get((year, BEGROTING), []), by_doc.get((year, JAARREKENING), [])

        def sums(records, *keys):
            out: dict = {}
            for r in records:
                key = tuple(r[k] for k in keys) if len(keys) > 1 else r[keys[0]]
                out[key] = out.get(key, 0) + r["amount_eur"]
            return out

        def compare(outer: str, inner: str) -> dict:
            b, rl = sums(budget, outer, inner), sums(realised, outer, inner)
            out: dict = {}
            for o, i in set(b) | set(rl):
                budget_eur = b.get((o, i), 0) if budget_present else None
                realised_eur = rl.get((o, i), 0) if realised_present else None
                difference, fraction = dd.variance(budget_eur, realised_eur)
                out.setdefault(o, {})[i] = {"budget_eur": budget_eur, "realised_eur": realised_eur, "variance_eur": difference, "variance_pct": fraction}
            return out

        def totals(key: str) -> dict:
            b, rl = sums(budget, key), sums(realised, key)
            return {k: (b.get(k, 0), rl.get(k, 0)) for k in set(b) | set(rl) | set(by_programme if key == "programme" else by_provider)}

        return {
            "programmes": programmes, "providers": providers,
            "compare_programme_provider": compare("programme", "provider"),
            "compare_provider_programme": compare("provider", "programme"),
            "compare_programme": totals("programme"), "compare_provider": totals("provider"),
        }

    def _comparison_of(self, municipality: str, year: int, sums: tuple[int, int]) -> Comparison:
        has = self.layer_documents(municipality)
        budget_eur = sums[0] if (year, BEGROTING) in has else None
        realised_eur = sums[1] if (year, JAARREKENING) in has else None
        difference, fraction = dd.variance(budget_eur, realised_eur)
        return Comparison(budget_eur, realised_eur, difference, fraction)

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


_EMPTY_PART = {"amount_eur": 0, "providers": [], "programmes": [], "taakvelden": {}, "instruments": [], "clients": None}
_NO_COMPARISON = {"budget_eur": float("nan"), "realised_eur": float("nan"), "variance_eur": float("nan"), "variance_pct": float("nan")}


def _frame(records: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records, columns=columns) if records else pd.DataFrame(columns=columns)


def _group(records: list[dict], key: str) -> dict:
    out: dict = {}
    for r in records:
        out.setdefault(r[key], []).append(r)
    return out


def _sum_clients(records: list[dict]):
    """``domain.drilldown.sum_clients`` on plain records: the counted clients added up; None if none is counted."""
    present = [r["clients"] for r in records if r["clients"] is not None]
    return sum(present) if present else None


def _instruments(records: list[dict]) -> tuple:
    return tuple(sorted({r["instrument"] for r in records}, key=dd.INSTRUMENTS.index))


def _instrument_split(records: list[dict]) -> list[dict]:
    """``domain.drilldown.instrument_split`` on plain records."""
    sums: dict = {}
    for r in records:
        sums[r["instrument"]] = sums.get(r["instrument"], 0) + r["amount_eur"]
    total = sum(sums.values())
    return [{"instrument": i, "amount_eur": sums[i], "share": dd.share(sums[i], total)} for i in dd.INSTRUMENTS if i in sums]


def _add_comparison(frame: pd.DataFrame, key: str, compared: dict) -> None:
    """Budget/realised/variance columns from a per-key dict (a left join: a missing key gives NaN)."""
    for column in ("budget_eur", "realised_eur", "variance_eur", "variance_pct"):
        frame[column] = [compared.get(k, _NO_COMPARISON)[column] for k in frame[key]]


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
    budget_eur = int(budget["amount_eur"].sum()) if (year, BEGROTING) in has else None
    realised_eur = int(realised["amount_eur"].sum()) if (year, JAARREKENING) in has else None
    difference, fraction = dd.variance(budget_eur, realised_eur)
    return Comparison(budget_eur, realised_eur, difference, fraction)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _clean(record: dict) -> dict:
    """Catalogue rows with pandas' missing values as None, for templates and JSON."""
    return {k: (None if not isinstance(v, (list, tuple)) and pd.isna(v) else v) for k, v in record.items()}
