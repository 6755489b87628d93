"""Hostile requests: every malformed request gets a short JSON 4xx, never a 500 or a traceback.

The explicit cases are the review's findings (each answered 500 before); ``test_fuzz.py`` generates more.
"""
from __future__ import annotations

import json

import pytest

from dashboard.navigation import ids
from dashboard.web.page_requests import UPDATE_PATH, route_payload


def _callback_key(app, output_prefix: str) -> str:
    return next(k for k in app.callback_map if k.startswith(output_prefix))


def _assert_json_refusal(response, status: int):
    assert response.status_code == status, response.data[:300]
    body = response.get_json()
    assert isinstance(body, dict) and body["error"], body
    assert b"Traceback" not in response.data and b"<html" not in response.data.lower()


@pytest.mark.parametrize(
    "raw",
    [b"", b"[]", b"null", b"123", b'"text"', b"{", b"{}", b"[" * 100_000 + b"]" * 100_000,
     json.dumps({"output": "nope.children", "outputs": {"id": "nope", "property": "children"}, "inputs": []}).encode(),
     json.dumps({"output": 5, "outputs": 5, "inputs": 5}).encode()],
    ids=["empty", "list", "null", "number", "string", "broken", "no-callback", "deep", "unknown-callback", "wrong-types"],
)
def test_malformed_callback_bodies_get_400(client, raw):
    _assert_json_refusal(client.post(UPDATE_PATH, data=raw, content_type="application/json"), 400)


def test_router_post_with_wrong_outputs_inputs_or_nesting_gets_400(client):
    good = route_payload("/theme/young", "?year=2023&document=jaarrekening")
    assert client.post(UPDATE_PATH, json=good).status_code == 200
    wrong_outputs = dict(good, outputs=[{"id": "elsewhere", "property": "children"}, good["outputs"]])
    wrong_inputs = dict(good, inputs="x")
    missing_input = dict(good, inputs=good["inputs"][:1])
    other_property = dict(good, inputs=[dict(good["inputs"][0], property="href"), good["inputs"][1]])
    deep = dict(good, inputs=[dict(good["inputs"][0], value=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]), good["inputs"][1]])
    for body in (wrong_outputs, wrong_inputs, missing_input, other_property, deep, dict(good, changedPropIds=5)):
        _assert_json_refusal(client.post(UPDATE_PATH, json=body), 400)


def test_clientside_callback_cannot_be_run_on_the_server(client, demo_app):
    body = {"output": ids.META_SINK + ".children", "outputs": {"id": ids.META_SINK, "property": "children"},
            "inputs": [{"id": ids.PAGE_META, "property": "data", "value": 1}], "state": [], "changedPropIds": []}
    _assert_json_refusal(client.post(UPDATE_PATH, json=body), 400)


def test_posts_to_the_callbacks_that_run_in_the_browser_are_refused(client, demo_app):
    """Chart clicks compute the new address, and the page goes on screen, in the browser
    (assets/34-navigation.js, assets/33-page-update.js): the server has no function for them, and a
    crafted post gets a 400, not a 500."""
    keys = [k for k, entry in demo_app.callback_map.items() if "callback" not in entry]
    assert any(k.startswith("url.href@") for k in keys) and any(ids.ROOT in k for k in keys), keys
    for key in keys:
        body = {"output": key, "outputs": {"id": ids.URL, "property": "href"},
                "inputs": [{"id": ids.PAGE, "property": "data", "value": {"children": []}}], "state": [], "changedPropIds": []}
        _assert_json_refusal(client.post(UPDATE_PATH, json=body), 400)


def test_machine_addresses_that_do_not_exist_get_a_json_404_and_reader_addresses_the_friendly_page(client):
    for path in ("/_dash-component-suites/dash/", "/_dash-nothing", "/assets/", "/api/v1/nothing"):
        _assert_json_refusal(client.get(path), 404)
    response = client.get("/no-such-page")
    assert response.status_code == 404 and response.mimetype == "text/html" and b"<title>" in response.data


@pytest.mark.parametrize("path", ["/_dash-component-suites/../../etc/passwd", "/_dash-component-suites/dash/../../../app.py",
                                  "/_dash-component-suites/dash/..%2f..%2fapp.py", "/_dash-component-suites/nosuch/x.js"])
def test_component_suite_paths_outside_the_packages_get_404(client, path):
    _assert_json_refusal(client.get(path), 404)


def test_request_bodies_above_the_limit_get_413(client, demo_context):
    limit = demo_context.settings.max_request_bytes
    _assert_json_refusal(client.post(UPDATE_PATH, data=b" " * (limit + 1), content_type="application/json"), 413)


@pytest.mark.parametrize("year", ["0000", "２０２５", "١٢٣٤", "20 25", "99999", "-2025"])
def test_api_years_that_are_not_years_get_400(client, year):
    _assert_json_refusal(client.get("/api/v1/themes", query_string={"year": year}), 400)


def test_unknown_methods_and_files_are_json_too(client):
    _assert_json_refusal(client.delete("/_dash-update-component"), 405)
    _assert_json_refusal(client.get("/assets/no-such-file.css"), 404)
