"""``python -m dashboard import-gemeentefonds DIR`` on hand-made circulars, good and bad.

A good folder stores the cluster payments as the circular's arithmetic gives them; each bad one
exits 2 with ``FILE:LINE: COLUMN: what is wrong`` and leaves the store row for row as it was.
The real circulars are imported in a slow test that must reproduce the embedded demo.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.config.paths import NATIONAL_DEMO_DIR, SHARED_IV3_DIR
from dashboard.store.compare_tables import fund_notes, fund_payments, fund_volumes
from dashboard.store.database import open_engine
from tests.helpers import snapshot

CLUSTERS = ["Sociale basisvoorzieningen", "Participatie", "Individuele voorzieningen Wmo", "Individuele voorzieningen Jeugd"]
VOLUMES = [
    "CBS\tNaam\tProv\tinwo\tjong\tbo3_nw\tephh\tloonksub\tdoelgroep\tvast nieuw\tWOZnwe70",
    "166\tKampen\tOv\t55.332\t12.104,5\t1.040,25\t9.000\t120\t310\t1\t1.000.000",
]
WEIGHTS = [
    "Codering maatstaf\tNaam maatstaf\t" + "\t".join(CLUSTERS) + "\tTotaal",
    "inwo\tinwoners\t10,50\t2,00\t0,00\t1.001,25\t0",
    "vast\tvast bedrag\t1.000,00\t0,00\t0,00\t0,00\t0",
    "WOZnwe70\tWOZ\t0,10\t0,00\t0,00\t0,00\t0",
    "\tParticipatie\t0,00\t1,00\t0,00\t0,00\t0",
    "\therindeling\t0,00\t0,00\t0,00\t0,00\t0",
]
SIUDU = ["CBS\tNaam\tProv\tParticipatie", "166\tKampen\tOv\t2.500.000"]
FACTORS = ["Circulaire,Jaar,Uitkeringsfactor", "S2024,2025,1.5"]


def write_folder(folder: Path, volumes=VOLUMES, weights=WEIGHTS, siudu=SIUDU, factors=FACTORS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, lines in (
        ("GF_S2024_2025_Volumina.csv", volumes),
        ("GF_S2024_2025_Gewichten.csv", weights),
        ("GF_S2024_2025_SIUDU.csv", siudu),
        ("Uitkeringsfactor.csv", factors),
    ):
        if lines is not None:
            (folder / name).write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    (folder / "gemeentenamen.csv").write_text("Iv3naam\tGFnaam\nBeek (L.)\tBeek\n", encoding="utf-8")
    return folder


@pytest.fixture()
def store(kampen_store, tmp_path, cli):
    """Kampen's Iv3 figures and one good circular imported."""
    assert cli(kampen_store, "import-gemeentefonds", str(write_folder(tmp_path / "good")))[0] == 0
    return kampen_store


def test_a_circular_is_stored_as_volumes_times_weights_times_factor_plus_siudu(store):
    engine = open_engine(store)
    payments = fund_payments(engine).set_index("cluster")
    # Sociale basisvoorzieningen: 1.5 × (10.50 × 55,332 + 1,000 × 1) + 0.10 × 1,000,000 (WOZ: no factor)
    assert payments.loc["Sociale basisvoorzieningen", "payment_eur"] == pytest.approx(1.5 * (10.5 * 55332 + 1000) + 100000)
    # Participatie: 1.5 × 2 × 55,332 + the SIUDU item Participatie (weight 1) 2,500,000
    assert payments.loc["Participatie", "measures_eur"] == pytest.approx(1.5 * 2 * 55332)
    assert payments.loc["Participatie", "siudu_eur"] == pytest.approx(2_500_000)
    assert payments.loc["Individuele voorzieningen Jeugd", "payment_eur"] == pytest.approx(1.5 * 1001.25 * 55332)
    assert set(payments["theme"]) == {"Participate", "Work", "Vital", "Young"}
    volumes = fund_volumes(engine).iloc[0]
    assert (volumes["young_0_17"], volumes["bijstand"]) == (12104.5, 1040.25)  # decimal comma, thousands point
    notes = list(fund_notes(engine)["note"])
    assert any("'vast' read from volume column 'vast nieuw'" in n for n in notes)
    assert any("'herindeling' has no amounts" in n for n in notes)


