"""The rows behind every drill-down chart and table, for "Download data (CSV)" and as open data.

``/api/v1/programme-providers``, ``/programmes/layers``, ``/programmes/instruments``, ``/programmes/trend``,
``/programmes/taakvelden`` and ``/indicators/values``. They read the same query objects as the pages
(``Drilldown``, ``IndicatorQueries``), so on the public site they see published layers only and get
client counts already suppressed (``domain.disclosure``): ``clients`` null and ``suppressed`` true.
"""
from __future__ import annotations

import pandas as pd
from flask import Blueprint, request

from dashboard.api.common import (
    BadRequest,
    allowed,
    document_params,
    float_or_none,
    home_municipality,
    int_or_none,
    municipality_param,
    output_format,
    respond,
    service,
)
from dashboard.api.programmes import _slug_param
from dashboard.domain import drilldown as dd
from dashboard.domain.disclosure import DISCLOSURE_COLUMN, protect_clients, suppressed
from dashboard.domain.themes import THEME_BY_SLUG, THEME_SLUGS
from dashboard.queries.drilldown import Drilldown
from dashboard.queries.service import NotFound

SCOPES = ("theme", "programme", "provider")


def _scope(names: tuple[str, ...]) -> tuple[str, str]:
    """Exactly one of ``names`` given: (which, slug)."""
    given = [(name, _slug_param(name)) for name in names]
    given = [(name, value) for name, value in given if value]
    if len(given) != 1:
        raise BadRequest(f"give exactly one of: {', '.join(names)}")
    which, slug = given[0]
    if which == "theme" and slug not in THEME_BY_SLUG:
        raise NotFound(f"unknown theme {slug!r}; use one of: {', '.join(THEME_BY_SLUG)}")
    return which, slug


def _document(drill: Drilldown) -> tuple[str, int, str]:
    municipality, year, kind = document_params()
    service().require(municipality, year, kind)
    return municipality, year, kind


