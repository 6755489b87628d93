"""Malformed requests end in a short JSON 4xx, never a 500 or a traceback.

Dash callbacks are public endpoints: anyone can post anything to ``/_dash-update-component``. Dash
itself trusts the body's shape (a list where it expects an object, an unknown callback, a missing
key all end in a 500), so the body is checked here first against the callbacks the app declares:
a JSON object of bounded depth, a server-side callback that exists, its outputs, and inputs and
state of the declared ids and properties (values stay free: each callback reads them defensively).
Request bodies are limited in size (``Settings.max_request_bytes``, Flask's ``MAX_CONTENT_LENGTH``)
and every HTTP error, Dash's refusals of component-suite paths included, is answered as JSON.
"""
from __future__ import annotations

import json
import logging

from dash.exceptions import DependencyException
from werkzeug.exceptions import HTTPException

from dashboard.web.page_requests import UPDATE_PATH

log = logging.getLogger(__name__)

#: Nesting of a callback body: the browser's deepest (pattern-matching input with click data) is ~9.
MAX_JSON_DEPTH = 32
_WILDCARDS = ('["ALL"]', '["MATCH"]', '["ALLSMALLER"]')

#: Addresses for programs, not people: an unknown one is a JSON 404, never the page shell that Dash's
#: catch-all route would otherwise serve (with the friendly "page not found" meant for readers).
MACHINE_PREFIXES = ("/_dash-", "/_reload-hash", "/assets/", "/api/")


def install(app, max_request_bytes: int) -> None:
    """Register first of all hooks, so no other hook (kept pages, Dash) sees a malformed body."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = max_request_bytes
    update_path = app.config.requests_pathname_prefix + UPDATE_PATH.lstrip("/")
    catch_all = _catch_all_endpoint(server)

    def check_callback_post():
        import flask

        if flask.request.method == "POST" and flask.request.path == update_path:
            problem = callback_body_problem(flask.request.get_data(cache=True), app.callback_map)
            if problem:
                return error_response(400, problem)
        if flask.request.url_rule is not None and flask.request.url_rule.endpoint == catch_all and _is_machine_path(flask.request.path):
            return error_response(404, "not found")
        return None

    server.before_request(check_callback_post)
    server.register_error_handler(HTTPException, _http_error)
    server.register_error_handler(DependencyException, lambda e: error_response(404, "no such file"))
    server.register_error_handler(Exception, _unexpected)


def allow_large_uploads(server, paths: tuple[str, ...], max_bytes: int) -> None:
    """Bodies posted to ``paths`` (file uploads) may be as large as an import file; registered before the
    session check, which reads the form for its CSRF field."""

    def raise_limit():
        import flask

        if flask.request.method == "POST" and flask.request.path in paths:
            flask.request.max_content_length = max(max_bytes, server.config.get("MAX_CONTENT_LENGTH") or 0)

    server.before_request(raise_limit)


def _catch_all_endpoint(server) -> str | None:
    """The endpoint of Dash's ``/<path:path>`` route, which serves the page shell for any address."""
    for rule in server.url_map.iter_rules():
        if rule.rule.endswith("<path:path>"):
            return rule.endpoint
    return None


def _is_machine_path(path: str) -> bool:
    return any(path.startswith(prefix) or path == prefix.rstrip("/") for prefix in MACHINE_PREFIXES)


def error_response(status: int, message: str):
    import flask

    response = flask.jsonify({"error": message, "status": status})
    response.status_code = status
    return response


def _http_error(error: HTTPException):
    response = error_response(error.code or 500, _short(error))
    for name, value in error.get_headers():  # e.g. Allow on 405
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _short(error: HTTPException) -> str:
    return {
        400: "bad request", 404: "not found", 405: "method not allowed",
        413: "request body too large", 415: "send the body as application/json",
    }.get(error.code, (error.name or "error").lower())


def _unexpected(error: Exception):
    log.exception("unexpected error: %s", error)
    return error_response(500, "internal error; the problem has been logged")


def callback_body_problem(raw: bytes, callback_map: dict) -> str | None:
    """What is wrong with a callback post, in one line; None when Dash may run it."""
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        return "the body is not JSON"
    if _depth(body) > MAX_JSON_DEPTH:
        return f"the body is nested more than {MAX_JSON_DEPTH} levels deep"
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    output = body.get("output")
    entry = callback_map.get(output) if isinstance(output, str) else None
    if entry is None or "callback" not in entry:  # clientside callbacks are in the map too
        return "unknown callback"
    declared = entry["output"] if isinstance(entry["output"], list) else [entry["output"]]
    outputs = body.get("outputs")
    given = outputs if isinstance(entry["output"], list) else [outputs]
    if not isinstance(given, list) or len(given) != len(declared):
        return "the outputs are not those of this callback"
    for spec, item in zip(declared, given):
        if not _matches(spec.component_id_str(), spec.component_property, item, output_side=True):
            return "the outputs are not those of this callback"
    for key in ("inputs", "state"):
        items = body.get(key, [])
        specs = entry[key]
        if not isinstance(items, list) or len(items) != len(specs):
            return f"the {key} are not those of this callback"
        for spec, item in zip(specs, items):
            if not _matches(spec["id"], spec["property"], item):
                return f"the {key} are not those of this callback"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "changedPropIds must be a list of strings"
    return None


def _matches(spec_id: str, prop: str, item, output_side: bool = False) -> bool:
    """``item`` (one dependency of the body) refers to the declared id and property. A declared
    pattern id (``{"name":["ALL"],...}``) takes a list of concrete ids for ALL/ALLSMALLER."""
    if spec_id.startswith("{"):
        pattern = json.loads(spec_id)
        many = any(json.dumps(v, separators=(",", ":")) in ('["ALL"]', '["ALLSMALLER"]') for v in pattern.values())
        if many:
            return isinstance(item, list) and all(_one(pattern, prop, i, output_side) for i in item)
        return _one(pattern, prop, item, output_side)
    return _one(spec_id, prop, item, output_side)


def _one(spec_id, prop: str, item, output_side: bool) -> bool:
    if not isinstance(item, dict) or not isinstance(item.get("property"), str):
        return False
    given = item["property"]
    # Outputs with allow_duplicate carry the callback's hash after '@'.
    if not (given == prop or (output_side and given.startswith(prop + "@"))):
        return False
    if isinstance(spec_id, str):
        return item.get("id") == spec_id
    concrete = item.get("id")
    if not isinstance(concrete, dict) or set(concrete) != set(spec_id):
        return False
    for key, value in spec_id.items():
        wildcard = json.dumps(value, separators=(",", ":")) in _WILDCARDS
        if wildcard:
            if not isinstance(concrete[key], (str, int, float, bool)):
                return False
        elif concrete[key] != value:
            return False
    return True


def _depth(value) -> int:
    """Nesting depth, iteratively (a deep body must not exhaust the stack here either)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        if isinstance(node, dict):
            stack.extend((v, level + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, level + 1) for v in node)
    return deepest
