"""Fuzz: generated hostile paths, parameters and callback bodies on every page type and API route.

Bounded in count (``max_examples``) and in time (each example is one in-process request); the
assertion is the one visitors care about: never a 5xx, never a traceback, refusals are short JSON.
"""
from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.web.page_requests import UPDATE_PATH, route_payload
from dashboard.web.request_guard import MACHINE_PREFIXES
from devtools.page_catalogue import example_paths
from tests.helpers import logged_in

FUZZ = settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: What hostile visitors and broken links send: other digits, overflow, paths, markup, formulas, controls.
NASTY = ["0000", "２０２５", "١٢٣٤", "²⁰²⁵", "1e30", "-1", "99999999999999999999999", "..", "../../etc/passwd",
         "%00", "\x00", "\r\n", "<script>alert(1)</script>", "' OR 1=1 --", "=HYPERLINK(\"x\")", "begroting",
         "jaarrekening", "Kampen", "young", "2025", "2023", "csv", "json", "a" * 3000, "", " ", "null", "[]", "{}"]
hostile_text = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
hostile_params = st.dictionaries(
    st.one_of(st.sampled_from(["year", "document", "municipality", "format", "theme", "programme", "provider",
                               "indicator", "top", "lang", "slide", "present", "via"]), st.text(max_size=10)),
    hostile_text, max_size=5,
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), hostile_text),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20,
)


def _assert_no_server_error(response, what, reader_page: bool = False):
    """No 5xx and no traceback; a refusal says why: JSON with an error for programs, or, for an address
    a reader may type (``reader_page``), the friendly page shell with its title and the real status."""
    assert response.status_code < 500, (what, response.status_code, response.data[:300])
    assert b"Traceback" not in response.data, what
    if response.status_code >= 400 and response.data:  # (a HEAD answer has no body)
        if reader_page and response.mimetype == "text/html":
            assert re.search(rb"<title>[^<]+</title>", response.data), (what, response.data[:200])
        else:
            assert response.is_json and "error" in response.get_json(), (what, response.data[:200])


@pytest.fixture(scope="module")
def fuzz_client(demo_app):
    return logged_in(demo_app)


@pytest.fixture(scope="module")
def api_paths(fuzz_client):
    endpoints = fuzz_client.get("/api/v1/").get_json()["endpoints"]
    return sorted({key.split("?")[0] for key in endpoints} | {"/api/v1/", "/api/v1/openapi.json"})


@pytest.fixture(scope="module")
def page_paths(demo_context):
    paths = [path.split("?")[0] for _name, path in example_paths(demo_context.service, demo_context.settings.municipality)]
    return sorted(set(paths) | {"/embed" + p for p in paths})


@FUZZ
@given(data=st.data())
def test_api_routes_with_hostile_parameters(fuzz_client, api_paths, data):
    path = data.draw(st.sampled_from(api_paths))
    params = data.draw(hostile_params)
    response = fuzz_client.get(path + "?" + urlencode(params))
    _assert_no_server_error(response, (path, params))


@FUZZ
@given(data=st.data())
def test_page_types_with_hostile_parameters(fuzz_client, page_paths, data):
    path = data.draw(st.one_of(st.sampled_from(page_paths), st.sampled_from(page_paths).map(lambda p: p + "/" + "x")))
    params = data.draw(hostile_params)
    response = fuzz_client.post(UPDATE_PATH, json=route_payload(path, "?" + urlencode(params)))
    _assert_no_server_error(response, (path, params))
    assert response.status_code == 200  # a page always answers: the page itself, or the friendly 404 page


@FUZZ
@given(pathname=json_values, search=json_values)
def test_router_callback_with_values_of_any_type(fuzz_client, pathname, search):
    body = route_payload("/", "")
    body["inputs"] = [dict(body["inputs"][0], value=pathname), dict(body["inputs"][1], value=search)]
    _assert_no_server_error(fuzz_client.post(UPDATE_PATH, json=body), body)


@FUZZ
@given(data=st.data())
def test_every_server_callback_with_junk_values(fuzz_client, demo_app, data):
    key = data.draw(st.sampled_from(sorted(k for k, v in demo_app.callback_map.items() if "callback" in v)))
    entry = demo_app.callback_map[key]
    specs = entry["output"] if isinstance(entry["output"], list) else [entry["output"]]
    outputs = [{"id": s.component_id, "property": s.component_property} for s in specs]

    def dependency(spec):
        if spec["id"].startswith("{"):
            concrete = {k: (data.draw(hostile_text) if isinstance(v, list) else v) for k, v in json.loads(spec["id"]).items()}
            return [{"id": concrete, "property": spec["property"], "value": data.draw(json_values)}]
        return {"id": spec["id"], "property": spec["property"], "value": data.draw(json_values)}

    body = {
        "output": key,
        "outputs": outputs if isinstance(entry["output"], list) else outputs[0],
        "inputs": [dependency(s) for s in entry["inputs"]],
        "state": [dependency(s) for s in entry["state"]],
        "changedPropIds": data.draw(st.lists(hostile_text, max_size=2)),
    }
    _assert_no_server_error(fuzz_client.post(UPDATE_PATH, json=body), body)


@FUZZ
@given(body=json_values, output=st.one_of(st.none(), hostile_text))
def test_arbitrary_json_posted_to_the_callback_endpoint(fuzz_client, demo_app, body, output):
    if isinstance(body, dict) and output is not None:
        body["output"] = output if output != "route" else next(iter(demo_app.callback_map))
    _assert_no_server_error(fuzz_client.post(UPDATE_PATH, json=body), body)


@FUZZ
@given(prefix=st.sampled_from(["/_dash-component-suites/dash/", "/_dash-component-suites/", "/assets/", "/api/v1/", "/_dash-", "/"]),
       rest=st.lists(st.one_of(st.sampled_from(["..", "%2e%2e", "..%2f", "%00", "deps", "dash_table", "x.js", "."]), st.text(
           alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)), max_size=4))
def test_hostile_paths(fuzz_client, prefix, rest):
    path = prefix + "/".join(re.sub(r"[?#]", "", part) for part in rest)
    path = "/" + path.lstrip("/")  # the test client reads '//x' as a host name
    reader_page = not path.startswith(MACHINE_PREFIXES)
    for method in ("GET", "HEAD", "POST"):
        _assert_no_server_error(fuzz_client.open(path, method=method), (method, path), reader_page=reader_page)
