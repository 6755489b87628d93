"""``/api/v1/peers``, ``/api/v1/compare`` and ``/api/v1/fund``: the page's comparison as data, JSON and CSV."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.queries.compare import CompareQueries

KAMPEN_2025 = {"municipality": "Kampen", "year": "2025", "document": "begroting"}


def csv_rows(client, path: str, query: dict) -> list[dict]:
    response = client.get(path, query_string=query | {"format": "csv"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_the_three_endpoints_are_in_the_index_and_the_openapi_document(client):
    listed = {address.split("?")[0] for address in client.get("/api/v1/").get_json()["endpoints"]}
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in ("/api/v1/peers", "/api/v1/compare", "/api/v1/fund"):
        assert path in listed and path in paths
    compare = {p["name"] for p in paths["/api/v1/compare"]["get"]["parameters"]}
    assert compare == {"municipality", "year", "document", "theme", "taakveld", "measure", "group", "format"}


def test_peers_are_kampens_neighbours_with_their_reasons(client, demo_context):
    rows = client.get("/api/v1/peers", query_string={"municipality": "Kampen", "year": "2025"}).get_json()
    expected = CompareQueries(demo_context.service).peers("Kampen", "neighbours", 2025)
    assert [r["peer"] for r in rows] == [p.municipality for p in expected]
    assert all(r["distance"] > 0 and r["alike_in"] and r["differs_most_in"] for r in rows)
    assert [r["peer"] for r in csv_rows(client, "/api/v1/peers", {"municipality": "Kampen", "year": "2025"})] == [r["peer"] for r in rows]


def test_compare_per_theme_equals_the_page_query_and_the_csv_equals_the_json(client, demo_context):
    rows = client.get("/api/v1/compare", query_string=KAMPEN_2025 | {"measure": "per_unit"}).get_json()
    comparison = CompareQueries(demo_context.service).comparison("Kampen", 2025, "begroting")
    assert [r["theme"] for r in rows] == [t.theme for t in comparison.themes]
    for row, theme in zip(rows, comparison.themes):
        assert row["value"] == pytest.approx(theme.per_unit.value, abs=0.01)
        assert row["peers_median"] == pytest.approx(theme.per_unit.median, abs=0.01)
        assert (row["rank"], row["of"]) == (theme.per_unit.rank, theme.per_unit.of)
    work = next(r for r in rows if r["theme"] == "Work")
    assert work["unit"] == "per bijstand recipient" and work["unit_is_fund_measure"] is True
    table = csv_rows(client, "/api/v1/compare", KAMPEN_2025 | {"measure": "per_unit"})
    assert [float(r["value"]) for r in table] == [r["value"] for r in rows]
    assert all(not str(cell).startswith(("=", "+", "@")) for r in table for cell in r.values())


def test_a_theme_comes_with_its_taakvelden_and_one_taakveld_alone(client):
    rows = client.get("/api/v1/compare", query_string=KAMPEN_2025 | {"theme": "work", "measure": "per_unit"}).get_json()
    assert [(r["level"], r["key"]) for r in rows] == [("theme", "Work"), ("taakveld", "6.3"), ("taakveld", "6.4"), ("taakveld", "6.5")]
    assert rows[1]["unit"] == "per bijstand recipient"
    assert rows[2]["unit"] == "per person with a wage-cost subsidy or in the target group"
    one = client.get("/api/v1/compare", query_string=KAMPEN_2025 | {"taakveld": "6.3", "measure": "per_unit"}).get_json()
    assert one == [rows[1]]
    total = client.get("/api/v1/compare", query_string=KAMPEN_2025 | {"taakveld": "6.3", "measure": "total"}).get_json()[0]
    assert total["unit"] == "euros (lasten)" and total["value"] > rows[1]["value"] and total["rank"] is None


def test_fund_gives_the_cluster_beside_the_lasten_and_the_circular(client, demo_context):
    rows = client.get("/api/v1/fund", query_string=KAMPEN_2025).get_json()
    comparison = CompareQueries(demo_context.service).comparison("Kampen", 2025, "begroting")
    assert {r["circular"] for r in rows} == {"S2024 2025"}
    for row, theme in zip(rows, comparison.themes):
        assert row["fund_eur"] == pytest.approx(theme.fund_eur, abs=0.01)
        assert row["difference_eur"] == pytest.approx(row["fund_eur"] - row["lasten_eur"], abs=0.02)
    assert len(csv_rows(client, "/api/v1/fund", KAMPEN_2025)) == 4
    older = client.get("/api/v1/fund", query_string=KAMPEN_2025 | {"year": "2019"}).get_json()
    assert {r["circular"] for r in older} == {None} and all(r["fund_eur"] is None for r in older)


@pytest.mark.parametrize(
    "path,query",
    [
        ("/api/v1/compare", {"group": "friends"}),
        ("/api/v1/compare", {"measure": "per_cat"}),
        ("/api/v1/compare", {"theme": "Sport"}),
        ("/api/v1/compare", {"taakveld": "6.3; DROP"}),
        ("/api/v1/compare", {"theme": "work", "taakveld": "6.3"}),
        ("/api/v1/compare", {"year": "20x5"}),
        ("/api/v1/peers", {"document": "begroting"}),
        ("/api/v1/fund", {"format": "xlsx"}),
    ],
)
def test_bad_parameters_get_400_with_a_friendly_message(client, path, query):
    response = client.get(path, query_string=query)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.get_json()["error"]


def test_a_well_formed_taakveld_that_is_not_compared_is_not_found_and_the_answer_lists_those_that_are(client):
    response = client.get("/api/v1/compare", query_string={"taakveld": "0.1"})
    assert response.status_code == 404
    assert "6.71" in response.get_json()["error"]


def test_an_unknown_municipality_is_404(client):
    for path in ("/api/v1/peers", "/api/v1/compare", "/api/v1/fund"):
        assert client.get(path, query_string={"municipality": "Atlantis"}).status_code == 404
