"""``/api/v1/municipalities`` and ``/api/v1/themes``: the CBS figures per theme."""
from __future__ import annotations

from flask import Blueprint, jsonify

from dashboard.api.common import allowed, document_params, float_or_none, int_or_none, municipality_param, output_format, respond, round_or_none, service


def register(api: Blueprint, endpoints: dict) -> None:
    endpoints["/api/v1/municipalities"] = "names of the municipalities in the store (never the national total)"
    endpoints["/api/v1/themes?municipality=&year=&document=&format=json|csv"] = (
        "the four themes of one document: lasten, baten, net, shares (fractions 0-1), per inhabitant"
    )

    # Without this, Dash's catch-all page route would answer unknown API paths with HTML and 200.
    @api.get("/<path:unknown>")
    def unknown_route(unknown):
        return jsonify({"error": f"unknown API route /api/v1/{unknown}; see /api/v1/ for the list"}), 404

    @api.get("/municipalities")
    def municipalities():
        allowed(set())
        return jsonify(service().municipalities())

    @api.get("/themes")
    def themes():
        allowed({"municipality", "year", "document", "format"})
        output = output_format()
        municipality, year, kind = document_params()
        overview = service().theme_overview(municipality, year, kind)
        records = [
            {
                "municipality": municipality,
                "year": year,
                "document": kind,
                "theme": row["theme"],
                "lasten_eur": int(row["lasten_eur"]),
                "baten_eur": int_or_none(row["baten_eur"]),
                "net_eur": int_or_none(row["net_eur"]),
                "share_of_social_domain": float_or_none(row["share_of_social_domain"]),
                "share_of_total_lasten": float_or_none(row["share_of_total_lasten"]),
                "per_inhabitant_eur": round_or_none(row["per_inhabitant_eur"]),
            }
            for row in overview.summary.to_dict("records")
        ]
        return respond(records, output, f"themes_{municipality}_{kind}_{year}")

    endpoints["/api/v1/themes/trend?municipality=&format=json|csv"] = (
        "lasten per theme for every loaded year and document (begroting and jaarrekening apart)"
    )

    @api.get("/themes/trend")
    def theme_trend():
        allowed({"municipality", "format"})
        output = output_format()
        municipality = municipality_param()
        trend = service().theme_trend(municipality).sort_values(["year", "kind", "theme"])
        records = [
            {"municipality": municipality, "year": int(y), "document": k, "theme": th, "lasten_eur": int(v)}
            for y, k, th, v in trend[["year", "kind", "theme", "lasten_eur"]].itertuples(index=False)
        ]
        return respond(records, output, f"theme_trend_{municipality}")
