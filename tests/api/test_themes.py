"""The open-data API on the demo store: values equal the CBS file, CSV mirrors JSON, clean 400/404/500.

Expected values are computed here from data/demo/ (real CBS lines for Kampen) with the csv module
and Decimal, and the issue's theme prefixes.
"""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from decimal import Decimal

import pytest

from dashboard.config.paths import DEMO_DIR
from dashboard.domain.themes import THEMES

THEME_PREFIXES = {
    "6.1": "Participate", "6.2": "Participate", "6.3": "Work", "6.4": "Work", "6.5": "Work",
    "6.6": "Vital", "6.71": "Vital", "6.79": "Vital", "6.791": "Vital", "6.81": "Vital", "6.91": "Vital", "7.1": "Vital",
    "6.72": "Young", "6.73": "Young", "6.74": "Young", "6.75": "Young", "6.76": "Young", "6.792": "Young",
    "6.82": "Young", "6.92": "Young",
}
FIELDS = ["municipality", "year", "document", "theme", "lasten_eur", "baten_eur", "net_eur",
          "share_of_social_domain", "share_of_total_lasten", "per_inhabitant_eur"]


def theme_of(code):
    hits = [p for p in THEME_PREFIXES if code.startswith(p)]
    return THEME_PREFIXES[max(hits, key=len)] if hits else None


