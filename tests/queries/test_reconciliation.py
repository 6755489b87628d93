"""Theme totals computed by the app equal the CBS files to the euro, for every municipality.

The expected figures are computed here independently of the app: the raw CSV is read with the
``csv`` module, amounts are ``Decimal`` × 1000, and themes come from the issue's own prefix list
(not from data/theme_mapping.csv). The app side goes through the real command-line importer,
the store and the service that pages and the API use. Skips when ../shared is absent.
"""
from __future__ import annotations

import csv
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR, THEME_MAPPING_FILE
from dashboard.domain.themes import THEMES, ThemeMapping
from dashboard.queries.service import DashboardService
from dashboard.store.database import open_engine
from dashboard.store.repository import Repository
from tests.helpers import logged_in

FULL_FILES = (
    ("2023_begroting.csv", 2023, "begroting"),
    ("2023_jaarrekening.csv", 2023, "jaarrekening"),
    ("2024_begroting.csv", 2024, "begroting"),
    ("2025_begroting.csv", 2025, "begroting"),
)
TEN_YEAR_FILE = "iv3_2017_2026_lasten.csv"
#: Big and small, old and merged (Dijk en Waard and Land van Cuijk 2022, Voorne aan Zee 2023), accents.
SAMPLE = ("Kampen", "Amsterdam", "'s-Gravenhage", "Schiermonnikoog", "Vlieland", "Dijk en Waard",
          "Land van Cuijk", "Voorne aan Zee", "Súdwest-Fryslân", "Bergen (L.)")

#: The issue's default mapping, written out independently of data/theme_mapping.csv.
SPEC_PREFIXES = {
    "6.1": "Participate", "6.2": "Participate",
    "6.3": "Work", "6.4": "Work", "6.5": "Work",
    "6.6": "Vital", "6.71": "Vital", "6.79": "Vital", "6.791": "Vital", "6.81": "Vital", "6.91": "Vital", "7.1": "Vital",
    "6.72": "Young", "6.73": "Young", "6.74": "Young", "6.75": "Young", "6.76": "Young", "6.792": "Young",
    "6.82": "Young", "6.92": "Young",
}


#: CBS writes these six both ways (bare in the full files and up to 2023, suffixed from 2024): one municipality each.
SAME_MUNICIPALITY = {"Beek": "Beek (L.)", "Hengelo": "Hengelo (O.)", "Laren": "Laren (NH.)",
                     "Middelburg": "Middelburg (Z.)", "Rijswijk": "Rijswijk (ZH.)", "Stein": "Stein (L.)"}


def spec_theme(code: str) -> str | None:
    matches = [p for p in SPEC_PREFIXES if code.startswith(p)]
    return SPEC_PREFIXES[max(matches, key=len)] if matches else None


def euros(text: str) -> int:
    return int(Decimal(text) * 1000) if text else 0


def independent_sums(path: Path, year: int | None = None, kind: str | None = None) -> dict:
    """(municipality, year, kind) → {'lasten': {theme: €}, 'baten': {...}, 'total': €, 'inhabitants': n, 'pgb_young': €}."""
    sums: dict = defaultdict(lambda: {"lasten": defaultdict(int), "baten": defaultdict(int), "total": 0, "inhabitants": None, "pgb_young": 0})
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            name = SAME_MUNICIPALITY.get(row["Gemeenten"], row["Gemeenten"])
            key = (name, int(row.get("Jaar") or year), row.get("Document") or kind)
            code = row["Taakveld"].split()[0]
            entry = sums[key]
            if code not in ("0.10", "0.11"):
                entry["total"] += euros(row["Lasten"])
            theme = spec_theme(code)
            if theme:
                entry["lasten"][theme] += euros(row["Lasten"])
                entry["baten"][theme] += euros(row.get("Baten", ""))
            entry["any_figure"] = entry.get("any_figure", False) or euros(row["Lasten"]) != 0 or euros(row.get("Baten", "")) != 0
            if code == "6.792":
                entry["pgb_young"] += euros(row["Lasten"])
            if entry["inhabitants"] is None and row.get("Inwonertal"):
                entry["inhabitants"] = int(row["Inwonertal"])
    return sums


