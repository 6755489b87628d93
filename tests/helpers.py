"""Test helpers: render a page through the real Dash callback endpoint, without a browser."""
from __future__ import annotations

import json
from urllib.parse import urlsplit


def render_path(client, path: str) -> tuple[str, str]:
    """POST the router callback for ``path``; return (title, all visible text in the response)."""
    parts = urlsplit(path)
    payload = {
        "output": "..page-root.children...page-meta.data..",
        "outputs": [{"id": "page-root", "property": "children"}, {"id": "page-meta", "property": "data"}],
        "inputs": [
            {"id": "url", "property": "pathname", "value": parts.path},
            {"id": "url", "property": "search", "value": f"?{parts.query}" if parts.query else ""},
        ],
        "changedPropIds": ["url.pathname"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.data[:500]
    body = response.get_json()["response"]
    return body["page-meta"]["data"]["title"], " ".join(_texts(body["page-root"]["children"]))


def _texts(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield str(node)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)
    elif isinstance(node, dict):
        props = node.get("props", {})
        if "children" in props:
            yield from _texts(props["children"])