def register(api: Blueprint, endpoints: dict) -> None:
    endpoints["/api/v1/programme-providers?municipality=&year=&document=&theme=|programme=|provider=!&format=json|csv"] = (
        "each provider within each programme of one theme, programme or provider: amount, share (of the theme for theme=, "
        "else of the programme), funding instruments, clients, cost per client, budget/realised/variance of the year; "
        "theme= adds the row 'not allocated to a programme'. Public site: clients below 10 are null with suppressed=true"
    )
    endpoints["/api/v1/programmes/layers?municipality=&document=&theme=!&format=json|csv"] = (
        "a theme's amount per layer (social base, maatwerk, escalated care, not allocated) and share of the CBS theme total, every year of one document kind"
    )
    endpoints["/api/v1/programmes/instruments?municipality=&year=&document=&theme=!&format=json|csv"] = (
        "a theme's amount per funding instrument (subsidy, procurement, lump sum, pgb, benefit) and share"
    )
    endpoints["/api/v1/programmes/trend?municipality=&theme=|programme=|provider=!&top=&format=json|csv"] = (
        "amount per year and document: per programme of a theme, the programme total and its providers (top=N: the N largest), "
        "or per theme for a provider"
    )
    endpoints["/api/v1/programmes/taakvelden?municipality=&year=&document=&theme=|programme=!&format=json|csv"] = (
        "per Iv3 taakveld: CBS lasten, allocated to programmes and not allocated (theme=), or the programme's amount beside CBS (programme=)"
    )
    endpoints["/api/v1/indicators/values?indicator=!&municipality=&format=json|csv"] = (
        "every value of one indicator with its period, the target of its year, status and note"
    )

    @api.get("/programme-providers")
    def programme_providers():
        allowed({"municipality", "year", "document", *SCOPES, "format"})
        output = output_format()
        which, slug = _scope(SCOPES)
        drill = Drilldown(service())
        municipality, year, kind = _document(drill)
        layer = drill.layer_info(municipality, year, kind)
        programmes = drill.programmes().set_index("slug")["name"]
        providers = drill.providers().set_index("slug")["name"]
        if which == "programme":
            view = drill.programme_view(municipality, year, kind, slug)
            frame = view.providers.assign(programme=slug)
        elif which == "provider":
            view = drill.provider_view(municipality, year, kind, slug)
            frame = view.programmes.assign(provider=slug)
        else:
            frame = _theme_pairs(drill, municipality, year, kind, THEME_BY_SLUG[slug])
        records = [
            {
                "municipality": municipality, "year": year, "document": kind,
                "programme": r["programme"], "programme_name": programmes.get(r["programme"], r["programme"]),
                "provider": r["provider"], "provider_name": providers.get(r["provider"], r["provider"]),
                "instruments": " ".join(r["instruments"] or ()), "amount_eur": int(r["amount_eur"]), "share": float_or_none(r["share"]),
                "clients": int_or_none(r["clients"]), "cost_per_client_eur": _round(r["cost_per_client_eur"]),
                "suppressed": suppressed(r[DISCLOSURE_COLUMN]),
                "budget_eur": int_or_none(r["budget_eur"]), "realised_eur": int_or_none(r["realised_eur"]), "variance_eur": int_or_none(r["variance_eur"]),
                "illustrative": layer.illustrative,
            }
            for r in frame.to_dict("records")
        ]
        if which == "theme":
            view = drill.theme_view(municipality, year, kind, slug)
            if view.unallocated_eur:
                records.append({
                    "municipality": municipality, "year": year, "document": kind, "programme": None, "programme_name": dd.UNALLOCATED,
                    "provider": None, "provider_name": None, "instruments": "", "amount_eur": int(view.unallocated_eur),
                    "share": dd.share(view.unallocated_eur, view.cbs_total_eur), "clients": None, "cost_per_client_eur": None,
                    "suppressed": False, "budget_eur": None, "realised_eur": None, "variance_eur": None, "illustrative": layer.illustrative,
                })
        return respond(records, output, f"programme_providers_{municipality}_{kind}_{year}_{which}_{slug}")

    def _theme_view_request():
        """Parameters of the theme-level table endpoints, validated; the theme view they ask for."""
        allowed({"municipality", "year", "document", "theme", "format"})
        output = output_format()
        _which, slug = _scope(("theme",))
        drill = Drilldown(service())
        municipality, year, kind = _document(drill)
        return output, municipality, year, kind, slug, drill.theme_view(municipality, year, kind, slug)

    @api.get("/programmes/layers")
    def layers():
        output, municipality, year, kind, slug, view = _theme_view_request()
        part = view.layers[view.layers["kind"] == kind].sort_values(["year", "layer"])
        records = [
            {"municipality": municipality, "theme": view.theme, "year": int(r["year"]), "document": r["kind"], "layer": r["layer"],
             "amount_eur": int(r["amount_eur"]), "share": float_or_none(r["share"])}
            for r in part.to_dict("records")
        ]
        return respond(records, output, f"programme_layers_{municipality}_{kind}_{slug}")

    @api.get("/programmes/instruments")
    def instruments():
        output, municipality, year, kind, slug, view = _theme_view_request()
        records = [
            {"municipality": municipality, "year": year, "document": kind, "theme": view.theme, "instrument": r["instrument"],
             "amount_eur": int(r["amount_eur"]), "share": float_or_none(r["share"])}
            for r in view.instruments.sort_values("amount_eur", ascending=False).to_dict("records")
        ]
        return respond(records, output, f"programme_instruments_{municipality}_{kind}_{year}_{slug}")

    @api.get("/programmes/trend")
    def trend():
        allowed({"municipality", *SCOPES, "top", "format"})
        output = output_format()
        which, slug = _scope(SCOPES)
        top = request.args.get("top", "").strip()
        if top and not top.isdigit():
            raise BadRequest(f"top must be a whole number, not {top!r}")
        drill = Drilldown(service())
        municipality = request.args.get("municipality", "").strip() or home_municipality()
        if municipality not in service().municipalities():
            raise NotFound(f"unknown municipality {municipality!r}; see /api/v1/municipalities")
        rows = drill.allocations(municipality)
        if which == "theme":
            part = rows[rows["theme"] == THEME_BY_SLUG[slug]]
            frame = part.groupby(["year", "kind", "programme"], as_index=False)["amount_eur"].sum().rename(columns={"programme": "series"})
            names = drill.programmes().set_index("slug")["name"]
        elif which == "programme":
            drill.programme_info(slug)
            part = rows[rows["programme"] == slug]
            per_provider = part.groupby(["year", "kind", "provider"], as_index=False)["amount_eur"].sum().rename(columns={"provider": "series"})
            if top:
                per_provider = per_provider[per_provider["series"].isin(dd.largest_series(per_provider, int(top)))]
            frame = pd.concat([dd.totals_by_document(part).assign(series="programme total"), per_provider], ignore_index=True)
            names = drill.providers().set_index("slug")["name"]
        else:
            drill.provider_info(slug)
            part = rows[rows["provider"] == slug]
            frame = part.groupby(["year", "kind", "theme"], as_index=False)["amount_eur"].sum().rename(columns={"theme": "series"})
            names = pd.Series(dtype="object")
        frame = frame.sort_values(["year", "kind", "series"])
        records = [
            {"municipality": municipality, "year": int(r["year"]), "document": r["kind"], "series": r["series"],
             "name": names.get(r["series"], r["series"]), "amount_eur": int(r["amount_eur"])}
            for r in frame.to_dict("records")
        ]
        return respond(records, output, f"programme_trend_{municipality}_{which}_{slug}")

    @api.get("/programmes/taakvelden")
    def taakvelden():
        allowed({"municipality", "year", "document", "theme", "programme", "format"})
        output = output_format()
        which, slug = _scope(("theme", "programme"))
        drill = Drilldown(service())
        municipality, year, kind = _document(drill)
        if which == "theme":
            view = drill.theme_view(municipality, year, kind, slug)
            records = [
                {"municipality": municipality, "year": year, "document": kind, "code": r["code"], "name": r["name"] if isinstance(r["name"], str) else None,
                 "cbs_lasten_eur": int(r["cbs_lasten_eur"]), "allocated_eur": int(r["allocated_eur"]), "unallocated_eur": int(r["unallocated_eur"])}
                for r in view.reconciliation.to_dict("records")
            ]
        else:
            view = drill.programme_view(municipality, year, kind, slug)
            records = [
                {"municipality": municipality, "year": year, "document": kind, "programme": slug, "code": r["code"],
                 "name": r["name"] if isinstance(r["name"], str) else None, "amount_eur": int(r["amount_eur"]),
                 "cbs_lasten_eur": int_or_none(r["lasten_eur"]), "share_of_taakveld": dd.share(r["amount_eur"], r["lasten_eur"])}
                for r in view.taakvelden.to_dict("records")
            ]
        return respond(records, output, f"taakvelden_{municipality}_{kind}_{year}_{which}_{slug}")

    @api.get("/indicators/values")
    def indicator_values():
        from dashboard.api.indicators import indicator_queries
        from dashboard.domain.traffic_light import judge, target_for

        allowed({"indicator", "municipality", "format"})
        output = output_format()
        municipality = municipality_param()
        slug = _slug_param("indicator")
        if not slug:
            raise BadRequest("give indicator=<slug>; see /api/v1/indicators")
        queries = indicator_queries(municipality)
        result = queries.result(slug, queries.reference_date())
        notes = queries.notes(slug)
        records = []
        for o in reversed(result.observations):  # newest first, as the table on the page
            target = target_for(result.targets, o.period.year)
            records.append({
                "municipality": municipality, "indicator": slug, "period": str(o.period), "value": o.value,
                "target_minimum": None if target is None else target.minimum, "target_maximum": None if target is None else target.maximum,
                "status": judge(o.value, target, result.info.tolerance) if target is not None else "no data",
                "note": notes.get(o.period), "illustrative": result.info.illustrative,
            })
        return respond(records, output, f"indicator_values_{municipality}_{slug}")