def import_file(url: str, path: Path, *args: str) -> float:
    started = time.perf_counter()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        assert main(["import-iv3", str(path), *args]) == 0
    return time.perf_counter() - started


@pytest.fixture(scope="module")
def full_store(shared_iv3, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('full') / 'full.sqlite'}"
    for file_name, year, kind in FULL_FILES:
        seconds = import_file(url, shared_iv3 / file_name, "--year", str(year), "--document", kind)
        print(f"\nimport {file_name}: {seconds:.1f} s")
    return DashboardService(Repository(open_engine(url)), ThemeMapping.from_csv(THEME_MAPPING_FILE))


@pytest.fixture(scope="module")
def ten_year_store(shared_iv3, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('ten') / 'ten.sqlite'}"
    seconds = import_file(url, shared_iv3 / TEN_YEAR_FILE)
    print(f"\nimport {TEN_YEAR_FILE}: {seconds:.1f} s")
    return DashboardService(Repository(open_engine(url)), ThemeMapping.from_csv(THEME_MAPPING_FILE))


@pytest.fixture(scope="module")
def full_expected(shared_iv3):
    expected = {}
    for file_name, year, kind in FULL_FILES:
        expected.update(independent_sums(shared_iv3 / file_name, year, kind))
    return expected


@pytest.fixture(scope="module")
def ten_year_expected(shared_iv3):
    return independent_sums(shared_iv3 / TEN_YEAR_FILE)


def assert_overview_matches(service: DashboardService, key: tuple, expected: dict, with_baten: bool) -> None:
    name, year, kind = key
    overview = service.theme_overview(name, year, kind)
    summary = overview.summary.set_index("theme")
    assert overview.total_lasten_eur == expected["total"], key
    for theme in THEMES:
        assert int(summary.loc[theme, "lasten_eur"]) == expected["lasten"][theme], (key, theme)
        if with_baten:
            assert int(summary.loc[theme, "baten_eur"]) == expected["baten"][theme], (key, theme)
            assert int(summary.loc[theme, "net_eur"]) == expected["lasten"][theme] - expected["baten"][theme]
        else:
            assert summary.loc[theme, "baten_eur"] is None or summary.loc[theme, "baten_eur"] != summary.loc[theme, "baten_eur"]
        if expected["total"]:
            assert summary.loc[theme, "share_of_total_lasten"] == pytest.approx(expected["lasten"][theme] / expected["total"])
    social = sum(expected["lasten"].values())
    assert summary["share_of_social_domain"].sum() == pytest.approx(1.0) if social else True


def test_every_municipality_in_the_four_full_files_reconciles_to_the_euro(full_store, full_expected):
    started = time.perf_counter()
    municipalities = full_store.municipalities()
    assert "Nederland" not in municipalities
    checked, without_figures = 0, []
    for key, expected in full_expected.items():
        if key[0] == "Nederland":
            continue
        if not expected["any_figure"]:  # CBS lists it with every amount 0: not stored, so a 404, not EUR 0
            assert key[1:] not in full_store.available_documents(key[0]), key
            without_figures.append(key)
            continue
        assert_overview_matches(full_store, key, expected, with_baten=True)
        checked += 1
    assert {k[0] for k in full_expected} - {"Nederland"} == set(municipalities)
    print(f"\nreconciled {checked} municipality-documents ({len(municipalities)} municipalities × 4 files) "
          f"in {time.perf_counter() - started:.1f} s; without figures (not stored): {without_figures}")
    assert checked >= 4 * 340


@pytest.mark.parametrize("name", SAMPLE)
def test_sample_municipalities_per_inhabitant(full_store, full_expected, name):
    for _file, year, kind in FULL_FILES:
        expected = full_expected[(name, year, kind)]
        if not expected["any_figure"]:  # Voorne aan Zee, begroting 2023 (its first year): no figures
            continue
        overview = full_store.theme_overview(name, year, kind)
        assert overview.inhabitants == expected["inhabitants"]
        for row in overview.summary.to_dict("records"):
            assert row["per_inhabitant_eur"] == pytest.approx(expected["lasten"][row["theme"]] / expected["inhabitants"])