def from_cbs_file(file_name: str, municipality: str = "Kampen") -> dict:
    lasten, baten, total, inhabitants = defaultdict(int), defaultdict(int), 0, None
    with open(DEMO_DIR / file_name, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["Gemeenten"] != municipality:
                continue
            code = row["Taakveld"].split()[0]
            amount = int(Decimal(row["Lasten"] or "0") * 1000)
            if code not in ("0.10", "0.11"):
                total += amount
            if theme_of(code):
                lasten[theme_of(code)] += amount
                baten[theme_of(code)] += int(Decimal(row["Baten"] or "0") * 1000)
            inhabitants = inhabitants or int(row["Inwonertal"])
    return {"lasten": lasten, "baten": baten, "total": total, "inhabitants": inhabitants}


def get_json(client, url, status):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert "Traceback" not in response.get_data(as_text=True)
    return response.get_json()


def test_municipalities_lists_names_without_the_national_total(client):
    names = get_json(client, "/api/v1/municipalities", 200)
    assert "Nederland" not in names and names == sorted(names)
    # the demo carries every municipality (today's 342 and the names merged away since 2017)
    assert {"Kampen", "Zwolle", "Voorne aan Zee", "Brielle"} <= set(names) and len(names) >= 342


@pytest.mark.parametrize("file_name,year,kind", [
    ("2025_begroting.csv", 2025, "begroting"),
    ("2024_begroting.csv", 2024, "begroting"),
    ("2023_jaarrekening.csv", 2023, "jaarrekening"),
])
def test_themes_values_equal_the_cbs_file(client, file_name, year, kind):
    expected = from_cbs_file(file_name)
    records = get_json(client, f"/api/v1/themes?municipality=Kampen&year={year}&document={kind}", 200)
    assert [r["theme"] for r in records] == list(THEMES)
    social = sum(expected["lasten"].values())
    for record in records:
        theme = record["theme"]
        assert set(record) == set(FIELDS)
        assert (record["municipality"], record["year"], record["document"]) == ("Kampen", year, kind)
        assert record["lasten_eur"] == expected["lasten"][theme]
        assert record["baten_eur"] == expected["baten"][theme]
        assert record["net_eur"] == expected["lasten"][theme] - expected["baten"][theme]
        assert record["share_of_social_domain"] == pytest.approx(expected["lasten"][theme] / social)
        assert record["share_of_total_lasten"] == pytest.approx(expected["lasten"][theme] / expected["total"])
        assert 0 <= record["share_of_social_domain"] <= 1 and 0 <= record["share_of_total_lasten"] <= 1
        assert record["per_inhabitant_eur"] == pytest.approx(expected["lasten"][theme] / expected["inhabitants"], abs=0.005)
    assert sum(r["share_of_social_domain"] for r in records) == pytest.approx(1.0)
    assert sum(r["share_of_total_lasten"] for r in records) == pytest.approx(social / expected["total"])


def test_themes_equal_the_service_for_every_stored_document(client, demo_context):
    service = demo_context.service
    documents = service.available_documents("Kampen")
    assert len(documents) == 18
    for year, kind in documents:
        records = get_json(client, f"/api/v1/themes?municipality=Kampen&year={year}&document={kind}", 200)
        summary = service.theme_overview("Kampen", year, kind).summary
        assert [r["lasten_eur"] for r in records] == [int(v) for v in summary["lasten_eur"]]
        if year in (2017, 2026):  # from the ten-year file: lasten only, so baten and net are unknown
            assert all(r["baten_eur"] is None and r["net_eur"] is None for r in records)


def test_csv_has_a_header_and_the_same_rows_as_json(client):
    url = "/api/v1/themes?municipality=Kampen&year=2025&document=begroting"
    records = get_json(client, url, 200)
    response = client.get(url + "&format=csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert set(rows[0]) == set(FIELDS)
    assert len(rows) == 1 + len(THEMES)
    for row, record in zip(rows[1:], records):
        parsed = dict(zip(rows[0], row))
        assert parsed["theme"] == record["theme"]
        assert int(parsed["lasten_eur"]) == record["lasten_eur"]
        assert int(parsed["baten_eur"]) == record["baten_eur"]
        assert float(parsed["share_of_total_lasten"]) == pytest.approx(record["share_of_total_lasten"])


def test_defaults_are_the_home_municipality_and_newest_begroting(client):
    records = get_json(client, "/api/v1/themes", 200)
    assert {(r["municipality"], r["year"], r["document"]) for r in records} == {("Kampen", 2026, "begroting")}
    records = get_json(client, "/api/v1/themes?document=jaarrekening", 200)
    assert {(r["year"], r["document"]) for r in records} == {(2024, "jaarrekening")}


@pytest.mark.parametrize("query", [
    "municipality=Atlantis&year=2025&document=begroting",
    "municipality=Nederland&year=2025&document=begroting",
    "municipality=Kampen&year=1999&document=begroting",
    "municipality=Kampen&year=2025&document=jaarrekening",  # not (yet) loaded
])
def test_unknown_municipality_year_or_document_is_404(client, query):
    body = get_json(client, f"/api/v1/themes?{query}", 404)
    assert set(body) == {"error"} and body["error"]


@pytest.mark.parametrize("query,word", [
    ("year=20x5", "year"),
    ("year=25", "year"),
    ("year=2025&document=rekening", "document"),
    ("format=xml", "format"),
    ("gemeente=Kampen", "gemeente"),
])
def test_malformed_parameters_are_400(client, query, word):
    body = get_json(client, f"/api/v1/themes?{query}", 400)
    assert word in body["error"]


def test_municipalities_takes_no_parameters(client):
    assert "unknown parameter" in get_json(client, "/api/v1/municipalities?x=1", 400)["error"]


def test_unknown_api_route_is_json_404_not_the_page(client):
    assert "error" in get_json(client, "/api/v1/nothing/here", 404)


def test_index_lists_the_endpoints_and_credits_cbs(client):
    body = get_json(client, "/api/v1/", 200)
    assert "CBS" in body["source"]
    assert any(path.startswith("/api/v1/themes") for path in body["endpoints"])


def test_an_internal_error_is_a_json_500_without_traceback(client, demo_context, monkeypatch):
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(demo_context.service, "theme_overview", broken)
    body = get_json(client, "/api/v1/themes?municipality=Kampen&year=2025&document=begroting", 500)
    assert "boom" not in body["error"]