def _theme_pairs(drill: Drilldown, municipality: str, year: int, kind: str, theme: str) -> pd.DataFrame:
    """Programme × provider of one theme and document, with clients (suppressed as on the programme page)
    and budget/realised of the year per pair."""
    rows = drill.allocations(municipality)
    theme_rows = rows[rows["theme"] == theme]
    doc = theme_rows[(theme_rows["year"] == year) & (theme_rows["kind"] == kind)]
    view = drill.theme_view(municipality, year, kind, THEME_SLUGS[theme])
    columns = ["programme", "provider", "amount_eur", "instruments", "clients"]
    if doc.empty:
        frame = pd.DataFrame(columns=columns)
    else:
        grouped = doc.groupby(["programme", "provider"])
        frame = pd.DataFrame({
            "amount_eur": grouped["amount_eur"].sum().astype("int64"),
            "instruments": grouped["instrument"].agg(dd.instruments_of),
            "clients": grouped["clients"].agg(dd.sum_clients),
        }).reset_index()
    frame["share"] = [dd.share(a, view.cbs_total_eur) for a in frame["amount_eur"]]
    frame["cost_per_client_eur"] = [dd.cost_per_client(a, c) for a, c in zip(frame["amount_eur"], frame["clients"])]
    frame = protect_clients(frame, public=drill.public)
    pairs = theme_rows.assign(pair=theme_rows["programme"] + "|" + theme_rows["provider"])
    compared = drill.compare_by(municipality, year, pairs, "pair")
    frame = frame.assign(pair=frame["programme"] + "|" + frame["provider"]).merge(compared, on="pair", how="left").drop(columns="pair")
    return frame.sort_values(["programme", "amount_eur"], ascending=[True, False]).reset_index(drop=True)


def _round(value):
    value = float_or_none(value)
    return None if value is None else round(value, 2)
