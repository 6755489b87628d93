"""``/api/v1/programmes`` and ``/api/v1/allocations``: the programme and provider layer below the themes.

Per theme, programmes plus the labelled "not allocated to a programme" row add up to the theme's
``lasten_eur`` of ``/api/v1/themes`` to the euro; the allocations of a programme add up to the
programme. ``illustrative`` says whether the figures are generated (demo) rather than the municipality's own.
"""
from __future__ import annotations

import pandas as pd
from flask import Blueprint, request

from dashboard.api.common import BadRequest, allowed, document_params, output_format, respond, service, theme_param
from dashboard.domain.disclosure import DISCLOSURE_COLUMN, suppressed
from dashboard.domain.themes import THEME_SLUGS
from dashboard.importers.tables import SLUG_PATTERN
from dashboard.queries.drilldown import Drilldown


def _slug_param(name: str) -> str | None:
    value = request.args.get(name, "").strip()
    if not value:
        return None
    if not SLUG_PATTERN.match(value):
        raise BadRequest(f"{name} must be a slug such as 'youth-ambulant-care', not {value!r}")
    return value


def register(api: Blueprint, endpoints: dict) -> None:
    endpoints["/api/v1/programmes?municipality=&year=&document=&theme=&format=json|csv"] = (
        "programmes of one document (one theme or all): lasten in whole euros, layer, number of providers; "
        "a row 'not allocated to a programme' where the programmes do not add up to the CBS theme total"
    )
    endpoints["/api/v1/allocations?municipality=&year=&document=&programme=&format=json|csv"] = (
        "what each provider receives within a programme (or all programmes), per taakveld and funding instrument; "
        "on the public site a client count below 10 is null with suppressed=true (as is every count of a provider "
        "within a programme that has one, so it cannot be recovered from the total)"
    )

    @api.get("/programmes")
    def programmes():
        allowed({"municipality", "year", "document", "theme", "format"})
        output = output_format()
        theme = theme_param()
        theme = THEME_SLUGS[theme] if theme else None  # the drill-down asks by slug
        municipality, year, kind = document_params()
        drill = Drilldown(service())
        service().require(municipality, year, kind)
        layer = drill.layer_info(municipality, year, kind)
        records = [
            {"municipality": municipality, "year": year, "document": kind, **row, "illustrative": layer.illustrative, "status": layer.status}
            for row in drill.programme_rows(municipality, year, kind, theme)
        ]
        return respond(records, output, f"programmes_{municipality}_{kind}_{year}")

    @api.get("/allocations")
    def allocations():
        allowed({"municipality", "year", "document", "programme", "format"})
        output = output_format()
        programme = _slug_param("programme")
        municipality, year, kind = document_params()
        drill = Drilldown(service())
        service().require(municipality, year, kind)
        if programme is not None:
            drill.programme_info(programme)  # 404 for an unknown programme
        rows = drill.allocation_rows(municipality, year, kind, programme)  # public mode: small counts suppressed
        names = drill.providers().set_index("slug")["name"]
        layer = drill.layer_info(municipality, year, kind)
        rows = rows.sort_values(["programme", "amount_eur", "provider", "taakveld"], ascending=[True, False, True, True])
        records = [
            {
                "municipality": municipality, "year": year, "document": kind, "programme": r["programme"],
                "provider": names.get(r["provider"], r["provider"]), "provider_slug": r["provider"], "taakveld": r["taakveld"],
                "instrument": r["instrument"], "amount_eur": int(r["amount_eur"]), "clients": None if pd.isna(r["clients"]) else int(r["clients"]),
                "suppressed": suppressed(r[DISCLOSURE_COLUMN]), "illustrative": layer.illustrative,
            }
            for r in rows.to_dict("records")
        ]
        return respond(records, output, f"allocations_{municipality}_{kind}_{year}" + (f"_{programme}" if programme else ""))
