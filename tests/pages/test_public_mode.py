"""Public mode: only published datasets leave the server — pages, callbacks and API alike.

Dash callbacks are public HTTP endpoints, so these tests craft the POSTs a visitor could send.
"""

from __future__ import annotations

from tests.helpers import logged_in, render_path
from tests.pages.conftest import DRAFT  # the store and the public/council apps are fixtures of conftest.py


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
    assert "Draft" in council_text, "council mode marks drafts"
    title, text = render_path(public_client, path)
    assert title == "Page not found"
    for row in council_client.get(f"/api/v1/themes?year={DRAFT[0]}&document={DRAFT[1]}").get_json():
        assert str(row["lasten_eur"]) not in text


def test_public_trend_and_overview_work_on_published_data(public_client):
    title, text = render_path(public_client, "/?year=2023&document=jaarrekening")
    assert title.startswith("Social domain Kampen")
    assert "Draft" not in text and "Concept" not in text


def test_public_comparison_api_and_page_never_show_a_draft_document(public_client, council_client):
    query = f"municipality=Kampen&year={DRAFT[0]}&document={DRAFT[1]}"
    for path in ("/api/v1/compare", "/api/v1/fund"):
        assert council_client.get(f"{path}?{query}").status_code == 200
        assert public_client.get(f"{path}?{query}").status_code == 404
        assert public_client.get(f"{path}?{query}&format=csv").status_code == 404
    title, _ = render_path(public_client, f"/compare?{query}")
    assert title == "Page not found"