def test_national_total_is_stored_and_reconciles(full_store, full_expected):
    rows = full_store.repository.amounts("Nederland")
    for _file, year, kind in FULL_FILES:
        part = rows[(rows["year"] == year) & (rows["kind"] == kind)]
        expected = full_expected[("Nederland", year, kind)]
        assert int(part.loc[~part["code"].isin(["0.10", "0.11"]), "lasten_eur"].sum()) == expected["total"]


def test_every_municipality_in_the_ten_year_file_reconciles_to_the_euro(ten_year_store, ten_year_expected):
    started = time.perf_counter()
    for key, expected in ten_year_expected.items():
        if key[0] in SAMPLE and expected["any_figure"]:
            assert_overview_matches(ten_year_store, key, expected, with_baten=False)
    # All municipalities: one query per document, themes by the app's mapping (domain.finance.with_theme).
    import pandas as pd

    from dashboard.domain.finance import with_theme
    from dashboard.domain.themes import EXCLUDED_FROM_TOTAL

    documents = sorted({(y, k) for _m, y, k in ten_year_expected})
    frames = []
    for year, kind in documents:
        frames.append(ten_year_store.repository.amounts_for_document(year, kind).assign(year=year, kind=kind))
    stored = with_theme(pd.concat(frames, ignore_index=True), ten_year_store.mapping)
    keys = ["municipality", "year", "kind"]
    per_theme = stored.dropna(subset=["theme"]).groupby(keys + ["theme"])["lasten_eur"].sum()
    totals = stored[~stored["code"].isin(EXCLUDED_FROM_TOTAL)].groupby(keys)["lasten_eur"].sum()
    checked = 0
    for (name, year, kind), total in totals.items():
        expected = ten_year_expected[(name, int(year), kind)]
        assert int(total) == expected["total"], (name, year, kind)
        for theme in THEMES:
            assert int(per_theme.get((name, year, kind, theme), 0)) == expected["lasten"][theme], (name, year, kind, theme)
        checked += 1
    assert checked == sum(1 for e in ten_year_expected.values() if e["any_figure"])
    names = {m for m, _y, _k in ten_year_expected}
    print(f"\nreconciled {checked} municipality-documents of the ten-year file ({len(names)} municipalities, "
          f"{len(documents)} documents) in {time.perf_counter() - started:.1f} s")
    assert len(documents) == 18
    assert not stored["municipality"].eq("Nederland").any()


def test_ten_year_file_agrees_with_the_full_files_except_the_pgb_split(full_expected, ten_year_expected, full_store, ten_year_store):
    """Same year and document in both: equal lasten per theme, except that the rolled-up 6.79 (pgb Wmo and
    Jeugd together) is all Vital, while the full 2025 file puts 6.792 (pgb Jeugd) under Young."""
    compared = differing_pgb = 0
    for key, full in full_expected.items():
        if key not in ten_year_expected:
            assert key[0] == "Nederland" or not full["any_figure"], key  # no national rows in the ten-year file
            continue
        ten = ten_year_expected[key]
        if not full["any_figure"]:
            continue
        pgb = full["pgb_young"]
        assert ten["total"] == full["total"], key
        assert ten["lasten"]["Participate"] == full["lasten"]["Participate"], key
        assert ten["lasten"]["Work"] == full["lasten"]["Work"], key
        assert ten["lasten"]["Vital"] == full["lasten"]["Vital"] + pgb, key
        assert ten["lasten"]["Young"] == full["lasten"]["Young"] - pgb, key
        compared += 1
        differing_pgb += bool(pgb)
    # ... and the app says the same as the independent sums on both stores, e.g. for the sample:
    for name in SAMPLE:
        for _file, year, kind in FULL_FILES:
            if not full_expected[(name, year, kind)]["any_figure"]:
                continue
            a = full_store.theme_overview(name, year, kind).summary.set_index("theme")["lasten_eur"]
            b = ten_year_store.theme_overview(name, year, kind).summary.set_index("theme")["lasten_eur"]
            pgb = full_expected[(name, year, kind)]["pgb_young"]
            assert int(b["Young"]) == int(a["Young"]) - pgb and int(b["Vital"]) == int(a["Vital"]) + pgb
    print(f"\ncompared {compared} municipality-documents; pgb Jeugd moved in {differing_pgb}")
    assert compared >= 4 * 340


