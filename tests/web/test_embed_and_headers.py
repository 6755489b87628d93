"""Embeds: /embed/... pages without site chrome, framable only by the configured sites."""
from __future__ import annotations

import pytest

from dashboard.config.settings import Settings
from dashboard.navigation import ids
from dashboard.web.app_factory import create_app
from tests.helpers import render_path


@pytest.fixture(scope="module")
def framed_client(tmp_path_factory):
    db = tmp_path_factory.mktemp("embed") / "embed.sqlite"
    app = create_app(Settings(database_url=f"sqlite:///{db}", frame_ancestors=("https://www.kampen.nl",)))
    return app.server.test_client()


def test_only_embed_pages_may_be_framed_and_only_by_configured_sites(framed_client):
    embed = framed_client.get("/embed/?year=2025&document=begroting")
    assert embed.headers["Content-Security-Policy"] == "frame-ancestors 'self' https://www.kampen.nl"
    assert "X-Frame-Options" not in embed.headers
    for path in ("/", "/present", "/api/v1/themes"):
        response = framed_client.get(path)
        assert response.headers["Content-Security-Policy"] == "frame-ancestors 'self'", path
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_embedded_page_has_no_site_chrome_and_links_stay_embedded(framed_client):
    response = framed_client.post(
        "/_dash-update-component",
        json={
            "output": "..page-root.children...page-meta.data..",
            "outputs": [{"id": ids.ROOT, "property": "children"}, {"id": ids.PAGE_META, "property": "data"}],
            "inputs": [
                {"id": ids.URL, "property": "pathname", "value": "/embed/"},
                {"id": ids.URL, "property": "search", "value": "?year=2025&document=begroting&lang=nl"},
            ],
            "changedPropIds": ["url.pathname"],
            "state": [],
        },
    )
    tree = response.get_json()["response"][ids.ROOT]["children"]
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
