"""``python -m dashboard import-regions FILE…`` on hand-made classification files, good and bad.

Each bad file exits 2 with ``FILE:LINE: COLUMN: what is wrong`` and leaves the store row for row as
it was; the real files are imported in a slow test that must reproduce the embedded demo.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.config.paths import NATIONAL_DEMO_DIR, SHARED_IV3_DIR
from dashboard.store.compare_tables import REGION_COLUMNS, regions
from dashboard.store.database import open_engine
from tests.helpers import snapshot

AREAS_HEADER = "gm_code;gemeentenaam;jeugdregio;arbeidsmarktregio;stedelijkheid_code;inwonertal;omgevingsadressendichtheid"
AREAS = [AREAS_HEADER, "GM0166;Kampen;IJsselland;Regio Zwolle;3;54412;1165"]
CLASSES = ["Gemeenten\tProvincie\tGemeentegrootte\tStedelijkheid\tInwonertal", "Kampen\tOverijssel\t50000tot100000inwoners\tMatigstedelijk\t55332"]
FUND_CLASSES = ["Gemeenten\tCentrumfunctie\tSociale structuur", "Kampen\tRedelijk\tMatig"]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def store(kampen_store, tmp_path, cli):
    files = [write(tmp_path / "areas.csv", AREAS), write(tmp_path / "classes.csv", CLASSES), write(tmp_path / "fund.csv", FUND_CLASSES)]
    code, _out, err = cli(kampen_store, "import-regions", *map(str, files))
    assert code == 0, err
    return kampen_store


def test_the_three_kinds_are_recognised_by_their_header_and_stored(store):
    row = regions(open_engine(store)).loc["Kampen"]
    assert (row["gm_code"], row["youth_region"], row["labour_region"], row["urbanity_code"], row["address_density"]) == (
        "GM0166",
        "IJsselland",
        "Regio Zwolle",
        3,
        1165,
    )
    assert (row["province"], row["size_class"], row["centre_function"], row["social_structure"]) == (
        "Overijssel",
        "50000tot100000inwoners",
        "Redelijk",
        "Matig",
    )


def test_a_file_replaces_its_own_columns_only(store, tmp_path, cli):
    code, _, err = cli(store, "import-regions", str(write(tmp_path / "fund2.csv", [FUND_CLASSES[0], "Kampen\tSterk\tGoed"])))
    assert code == 0, err
    row = regions(open_engine(store)).loc["Kampen"]
    assert (row["centre_function"], row["social_structure"], row["youth_region"]) == ("Sterk", "Goed", "IJsselland")


BAD = [
    ("unknown-name", [*AREAS, AREAS[1].replace("Kampen", "Atlantis")], "areas.csv:3: gemeentenaam: 'Atlantis' does not join to the Iv3 municipalities"),
    ("decimal-comma", [AREAS_HEADER, AREAS[1].replace(";1165", ";1165,5")], "areas.csv:2: omgevingsadressendichtheid: '1165,5' is not a whole number"),
    ("thousands-point", [AREAS_HEADER, AREAS[1].replace(";54412;", ";54.412;")], "areas.csv:2: inwonertal: '54.412' is not a whole number"),
    ("unknown-class", [FUND_CLASSES[0], "Kampen\tVeel\tMatig"], "areas.csv:2: Centrumfunctie: 'Veel' is not a class"),
    ("twice", [*CLASSES, CLASSES[1]], "areas.csv:3: Gemeenten: 'Kampen' is the same municipality as line 2"),
    ("unknown-file", ["Gemeente;Regio", "Kampen;Oost"], "areas.csv:1: -: not a regions or classes file"),
]


@pytest.mark.parametrize("case,lines,expected", BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_exits_2_with_file_line_column_and_changes_nothing(store, tmp_path, cli, case, lines, expected):
    (tmp_path / case).mkdir()
    before = snapshot(store)
    code, _, err = cli(store, "import-regions", str(write(tmp_path / case / "areas.csv", lines)))
    assert code == 2, err
    assert expected in err, err
    assert snapshot(store) == before


def test_two_files_of_one_kind_are_refused(store, tmp_path, cli):
    files = [write(tmp_path / "a.csv", CLASSES), write(tmp_path / "b.csv", CLASSES)]
    code, _, err = cli(store, "import-regions", *map(str, files))
    assert code == 2 and "b.csv:0: -: a second file of classes" in err


@pytest.mark.slow
def test_the_real_files_import_and_reproduce_the_embedded_demo(tmp_path, cli):
    shared = SHARED_IV3_DIR.parent
    if not (shared / "regions").exists():
        pytest.skip(f"regions files not found at {shared / 'regions'}")
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    from dashboard.demo.load import load_demo

    load_demo(open_engine(url), programmes=False)
    files = [
        shared / "regions" / "gebieden_in_nederland_2022.csv",
        shared / "iv3" / "gemeenteklassen_2025.csv",
        shared / "regions" / "sociale_structuur_centrumfunctie_2025.csv",
    ]
    code, _out, err = cli(url, "import-regions", *map(str, files))
    assert code == 0, err
    stored = regions(open_engine(url))
    demo = pd.read_csv(NATIONAL_DEMO_DIR / "municipalities.csv", index_col="municipality", keep_default_na=False, na_values=[""])
    today = stored[stored["size_class"].notna()]
    assert sorted(today.index) == sorted(demo.index) and len(demo) == 342
    for column in REGION_COLUMNS:
        left, right = today[column].reindex(demo.index), demo[column]
        assert ((left == right) | (left.isna() & right.isna())).all(), column
    # Voorne aan Zee (merged 2023) takes its predecessors' regions from the 2022 file
    assert today.loc["Voorne aan Zee", "youth_region"] == demo.loc["Voorne aan Zee", "youth_region"]