def bad_cases():
    yield (
        "unknown-name",
        {"volumes": [VOLUMES[0], VOLUMES[1], VOLUMES[1].replace("Kampen", "Atlantis")]},
        "GF_S2024_2025_Volumina.csv:3: Naam: 'Atlantis' does not join to the Iv3 municipalities",
    )
    yield (
        "decimal-point",
        {"volumes": [VOLUMES[0], VOLUMES[1].replace("12.104,5", "12104.5")]},
        "GF_S2024_2025_Volumina.csv:2: jong: '12104.5' is not a number with a decimal comma",
    )
    yield (
        "weight-text",
        {"weights": [*WEIGHTS[:2], WEIGHTS[2].replace("1.000,00", "veel")]},
        "GF_S2024_2025_Gewichten.csv:3: Sociale basisvoorzieningen: 'veel' is not a number",
    )
    yield (
        "weight-without-volume",
        {"weights": [*WEIGHTS, "ouder\tbejaarden\t1,00\t0,00\t0,00\t0,00\t0"]},
        "GF_S2024_2025_Gewichten.csv:0: Codering maatstaf: weight of measure 'ouder' has no volume column",
    )
    yield (
        "missing-measure",
        {"volumes": [VOLUMES[0].replace("\tjong", "\tjongeren"), VOLUMES[1]]},
        "GF_S2024_2025_Volumina.csv:1: jong: required column is missing",
    )
    yield "missing-siudu", {"siudu": None}, "GF_S2024_2025_SIUDU.csv:0: -: the file is missing"
    yield "no-factor", {"factors": [FACTORS[0], "M2024,2025,1.457"]}, "Uitkeringsfactor.csv:0: Circulaire: no payment factor for S2024 2025"
    yield "factor-comma", {"factors": [FACTORS[0], 'S2024,2025,"1,5"']}, "Uitkeringsfactor.csv:2: Uitkeringsfactor: '1,5' is not a number with a decimal point"
    yield "twice", {"volumes": [*VOLUMES, VOLUMES[1]]}, "GF_S2024_2025_Volumina.csv:3: Naam: 'Kampen' is the same municipality as line 2"
    yield "siudu-name", {"siudu": [SIUDU[0], SIUDU[1].replace("Kampen", "Beek")]}, "GF_S2024_2025_SIUDU.csv:2: Naam: 'Beek' does not join"


@pytest.mark.parametrize("case,files,expected", [pytest.param(*c, id=c[0]) for c in bad_cases()])
def test_a_bad_folder_exits_2_with_file_line_column_and_changes_nothing(store, tmp_path, cli, case, files, expected):
    before = snapshot(store)
    code, _out, err = cli(store, "import-gemeentefonds", str(write_folder(tmp_path / case, **files)))
    assert code == 2, err
    assert expected in err, err
    assert snapshot(store) == before


def test_a_folder_without_circulars_is_refused(store, tmp_path, cli):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "Uitkeringsfactor.csv").write_text("\n".join(FACTORS), encoding="utf-8")
    code, _, err = cli(store, "import-gemeentefonds", str(tmp_path / "empty"))
    assert code == 2 and "no GF_<circular>_<year>_Volumina.csv files" in err


@pytest.mark.slow
def test_the_real_circulars_import_and_reproduce_the_embedded_demo(tmp_path, cli):
    """Every municipality of the national demo, then ../shared/data/gemeentefonds: the stored payments equal data/demo/national/fund.csv."""
    folder = SHARED_IV3_DIR.parent / "gemeentefonds"
    if not folder.exists():
        pytest.skip(f"gemeentefonds files not found at {folder}")
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    from dashboard.demo.load import load_demo

    load_demo(open_engine(url), programmes=False)
    code, out, err = cli(url, "import-gemeentefonds", str(folder))
    assert code == 0, err
    assert "6 gemeentefonds circulars" in out and "342 municipalities" in out
    stored = fund_payments(open_engine(url)).sort_values(["circular", "payment_year", "municipality", "cluster"]).reset_index(drop=True)
    demo = pd.read_csv(NATIONAL_DEMO_DIR / "fund.csv").sort_values(["circular", "payment_year", "municipality", "cluster"]).reset_index(drop=True)
    assert len(stored) == len(demo) == 6 * 342 * 4
    assert (stored[["circular", "municipality", "cluster", "theme"]] == demo[["circular", "municipality", "cluster", "theme"]]).all().all()
    assert stored["payment_eur"].to_numpy() == pytest.approx(demo["payment_eur"].to_numpy(), abs=0.01)
    assert len(fund_notes(open_engine(url))) == len(pd.read_csv(NATIONAL_DEMO_DIR / "fund_notes.csv"))
