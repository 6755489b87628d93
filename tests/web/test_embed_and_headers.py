"""Embeds: /embed/... pages without site chrome, framable only by the configured sites."""
from __future__ import annotations

import pytest

from dashboard.config.settings import Settings
from dashboard.navigation import ids
from dashboard.web.app_factory import create_app
from tests.helpers import expand_blocks, logged_in, render_path


@pytest.fixture(scope="module")
def framed_client(tmp_path_factory):
    db = tmp_path_factory.mktemp("embed") / "embed.sqlite"
    app = create_app(Settings(database_url=f"sqlite:///{db}", frame_ancestors=("https://www.kampen.nl",)))
    return logged_in(app)


def test_only_embed_pages_may_be_framed_and_only_by_configured_sites(framed_client):
    embed = framed_client.get("/embed/?year=2025&document=begroting")
    assert _directives(embed)["frame-ancestors"] == "'self' https://www.kampen.nl"
    assert "X-Frame-Options" not in embed.headers
    for path in ("/", "/present", "/api/v1/themes"):
        response = framed_client.get(path)
        assert _directives(response)["frame-ancestors"] == "'self'", path
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def _directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize("path", ["/", "/theme/young", "/api/v1/themes", "/api/v1/themes?year=0000", "/assets/no-such.css",
                                  "/_dash-layout", "/healthz"])
def test_every_response_carries_a_real_csp_and_no_server_banner(framed_client, path):
    response = framed_client.get(path)
    policy = _directives(response)
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    scripts = policy["script-src"].split()
    assert scripts[0] == "'self'" and "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert len(scripts) > 1 and all(s.startswith("'sha256-") for s in scripts[1:])  # Dash's inline scripts by hash
    assert "camera=()" in response.headers["Permissions-Policy"] and "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff" and response.headers["Referrer-Policy"] == "same-origin"
    assert "Server" not in response.headers


def test_every_inline_script_of_the_page_is_allowed_by_its_hash(framed_client):
    import base64
    import hashlib
    import re

    response = framed_client.get("/")
    allowed = set(_directives(response)["script-src"].split()[1:])
    html = response.get_data(as_text=True)
    inline = [body for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
              if "src=" not in attributes and "application/json" not in attributes and body.strip()]
    assert inline
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed, body[:80]


def test_embedded_page_has_no_site_chrome_and_links_stay_embedded(framed_client):
    response = framed_client.post(
        "/_dash-update-component",
        json={
            "output": "page-data.data",
            "outputs": {"id": ids.PAGE, "property": "data"},
            "inputs": [
                {"id": ids.URL, "property": "pathname", "value": "/embed/"},
                {"id": ids.URL, "property": "search", "value": "?year=2025&document=begroting&lang=nl"},
            ],
            "changedPropIds": ["url.pathname"],
            "state": [],
        },
    )
    tree = expand_blocks(response.get_json()["response"][ids.PAGE]["data"]["children"])
    hrefs = list(_hrefs(tree))
    assert "site-header" not in str(tree) and "main-nav" not in str(tree)
    assert "/embed/theme/vital?year=2025&document=begroting&lang=nl" in hrefs
    assert all(h.startswith("/embed/") for h in hrefs if not h.startswith("/api/")), hrefs
    _title, text = render_path(framed_client, "/embed/?year=2025&document=begroting&lang=nl")
    assert "CBS" in text and "English" in text  # credit and language switch remain


def test_bad_frame_ancestor_setting_is_refused():
    with pytest.raises(SystemExit):
        Settings.from_env({"DASHBOARD_FRAME_ANCESTORS": "javascript:alert(1)"})


def _hrefs(node):
    if isinstance(node, list):
        for item in node:
            yield from _hrefs(item)
    elif isinstance(node, dict):
        props = node.get("props", {})
        if isinstance(props.get("href"), str):
            yield props["href"]
        yield from _hrefs(props.get("children"))
