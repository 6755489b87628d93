"""The comparison equals an independent computation from the CBS and fund files in ../shared/data."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from dashboard.config.paths import SHARED_IV3_DIR
from dashboard.queries.compare import CompareQueries

SHARED = SHARED_IV3_DIR.parent
# Independent theme rule for the rolled-up ten-year file (data/README.md): written out here on purpose.
YOUNG_2025 = ("6.75", "6.76", "6.82", "6.92")
VITAL_2025 = ("6.60", "6.71", "6.79", "6.81", "6.91", "7.1")


def theme_2025(code: str) -> str | None:
    if code in YOUNG_2025:
        return "Young"
    if code in VITAL_2025:
        return "Vital"
    if code in ("6.3", "6.4", "6.5"):
        return "Work"
    if code in ("6.1", "6.21", "6.22", "6.23"):
        return "Participate"
    return None


@pytest.fixture(scope="module")
def cbs_2025(shared_iv3, cbs_codes):
    """(municipality → theme → lasten in euros, municipality → inhabitants) from the ten-year file."""
    codes, counts = cbs_codes
    lasten, people = {}, dict(counts[2025])
    for name, by_code in codes[2025].items():
        for code, euros in by_code.items():
            theme = theme_2025(code)
            if theme:
                lasten.setdefault(name, {}).setdefault(theme, 0)
                lasten[name][theme] += euros
    # the demo's home municipality has its 2025 begroting from the full file, whose Inwonertal counts
    # a few persons differently (data/README.md, demo files)
    with open(shared_iv3 / "2025_begroting.csv", newline="", encoding="utf-8-sig") as handle:
        people["Kampen"] = next(int(r["Inwonertal"]) for r in csv.DictReader(handle, delimiter=";") if r["Gemeenten"] == "Kampen")
    return lasten, people


def median(values):
    values = sorted(values)
    n = len(values)
    return (values[(n - 1) // 2] + values[n // 2]) / 2


@pytest.mark.parametrize("municipality,group", [("Kampen", "neighbours"), ("Zwolle", "province"), ("Amsterdam", "size"), ("Vlieland", "youth-region")])
def test_per_inhabitant_median_and_rank_equal_the_cbs_files(demo_context, cbs_2025, municipality, group):
    lasten, people = cbs_2025
    result = CompareQueries(demo_context.service).comparison(municipality, 2025, "begroting", group)
    peers = [p.municipality for p in result.peers]
    assert peers and municipality not in peers
    for theme in result.themes:
        own = lasten[municipality][theme.theme] / people[municipality]
        assert theme.per_inhabitant.value == pytest.approx(own, abs=1e-6)
        values = [lasten[p][theme.theme] / people[p] for p in peers if p in lasten and theme.theme in lasten[p]]
        assert theme.per_inhabitant.median == pytest.approx(median(values), abs=1e-6)
        assert theme.per_inhabitant.rank == 1 + sum(v > own for v in values)
        assert theme.per_inhabitant.of == len(values) + 1
        national = sum(m[theme.theme] for m in lasten.values() if theme.theme in m) / sum(people[m] for m in lasten)
        assert theme.per_inhabitant.national == pytest.approx(national, rel=1e-9)


def test_per_unit_divides_by_the_fund_measure_of_the_newest_circular(demo_context, cbs_2025):
    lasten, _ = cbs_2025
    volumes = read_tab(SHARED / "gemeentefonds" / "GF_S2024_2025_Volumina.csv")
    kampen = next(r for r in volumes if r["Naam"] == "Kampen")
    result = CompareQueries(demo_context.service).comparison("Kampen", 2025, "begroting")
    by_theme = {t.theme: t for t in result.themes}
    assert by_theme["Young"].per_unit.value == pytest.approx(lasten["Kampen"]["Young"] / dutch(kampen["jong"]), rel=1e-6)
    assert by_theme["Work"].per_unit.value == pytest.approx(lasten["Kampen"]["Work"] / dutch(kampen["bo3_nw"]), rel=1e-6)


def test_kampens_statistical_neighbours_come_with_their_reasons(demo_context):
    peers = CompareQueries(demo_context.service).peers("Kampen", "neighbours", 2025)
    assert 10 <= len(peers) <= 15
    distances = [p.distance for p in peers]
    assert distances == sorted(distances) and distances[0] > 0
    assert all(p.close and p.far and set(p.close).isdisjoint(p.far) for p in peers)


#: CBS's older spellings and the fund's → the stored names, written out here on purpose.
CBS_NAMES = {
    "Beek": "Beek (L.)",
    "Hengelo": "Hengelo (O.)",
    "Laren": "Laren (NH.)",
    "Middelburg": "Middelburg (Z.)",
    "Rijswijk": "Rijswijk (ZH.)",
    "Stein": "Stein (L.)",
}
FUND_NAMES = CBS_NAMES | {"Groningen (gemeente)": "Groningen", "'s-Gravenhage (gemeente)": "'s-Gravenhage", "Utrecht (gemeente)": "Utrecht"}


def read_tab(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def dutch(text: str) -> float:
    text = text.strip()
    return 0.0 if text in ("", "-") else float(text.replace(".", "").replace(",", "."))


def test_fund_payment_per_cluster_equals_the_circulars_arithmetic_for_every_municipality(demo_context, shared_iv3):
    """Σ factor × weight × volume (WOZ measures without factor) + Σ SIUDU weight × amount, per cluster."""
    folder = SHARED / "gemeentefonds"
    factors = {(r["Circulaire"], r["Jaar"]): float(r["Uitkeringsfactor"]) for r in csv.DictReader(open(folder / "Uitkeringsfactor.csv"))}
    fund = CompareQueries(demo_context.service).fund()
    stored = {(r.circular, r.payment_year, r.municipality, r.cluster): r.payment_eur for r in fund.itertuples()}
    names = FUND_NAMES
    clusters = ("Sociale basisvoorzieningen", "Participatie", "Individuele voorzieningen Wmo", "Individuele voorzieningen Jeugd")
    checked = 0
    for volumes_path in sorted(folder.glob("GF_*_Volumina.csv")):
        code, year = re.match(r"GF_([MS]\d{4})_(\d{4})_", volumes_path.name).groups()
        weights = read_tab(volumes_path.with_name(volumes_path.name.replace("Volumina", "Gewichten")))
        siudu = read_tab(volumes_path.with_name(volumes_path.name.replace("Volumina", "SIUDU")))
        measure_weights = [w for w in weights if w["Codering maatstaf"]]
        siudu_weights = [w for w in weights if not w["Codering maatstaf"]]
        siudu_by_name = {r["Naam"]: r for r in siudu}
        for row in read_tab(volumes_path):
            s_row = {k.strip().lower().replace("art. 12", "art.12"): v for k, v in siudu_by_name[row["Naam"]].items()}
            for cluster in clusters:
                total = 0.0
                for w in measure_weights:
                    column = w["Codering maatstaf"] if w["Codering maatstaf"] in row else w["Codering maatstaf"] + " nieuw"
                    factor = 1.0 if w["Codering maatstaf"].startswith("WOZ") else factors[(code, year)]
                    total += factor * dutch(w[cluster]) * dutch(row[column])
                for w in siudu_weights:
                    key = w["Naam maatstaf"].strip().lower().replace("art. 12", "art.12")
                    total += dutch(w[cluster]) * dutch(s_row.get(key, "0"))
                name = names.get(row["Naam"], row["Naam"])
                assert stored[(code, int(year), name, cluster)] == pytest.approx(total, abs=0.01), (code, year, name, cluster)
                checked += 1
    assert checked == 6 * 342 * 4


@pytest.fixture(scope="module")
def cbs_codes(shared_iv3):
    """(year, document) → municipality → rolled-up code → lasten in euros, and → inhabitants: the ten-year file as it is."""
    aliases = CBS_NAMES
    lasten, people = {}, {}
    with open(shared_iv3 / "iv3_2017_2026_lasten.csv", newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["Document"] != "begroting" or row["Gemeenten"] == "Nederland":
                continue
            name, year = aliases.get(row["Gemeenten"], row["Gemeenten"]), int(row["Jaar"])
            if row["Lasten"]:
                codes = lasten.setdefault(year, {}).setdefault(name, {})
                code = row["Taakveld"].split()[0]
                codes[code] = codes.get(code, 0) + round(float(row["Lasten"]) * 1000)
            people.setdefault(year, {})[name] = int(row["Inwonertal"])
    return lasten, people


@pytest.mark.parametrize("municipality", ["Kampen", "Zwolle", "Amsterdam"])
def test_income_support_per_bijstand_recipient_equals_the_cbs_and_fund_files(demo_context, cbs_codes, municipality):
    """Taakveld 6.3 per bijstand recipient (the fund's bo3_nw, S2024 2025) for the municipality and its neighbours."""
    lasten, _ = cbs_codes
    queries = CompareQueries(demo_context.service)
    peers = [p.municipality for p in queries.peers(municipality, "neighbours", 2025)]
    volumes = {FUND_NAMES.get(r["Naam"], r["Naam"]): dutch(r["bo3_nw"]) for r in read_tab(SHARED / "gemeentefonds" / "GF_S2024_2025_Volumina.csv")}

    def figure(name):
        # Kampen's 2025 begroting in the demo is the full file: its 6.3 equals the ten-year file's
        return lasten[2025][name]["6.3"] / volumes[name]

    found = next(t for t in queries.taakvelden(municipality, 2025, "begroting", "Work") if t.code == "6.3")
    assert found.per_unit.value == pytest.approx(figure(municipality), rel=1e-9)
    values = [figure(p) for p in peers if p in lasten[2025] and "6.3" in lasten[2025][p]]
    assert found.per_unit.median == pytest.approx(median(values), rel=1e-9)
    assert found.per_unit.rank == 1 + sum(v > figure(municipality) for v in values)
    assert found.unit[3] is True  # a fund measure, and the label says so


def test_the_trend_band_equals_the_cbs_file_and_a_merged_municipality_starts_at_its_first_year(demo_context, cbs_codes):
    lasten, people = cbs_codes
    queries = CompareQueries(demo_context.service)
    peers = [p.municipality for p in queries.peers("Zwolle", "neighbours", 2025)]
    trend = queries.trend("Zwolle", 2025, "begroting", "neighbours", "Young")
    young = ("6.72", "6.73", "6.74", "6.82", "6.75", "6.76", "6.92")  # the rolled-up Young codes of both classifications
    for point in trend.points:
        if point.year not in lasten:
            continue

        def per_inhabitant(name, year=point.year):
            codes = lasten[year].get(name, {})
            parts = [v for c, v in codes.items() if c in young]
            return sum(parts) / people[year][name] if parts else None

        values = [v for v in map(per_inhabitant, peers) if v is not None]
        assert point.standing.median == pytest.approx(median(values), rel=1e-9), point.year
        assert point.standing.value == pytest.approx(per_inhabitant("Zwolle"), rel=1e-9)
    merged = queries.trend("Voorne aan Zee", 2025, "begroting")
    # its first begroting with figures (2023's has only zeros: not delivered, data/README.md)
    assert merged.starts_late and merged.first_year == min(y for y in lasten if any(lasten[y].get("Voorne aan Zee", {}).values()))
    assert all(p.standing.value is None for p in merged.points if p.year < merged.first_year)
