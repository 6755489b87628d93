"""Open-data API (``/api/v1``): Flask routes on the Dash server. JSON by default, CSV with ``format=csv``.

Errors are JSON: 400 for malformed parameters, 404 for things that do not exist. Never a traceback.
Each feature registers its routes from its own module, listed in ``FEATURE_MODULES``.
"""
from __future__ import annotations

import importlib

from flask import Blueprint, current_app, jsonify

from dashboard.api.common import EXTENSION_KEY, BadRequest
from dashboard.api.openapi import openapi_document
from dashboard.queries.service import NotFound

#: Modules in this package with ``register(api: Blueprint, endpoints: dict)``.
FEATURE_MODULES = ("themes", "programmes", "indicators", "drilldown_data", "savings", "compare", "decisions")

__all__ = ["EXTENSION_KEY", "make_api_blueprint"]


def make_api_blueprint() -> Blueprint:
    api = Blueprint("api_v1", __name__, url_prefix="/api/v1")
    endpoints: dict[str, str] = {}

    @api.errorhandler(BadRequest)
    def bad_request(error):
        return jsonify({"error": str(error)}), 400

    @api.errorhandler(NotFound)
    def not_found(error):
        return jsonify({"error": str(error.args[0] if error.args else error)}), 404

    @api.errorhandler(404)
    def unknown_route(_error):
        return jsonify({"error": "unknown API route; see /api/v1/ for the list"}), 404

    @api.errorhandler(405)
    def wrong_method(error):
        return jsonify({"error": "only GET is supported"}), 405, {"Allow": ", ".join(getattr(error, "valid_methods", None) or ["GET", "HEAD"])}

    @api.errorhandler(Exception)
    def unexpected(error):
        current_app.logger.exception("API error: %s", error)
        return jsonify({"error": "internal error; the problem has been logged"}), 500

    @api.get("/")
    def index():
        return jsonify(
            {
                "source": "CBS StatLine, Iv3 (CC BY 4.0); amounts in whole euros",
                "how_to_read": "a=|b=: alternatives, at most one; ! marks a required parameter or group (exactly one of it); "
                "the full description with types: /api/v1/openapi.json",
                "endpoints": endpoints,
            }
        )

    @api.get("/openapi.json")
    def openapi():
        return jsonify(openapi_document(endpoints))

    for name in FEATURE_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(api, endpoints)
    return api