def test_young_2025_is_not_near_zero_for_any_municipality_with_youth_care(full_store, full_expected):
    """After the 2025 reclassification youth care is 6.75x/6.76x: Young must still hold it."""
    for (name, year, kind), expected in full_expected.items():
        if (year, kind) != (2025, "begroting") or name == "Nederland" or not expected["any_figure"]:
            continue
        young = int(full_store.theme_overview(name, year, kind).summary.set_index("theme").loc["Young", "lasten_eur"])
        assert young == expected["lasten"]["Young"]
        assert young > 0.05 * sum(expected["lasten"].values()), name


@pytest.mark.parametrize("name", sorted(SAME_MUNICIPALITY.values()))
def test_municipalities_cbs_spells_two_ways_have_one_unbroken_trend(ten_year_store, full_store, name):
    assert SAME_MUNICIPALITY and not set(SAME_MUNICIPALITY) & set(ten_year_store.municipalities())
    trend = ten_year_store.theme_trend(name)
    assert sorted(trend.loc[trend["kind"] == "begroting", "year"].unique()) == list(range(2017, 2027))
    assert (2025, "begroting") in full_store.available_documents(name)


def test_api_themes_equal_the_cbs_file_for_the_sample(full_store, full_expected):
    from dashboard.config.settings import Settings
    from dashboard.web.app_factory import create_app

    app = create_app(Settings(database_url=str(full_store.repository.engine.url), load_demo=False))
    client = logged_in(app)
    for name in SAMPLE:
        response = client.get("/api/v1/themes", query_string={"municipality": name, "year": 2025, "document": "begroting"})
        assert response.status_code == 200
        expected = full_expected[(name, 2025, "begroting")]
        for record in response.get_json():
            assert record["lasten_eur"] == expected["lasten"][record["theme"]]
            assert record["baten_eur"] == expected["baten"][record["theme"]]


# ---- the demo (always present: data/demo is extracted from the CBS files) ----

def test_demo_young_2025_for_kampen_is_not_near_zero(demo_context):
    expected = independent_sums(DEMO_DIR / "2025_begroting.csv", 2025, "begroting")[("Kampen", 2025, "begroting")]
    summary = demo_context.service.theme_overview("Kampen", 2025, "begroting").summary.set_index("theme")
    assert int(summary.loc["Young", "lasten_eur"]) == expected["lasten"]["Young"]
    assert summary.loc["Young", "share_of_social_domain"] > 0.2
    for theme in THEMES:
        assert int(summary.loc[theme, "lasten_eur"]) == expected["lasten"][theme]
        assert int(summary.loc[theme, "baten_eur"]) == expected["baten"][theme]


def test_demo_kampen_trend_runs_from_2017_to_2026(demo_context):
    trend = demo_context.service.theme_trend("Kampen")
    begroting = trend[trend["kind"] == "begroting"]
    jaarrekening = trend[trend["kind"] == "jaarrekening"]
    assert sorted(begroting["year"].unique()) == list(range(2017, 2027))
    assert sorted(jaarrekening["year"].unique()) == list(range(2017, 2025))
    ten_year = independent_sums(DEMO_DIR / TEN_YEAR_FILE)
    full = {}
    for file_name, year, kind in FULL_FILES:
        full.update(independent_sums(DEMO_DIR / file_name, year, kind))
    for row in trend.to_dict("records"):
        key = ("Kampen", int(row["year"]), row["kind"])
        source = full.get(key) or ten_year[key]  # full files replace their rolled-up year in the demo
        assert int(row["lasten_eur"]) == source["lasten"][row["theme"]], key
        assert row["lasten_eur"] > 0, key
