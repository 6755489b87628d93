"""``/api/v1/openapi.json``: the API described as OpenAPI 3.0, made from the same list of endpoints
that ``/api/v1/`` shows (each feature registers ``"/path?param=&other=|alternative=&format=json|csv"``
with its description), so a new route is in the document the moment it is listed.

Every parameter is optional. Those with a closed vocabulary are typed from the same rules that parse them
(a year is a whole number within ``domain.iv3.YEARS``, a document, theme, group or measure one of its
names), so a generated request that fits the document is one the API can answer; the rest are names
(municipality, programme, …) looked up in the data. Malformed parameters answer 400, unknown things 404,
both with ``{"error": "..."}``.
"""
from __future__ import annotations

from dashboard.api.compare import TAAKVELD_CODE
from dashboard.domain.compare import MEASURES
from dashboard.domain.iv3 import DOCUMENT_KINDS, YEARS
from dashboard.domain.themes import THEME_BY_SLUG
from dashboard.importers.tables import SLUG_PATTERN
from dashboard.queries.compare import GROUPS

ERROR = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}
JSON_OR_CSV = {
    "application/json": {"schema": {}},
    "text/csv": {"schema": {"type": "string"}},
}


def parameter_schema(name: str) -> dict:
    """The schema of a query parameter by its name: the same name means the same thing on every route."""
    known = {
        "year": {"type": "integer", "minimum": YEARS[0], "maximum": YEARS[-1]},
        "document": {"type": "string", "enum": list(DOCUMENT_KINDS)},
        "theme": {"type": "string", "enum": list(THEME_BY_SLUG)},
        "group": {"type": "string", "enum": list(GROUPS)},
        "measure": {"type": "string", "enum": list(MEASURES)},
        "top": {"type": "integer", "minimum": 1, "maximum": 1000},
        "round": {"type": "integer", "minimum": 1, "maximum": 999_999_999},
        "taakveld": {"type": "string", "pattern": TAAKVELD_CODE.pattern},
        **{slug: {"type": "string", "pattern": SLUG_PATTERN.pattern} for slug in ("programme", "provider", "indicator")},
    }
    return dict(known.get(name, {"type": "string", "maxLength": 200}))


def openapi_document(endpoints: dict[str, str], version: str = "1") -> dict:
    """``theme=|programme=`` are alternatives (at most one); a ``!`` at the end of a parameter or group
    marks it required (exactly one of a group). OpenAPI 3.0 cannot say "exactly one of" for query
    parameters, so each operation lists its groups under ``x-one-of`` as well as in the parameters' text."""
    paths = {"/api/v1/": _operation("index: the endpoints and the data source", [], json_only=True)}
    for address, description in sorted(endpoints.items()):
        path, _, query = address.partition("?")
        parameters, groups = [], []
        for part in filter(None, query.split("&")):
            if part.startswith("format="):  # format=json|csv: one parameter, its values
                parameters.append(_query("format", {"type": "string", "enum": part.removeprefix("format=").split("|")}))
                continue
            required = part.endswith("!")
            names = [alternative.partition("=")[0] for alternative in part.removesuffix("!").split("|")]
            if len(names) > 1:
                groups.append({"parameters": names, "required": required})
            for name in names:
                if name and all(p["name"] != name for p in parameters):
                    parameters.append(_query(name, parameter_schema(name), required and len(names) == 1, _group_text(names, required)))
        paths[path] = _operation(description, parameters, json_only="format" not in query)
        if groups:
            paths[path]["get"]["x-one-of"] = groups
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Social Domain Dashboard open data",
            "version": version,
            "description": "Bron: CBS, Iv3 (CC BY 4.0). Amounts in whole euros. JSON by default, CSV with format=csv.",
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        },
        "paths": paths,
    }


def _query(name: str, schema: dict, required: bool = False, text: str = "") -> dict:
    return {"name": name, "in": "query", "required": required, "schema": schema, **({"description": text} if text else {})}


def _group_text(names: list[str], required: bool) -> str:
    if len(names) == 1:
        return "required" if required else ""
    return f"{'exactly' if required else 'at most'} one of {', '.join(names)}"


def _operation(description: str, parameters: list[dict], json_only: bool) -> dict:
    error = {"content": {"application/json": {"schema": ERROR}}}
    return {
        "get": {
            "summary": description[:120],
            "description": description,
            "parameters": parameters,
            "responses": {
                "200": {"description": "the data", "content": {"application/json": {"schema": {}}} if json_only else JSON_OR_CSV},
                "400": {"description": "a malformed parameter", **error},
                "404": {"description": "no such municipality, year, document or name", **error},
            },
        }
    }
