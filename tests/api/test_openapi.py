"""The API is described by ``/api/v1/openapi.json`` and holds to it under Schemathesis' generated
requests: no 5xx, responses of the documented status and content type. Bounded in examples."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from dashboard.api.openapi import openapi_document


@pytest.fixture(scope="module")
def api_schema(demo_settings):
    """The open-data API as the public site serves it (anonymous; the council site's needs a session,
    which Schemathesis' generated requests do not carry)."""
    from dashboard.config.settings import Settings
    from dashboard.web.app_factory import create_app

    public = create_app(Settings(database_url=demo_settings.database_url, mode="public", language="en"))
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", public.server)


schema = schemathesis.pytest.from_fixture("api_schema")


def test_the_document_lists_every_endpoint_of_the_index_with_its_parameters(client):
    document = client.get("/api/v1/openapi.json").get_json()
    listed = client.get("/api/v1/").get_json()["endpoints"]
    assert document["openapi"].startswith("3.") and "CBS" in document["info"]["description"]
    assert set(document["paths"]) == {address.split("?")[0] for address in listed} | {"/api/v1/"}
    themes = {p["name"]: p for p in document["paths"]["/api/v1/themes"]["get"]["parameters"]}
    assert set(themes) == {"municipality", "year", "document", "format"}
    assert themes["format"]["schema"]["enum"] == ["json", "csv"]
    assert themes["year"]["schema"] == {"type": "integer", "minimum": 1990, "maximum": 2100}
    assert themes["document"]["schema"]["enum"] == ["begroting", "jaarrekening"]
    providers = document["paths"]["/api/v1/programme-providers"]["get"]
    assert providers["x-one-of"] == [{"parameters": ["theme", "programme", "provider"], "required": True}]
    assert {p["name"]: p["schema"] for p in providers["parameters"]}["theme"]["enum"] == ["vital", "young", "work", "participate"]
    values = {p["name"]: p for p in document["paths"]["/api/v1/indicators/values"]["get"]["parameters"]}
    assert values["indicator"]["required"] and not values["municipality"]["required"]
    trend = {p["name"] for p in document["paths"]["/api/v1/programmes/trend"]["get"]["parameters"]}
    assert {"theme", "programme", "provider", "top"} <= trend


def test_a_new_listed_endpoint_is_described_at_once():
    document = openapi_document({"/api/v1/new?municipality=&format=json|csv": "a new route"})
    assert [p["name"] for p in document["paths"]["/api/v1/new"]["get"]["parameters"]] == ["municipality", "format"]


@schema.parametrize()
@settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_api_holds_to_its_openapi_document(case):
    response = case.call(headers={"Accept-Encoding": "identity"})  # the WSGI transport does not unzip
    assert response.status_code < 500, (case.path, case.query, response.text[:300])
    # The API is lenient on purpose (case-insensitive names, an empty parameter is the default, a repeated
    # one counts once), so schema-violating requests may be answered: that check does not apply.
    # Schema-valid requests must be accepted, except where they break a group OpenAPI cannot express
    # ("exactly one of theme, programme, provider"): checked here against the document's x-one-of.
    checks = [schemathesis.checks.negative_data_rejection, schemathesis.checks.positive_data_acceptance]
    case.validate_response(response, excluded_checks=checks)
    if case.meta.generation.mode.name == "POSITIVE" and response.status_code == 400:
        broken = [g for g in case.operation.definition.raw.get("x-one-of", []) if _breaks(g, case.query or {})]
        assert broken, ("a schema-valid request was refused", case.path, case.query, response.text[:300])
        assert "exactly one of" in response.text or "not both" in response.text, response.text[:300]


def _breaks(group: dict, query: dict) -> bool:
    given = sum(1 for name in group["parameters"] if str(query.get(name, "")).strip())
    return given > 1 or (group["required"] and given != 1)
