"""The page callback's HTTP request, in one place: what the browser posts to render the page of an
address, and how to read the address back out of such a post.

The router callback (``app_factory.register_callbacks``) turns the URL into the page; the response
cache answers repeats of it without Dash, the warm-up replays it, and the benchmark and tests post it.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from dashboard.navigation import ids

#: Dash's name of the router callback's one output: the page (its content, title and language), which
#: the browser then puts on screen (``assets/33-page-update.js``).
ROUTE_OUTPUT = f"{ids.PAGE}.data"
UPDATE_PATH = "/_dash-update-component"


def route_payload(pathname: str, search: str = "") -> dict:
    """The JSON the browser posts to ``/_dash-update-component`` when the URL becomes ``pathname`` + ``search``."""
    return {
        "output": ROUTE_OUTPUT,
        "outputs": {"id": ids.PAGE, "property": "data"},
        "inputs": [
            {"id": ids.URL, "property": "pathname", "value": pathname},
            {"id": ids.URL, "property": "search", "value": search},
        ],
        "changedPropIds": [f"{ids.URL}.pathname"],
        "state": [],
    }


def payload_for(address: str) -> dict:
    """``route_payload`` for an address such as ``/theme/young?year=2024``."""
    parts = urlsplit(address)
    return route_payload(parts.path, f"?{parts.query}" if parts.query else "")


def route_inputs(body) -> tuple[str | None, str | None] | None:
    """(pathname, search) when ``body`` is a post of the router callback, else None (another callback,
    or a body that is not what the browser sends: Dash answers those itself)."""
    if not isinstance(body, dict) or body.get("output") != ROUTE_OUTPUT or not isinstance(body.get("inputs"), list):
        return None
    values: dict[str, object] = {}
    for item in body["inputs"]:
        if not isinstance(item, dict) or item.get("id") != ids.URL:
            return None
        values[item.get("property")] = item.get("value")
    if set(values) != {"pathname", "search"}:
        return None
    pathname, search = values["pathname"], values["search"]
    if not all(v is None or isinstance(v, str) for v in (pathname, search)):
        return None
    return pathname, search
