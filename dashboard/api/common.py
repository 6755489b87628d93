"""Shared helpers of the API routes: parameter parsing, errors, JSON/CSV responses."""
from __future__ import annotations

import math

from flask import Response, current_app, jsonify, request

from dashboard.domain.iv3 import BEGROTING, parse_document_kind, parse_year_text
from dashboard.domain.themes import THEME_BY_SLUG, THEMES
from dashboard.domain.spreadsheet import csv_text
from dashboard.queries.context import EXTENSION_KEY
from dashboard.queries.service import DashboardService, NotFound



class BadRequest(ValueError):
    """A malformed parameter: answered with 400."""


def service() -> DashboardService:
    return current_app.extensions[EXTENSION_KEY].service


def home_municipality() -> str:
    return current_app.extensions[EXTENSION_KEY].settings.municipality


def municipality_param() -> str:
    """The municipality from the query (default: the home municipality); 404 when unknown."""
    municipality = request.args.get("municipality", "").strip() or home_municipality()
    if municipality not in service().municipalities():
        raise NotFound(f"unknown municipality {municipality!r}; see /api/v1/municipalities")
    return municipality


def document_params() -> tuple[str, int, str]:
    """municipality, year and document from the query; defaults: home municipality, newest begroting."""
    municipality = request.args.get("municipality", "").strip() or home_municipality()
    year_text = request.args.get("year", "").strip()
    kind = request.args.get("document", "").strip().lower()
    try:
        year = parse_year_text(year_text) if year_text else None
        kind = parse_document_kind(kind) if kind else ""
    except ValueError as problem:
        raise BadRequest(str(problem)) from None
    if municipality not in service().municipalities():
        raise NotFound(f"unknown municipality {municipality!r}; see /api/v1/municipalities")
    if year is None:
        if kind and kind not in {k for _y, k in service().available_documents(municipality)}:
            raise NotFound(f"no {kind} for {municipality}")
        year, kind = service().latest_document(municipality, kind or None)
    return municipality, year, kind or BEGROTING


def theme_param() -> str | None:
    """``theme=``: a theme's slug (``young``), or its English name, any case; None when absent. The one
    reading of the parameter for every route that takes it (the OpenAPI document lists the slugs)."""
    text = request.args.get("theme", "").strip()
    if not text:
        return None
    theme = THEME_BY_SLUG.get(text.lower()) or next((t for t in THEMES if t.lower() == text.lower()), None)
    if theme is None:
        raise BadRequest(f"theme must be one of {', '.join(THEME_BY_SLUG)}, not {text!r}")
    return theme


def allowed(names: set[str]) -> None:
    unknown = sorted(set(request.args) - names)
    if unknown:
        raise BadRequest(f"unknown parameter(s): {', '.join(unknown)}; allowed: {', '.join(sorted(names)) or 'none'}")


def output_format() -> str:
    output = request.args.get("format", "json").strip().lower()
    if output not in ("json", "csv"):
        raise BadRequest(f"format must be 'json' or 'csv', not {output!r}")
    return output


def respond(records: list[dict], output: str, filename: str) -> Response:
    """JSON as it is, or a CSV download whose text cells cannot run as spreadsheet formulas."""
    if output == "json":
        return jsonify(records)
    return Response(
        csv_text(records),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )


def int_or_none(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


def float_or_none(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def round_or_none(value):
    value = float_or_none(value)
    return None if value is None else round(value, 2)
