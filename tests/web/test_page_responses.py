"""Kept page responses: a repeat of a page is answered from compressed bytes without rendering, is
exactly what Dash answered the first time, and never outlives the figures it was made from."""
from __future__ import annotations

import gzip

import pytest

from dashboard.config.settings import Settings
from dashboard.demo.load import DRAFT_PROGRAMME_LAYER
from dashboard.navigation import ids
from dashboard.store.database import open_engine
from dashboard.store.publishing import set_programme_layer_status
from dashboard.web.app_factory import create_app
from dashboard.web.page_requests import ROUTE_OUTPUT, UPDATE_PATH, payload_for
from dashboard.web.page_responses import EXTENSION_KEY
from tests.helpers import count_renders, render_path, logged_in

pytestmark = pytest.mark.slow  # stores and apps of their own, publishes between requests (~15 s)

YEAR, KIND = DRAFT_PROGRAMME_LAYER
DOC = f"year={YEAR}&document={KIND}"


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('responses') / 'store.sqlite'}"
    create_app(Settings(database_url=url))  # loads the demo: programme layer of begroting 2026 is a draft
    return url


@pytest.fixture()
def app(store_url):
    return create_app(Settings(database_url=store_url, language="en"))


def _post(client, address: str, gzip_ok: bool = False):
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    response = client.post(UPDATE_PATH, json=payload_for(address), headers=headers)
    assert response.status_code == 200, response.data[:300]
    return response


def test_the_router_callback_is_the_one_kept(app):
    assert ROUTE_OUTPUT in app.callback_map


def test_a_repeat_is_served_without_rendering_and_equals_dashs_answer(app, monkeypatch):
    client = logged_in(app)
    address = "/theme/young?year=2024&document=begroting"
    first = _post(client, address)
    assert "Content-Encoding" not in first.headers  # a client that does not take gzip gets plain JSON

    rendered = count_renders(monkeypatch)
    again = _post(client, address)
    zipped = _post(client, address, gzip_ok=True)
    assert rendered == []
    assert again.data == first.data
    assert zipped.headers["Content-Encoding"] == "gzip" and gzip.decompress(zipped.data) == first.data
    assert again.get_json()["response"][ids.PAGE]["data"]["title"].startswith("Young")
    _post(client, address + "&lang=nl")  # another language is another page
    assert rendered == ["/theme/young"]
    assert app.server.extensions[EXTENSION_KEY].stats()["entries"] >= 2


def test_the_first_answer_is_compressed_when_the_client_takes_gzip(app):
    client = logged_in(app)
    response = _post(client, "/theme/work?year=2023&document=jaarrekening", gzip_ok=True)
    assert response.headers["Content-Encoding"] == "gzip"
    assert f'"{ids.PAGE}"'.encode() in gzip.decompress(response.data)


def test_a_publish_is_seen_by_the_very_next_request(store_url):
    """Public site: the draft programme layer of begroting 2026 is absent; once published, the same
    address shows it at once (the publish bumps the dataset version, which empties the kept pages)."""
    public = create_app(Settings(database_url=store_url, mode="public", language="en")).server.test_client()
    address = f"/theme/young?{DOC}"
    _title, before = render_path(public, address)
    _title, again = render_path(public, address)
    assert again == before and "no published programme figures" in before
    engine = open_engine(store_url)
    try:
        assert set_programme_layer_status(engine, YEAR, KIND, "published")
        _title, after = render_path(public, address)
        assert "no published programme figures" not in after and "Draft" not in after
    finally:
        set_programme_layer_status(engine, YEAR, KIND, "draft")
    _title, withdrawn = render_path(public, address)
    assert "no published programme figures" in withdrawn


def test_posts_that_are_not_what_the_browser_sends_are_never_answered_from_kept_pages(app, monkeypatch):
    client = logged_in(app)
    _post(client, "/theme/vital")
    _post(client, "/")
    rendered = count_renders(monkeypatch)
    body = payload_for("/theme/vital")
    body["inputs"].append({"id": ids.URL, "property": "hash", "value": ""})  # an input the callback does not have
    assert [client.post(UPDATE_PATH, json=body).status_code for _ in range(2)] == [400, 400]  # the request guard refuses it
    assert rendered == []
    body = payload_for("/theme/vital")
    body["inputs"][0]["value"] = 42  # not a path: the callback reads it as no path, the overview
    responses = [client.post(UPDATE_PATH, json=body) for _ in range(2)]
    assert [r.status_code for r in responses] == [200, 200] and rendered == ["/", "/"]
    assert b"Traceback" not in responses[0].data
