"""``/api/v1/openapi.json``: the API described as OpenAPI 3.0, made from the same list of endpoints
that ``/api/v1/`` shows (each feature registers ``"/path?param=&other=|alternative=&format=json|csv"``
with its description), so a new route is in the document the moment it is listed.

Every parameter is an optional query string; ``format`` is ``json`` or ``csv``. Malformed parameters
answer 400, unknown things 404, both with ``{"error": "..."}``.
"""
from __future__ import annotations

ERROR = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}
JSON_OR_CSV = {
    "application/json": {"schema": {}},
    "text/csv": {"schema": {"type": "string"}},
}


def openapi_document(endpoints: dict[str, str], version: str = "1") -> dict:
    paths = {"/api/v1/": _operation("index: the endpoints and the data source", [], json_only=True)}
    for address, description in sorted(endpoints.items()):
        path, _, query = address.partition("?")
        parameters = []
        for part in filter(None, query.split("&")):
            if part.startswith("format="):  # format=json|csv: one parameter, its values
                parameters.append(_query("format", {"type": "string", "enum": part.removeprefix("format=").split("|")}))
                continue
            for alternative in part.split("|"):  # theme=|programme=: alternative parameters
                name = alternative.partition("=")[0]
                if name and all(p["name"] != name for p in parameters):
                    parameters.append(_query(name, {"type": "string"}))
        paths[path] = _operation(description, parameters, json_only="format" not in query)
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


def _query(name: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema}


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
