"""Public mode: only published datasets leave the server — pages, callbacks and API alike.

Dash callbacks are public HTTP endpoints, so these tests craft the POSTs a visitor could send.
"""
from __future__ import annotations

import pytest

from dashboard.config.settings import Settings
from dashboard.navigation import ids
from dashboard.store.database import open_engine
from dashboard.store.publishing import set_document_status
from dashboard.web.app_factory import create_app
from tests.helpers import render_path

DRAFT = (2024, "jaarrekening")


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('public') / 'store.sqlite'}"
    create_app(Settings(database_url=url))  # loads the demo
    assert set_document_status(open_engine(url), *DRAFT, "draft")
    return url


@pytest.fixture(scope="module")
def public_client(store_url):
    return create_app(Settings(database_url=store_url, mode="public")).server.test_client()


@pytest.fixture(scope="module")
def council_client(store_url):
    return create_app(Settings(database_url=store_url, mode="council")).server.test_client()


def test_public_api_never_returns_a_draft_document(public_client, council_client):
    query = f"/api/v1/themes?municipality=Kampen&year={DRAFT[0]}&document={DRAFT[1]}"
    assert council_client.get(query).status_code == 200
    response = public_client.get(query)
    assert response.status_code == 404
    assert "error" in response.get_json()
    trend = public_client.get("/api/v1/themes/trend?municipality=Kampen").get_json()
    assert (DRAFT[0], DRAFT[1]) not in {(r["year"], r["document"]) for r in trend}
    assert public_client.get(f"{query}&format=csv").status_code == 404


def test_crafted_callback_post_for_a_draft_gets_the_not_found_page(public_client, council_client):
    path = f"/?year={DRAFT[0]}&document={DRAFT[1]}"
    council_title, council_text = render_path(council_client, path)
    assert "Concept" in council_text, "council mode marks drafts"
    title, text = render_path(public_client, path)
    assert title == "Page not found"
    for row in council_client.get(f"/api/v1/themes?year={DRAFT[0]}&document={DRAFT[1]}").get_json():
        assert str(row["lasten_eur"]) not in text


def _callback_output(client, output_prefix: str) -> str:
    """The output id of a registered callback, as the browser would send it (duplicate outputs carry a hash)."""
    return next(d["output"] for d in client.get("/_dash-dependencies").get_json() if d["output"].startswith(output_prefix))


def test_crafted_document_choice_never_lands_on_a_draft(public_client):
    output = _callback_output(public_client, "url.search")
    response = public_client.post(
        "/_dash-update-component",
        json={
            "output": output,
            "outputs": {"id": ids.URL, "property": output.split(".", 1)[1]},
            "inputs": [
                {"id": ids.YEAR_SELECT, "property": "value", "value": str(DRAFT[0])},
                {"id": ids.DOCUMENT_SELECT, "property": "value", "value": DRAFT[1]},
            ],
            "state": [{"id": ids.URL, "property": "search", "value": ""}],
            "changedPropIds": ["year-select.value"],
        },
    )
    assert response.status_code == 200, response.data[:300]
    search = response.get_json()["response"][ids.URL]["search"]
    assert search.startswith("?year=") and f"year={DRAFT[0]}&document={DRAFT[1]}" not in search


def test_public_trend_and_overview_work_on_published_data(public_client):
    title, text = render_path(public_client, "/?year=2023&document=jaarrekening")
    assert title.startswith("Social domain Kampen")
    assert "Concept" not in text
