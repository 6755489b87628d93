"""Open-data API (``/api/v1``): Flask routes on the Dash server. JSON by default, CSV with ``format=csv``.

Errors are JSON: 400 for malformed parameters, 404 for things that do not exist. Never a traceback.
"""
from __future__ import annotations

import csv
import io
import math

from flask import Blueprint, Response, current_app, jsonify, request

from .importers.iv3 import DOCUMENT_KINDS
from .services import DashboardService, NotFound

EXTENSION_KEY = "social_dashboard"


class BadRequest(ValueError):
    """A malformed parameter: answered with 400."""


def service() -> DashboardService:
    return current_app.extensions[EXTENSION_KEY].service


def home_municipality() -> str:
    return current_app.extensions[EXTENSION_KEY].settings.municipality


def make_api_blueprint() -> Blueprint:
    api = Blueprint("api_v1", __name__, url_prefix="/api/v1")

    @api.errorhandler(BadRequest)
    def bad_request(error):
        return jsonify({"error": str(error)}), 400

    @api.errorhandler(NotFound)
    def not_found(error):
        return jsonify({"error": str(error.args[0] if error.args else error)}), 404

    @api.errorhandler(404)
    def unknown_route(_error):
        return jsonify({"error": "unknown API route; see /api/v1 for the list"}), 404

    @api.errorhandler(405)
    def wrong_method(_error):
        return jsonify({"error": "only GET is supported"}), 405

    @api.errorhandler(Exception)
    def unexpected(error):
        current_app.logger.exception("API error: %s", error)
        return jsonify({"error": "internal error; the problem has been logged"}), 500

    @api.get("/")
    def index():
        return jsonify(
            {
                "source": "CBS StatLine, Iv3 (CC BY 4.0); amounts in whole euros",
                "endpoints": {
                    "/api/v1/municipalities": "names of the municipalities in the store",
                    "/api/v1/themes?municipality=&year=&document=&format=json|csv": "the four themes for one document",
                },
            }
        )

    @api.get("/municipalities")
    def municipalities():
        _allowed(set())
        return jsonify(service().municipalities())

    @api.get("/themes")
    def themes():
        _allowed({"municipality", "year", "document", "format"})
        output = _format()
        municipality, year, kind = document_params()
        overview = service().theme_overview(municipality, year, kind)
        records = [
            {
                "municipality": municipality,
                "year": year,
                "document": kind,
                "theme": row["theme"],
                "lasten_eur": int(row["lasten_eur"]),
                "baten_eur": _int_or_none(row["baten_eur"]),
                "net_eur": _int_or_none(row["net_eur"]),
                "share_of_social_domain": _float_or_none(row["share_of_social_domain"]),
                "share_of_total_lasten": _float_or_none(row["share_of_total_lasten"]),
                "per_inhabitant_eur": _round_or_none(row["per_inhabitant_eur"]),
            }
            for row in overview.summary.to_dict("records")
        ]
        return respond(records, output, f"themes_{municipality}_{kind}_{year}")

    return api


def document_params() -> tuple[str, int, str]:
    """municipality, year and document from the query; defaults: home municipality, newest begroting."""
    municipality = request.args.get("municipality", "").strip() or home_municipality()
    year_text = request.args.get("year", "").strip()
    kind = request.args.get("document", "").strip().lower()
    if year_text and not (year_text.isdigit() and len(year_text) == 4):
        raise BadRequest(f"year must be a four-digit year, not {year_text!r}")
    if kind and kind not in DOCUMENT_KINDS:
        raise BadRequest(f"document must be 'begroting' or 'jaarrekening', not {kind!r}")
    if municipality not in service().municipalities():
        raise NotFound(f"unknown municipality {municipality!r}; see /api/v1/municipalities")
    if not year_text:
        year, kind = service().latest_document(municipality, kind or None)
    elif not kind:
        kind = "begroting"
    return municipality, int(year_text) if year_text else year, kind


def _allowed(names: set[str]) -> None:
    unknown = sorted(set(request.args) - names)
    if unknown:
        raise BadRequest(f"unknown parameter(s): {', '.join(unknown)}; allowed: {', '.join(sorted(names)) or 'none'}")


def _format() -> str:
    output = request.args.get("format", "json").strip().lower()
    if output not in ("json", "csv"):
        raise BadRequest(f"format must be 'json' or 'csv', not {output!r}")
    return output


def respond(records: list[dict], output: str, filename: str) -> Response:
    if output == "json":
        return jsonify(records)
    buffer = io.StringIO()
    if records:
        writer = csv.DictWriter(buffer, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )


def _int_or_none(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


def _float_or_none(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _round_or_none(value):
    value = _float_or_none(value)
    return None if value is None else round(value, 2)
