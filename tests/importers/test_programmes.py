"""``python -m dashboard import DIR`` for programmes, providers and allocations: bad input and good input.

Bad input: exit status 2, one ``FILE:LINE: COLUMN: problem`` line per problem, store unchanged.
Expected amounts are derived from the CBS figures in the store, never copied from output.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dashboard.__main__ import main
from dashboard.config.paths import THEME_MAPPING_FILE
from dashboard.demo.load import load_demo
from dashboard.domain.themes import ThemeMapping
from dashboard.queries.drilldown import Drilldown
from dashboard.queries.service import DashboardService
from dashboard.store.database import open_engine
from dashboard.store.repository import Repository
from dashboard.store.schema_programmes import allocation, programme, programme_layer

LINE = re.compile(r"^(?P<file>\S+):(?P<line>\d+): (?P<column>[^:]+): (?P<message>.+)$")
PROGRAMMES = [
    ["programme", "name", "name_nl", "theme", "layer", "taakvelden", "description", "description_nl", "illustrative"],
    ["income-support", "Income support", "Bijstand", "work", "maatwerk", "6.3", "Benefits.", "", ""],
    ["youth-ambulant-care", "Youth care without accommodation", "", "young", "maatwerk", "6.751 6.752", "", "", "false"],
]
PROVIDERS = [
    ["provider", "name", "kind", "kvk", "illustrative"],
    ["gemeente-kampen", "Gemeente Kampen", "municipality", "", ""],
    ["zorg-a", "Zorg A", "care provider", "12345678", ""],
]


@pytest.fixture()
def store(tmp_path, monkeypatch):
    """A fresh store with the demo's CBS figures only; the CLI is pointed at it."""
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    engine = open_engine(url)
    load_demo(engine, programmes=False, national=False)
    monkeypatch.setenv("DATABASE_URL", url)
    yield engine
    engine.dispose()


def cbs_lasten(engine, year: int, kind: str, code: str) -> int:
    rows = Repository(engine).amounts("Kampen")
    return int(rows[(rows["year"] == year) & (rows["kind"] == kind) & (rows["code"] == code)]["lasten_eur"].iloc[0])


def write(directory: Path, name: str, rows: list[list[str]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / name, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\n").writerows(rows)


def valid_allocations(engine) -> list[list[str]]:
    """Half of 6.3 to income support (the rest stays unallocated) and all of 6.752 to one provider."""
    income = cbs_lasten(engine, 2025, "begroting", "6.3")
    youth = cbs_lasten(engine, 2025, "begroting", "6.752")
    return [
        ["municipality", "year", "document", "programme", "provider", "taakveld", "instrument", "amount_eur", "clients", "illustrative"],
        ["Kampen", "2025", "begroting", "income-support", "gemeente-kampen", "6.3", "benefit", str(income // 2), "900", ""],
        ["Kampen", "2025", "begroting", "youth-ambulant-care", "zorg-a", "6.752", "procurement", str(youth), "", ""],
    ]


def project(tmp_path, engine, allocations=None, programmes=None, providers=None) -> Path:
    directory = tmp_path / "project"
    write(directory, "programmes.csv", programmes or PROGRAMMES)
    write(directory, "providers.csv", providers or PROVIDERS)
    write(directory, "allocations.csv", allocations or valid_allocations(engine))
    return directory


def snapshot(engine) -> tuple:
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar() for t in (programme, programme_layer, allocation))


def run_failing(capsys, directory: Path) -> list[dict]:
    code = main(["import", str(directory)])
    captured = capsys.readouterr()
    assert code == 2, captured
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert lines, "no problems reported"
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    return [m.groupdict() for m in parsed]


def test_valid_import_is_a_draft_and_leaves_the_remainder_unallocated(store, tmp_path, capsys):
    directory = project(tmp_path, store)
    assert main(["import", str(directory)]) == 0
    assert "2 allocations in 1 documents (draft)" in capsys.readouterr().out
    service = DashboardService(Repository(store), ThemeMapping.from_csv(THEME_MAPPING_FILE))
    drill = Drilldown(service)
    assert drill.layer_info("Kampen", 2025, "begroting").status == "draft"
    assert drill.layer_info("Kampen", 2025, "begroting").illustrative is False
    work = drill.theme_view("Kampen", 2025, "begroting", "work")
    summary = service.theme_overview("Kampen", 2025, "begroting").summary.set_index("theme")
    income = cbs_lasten(store, 2025, "begroting", "6.3")
    assert work.allocated_eur == income // 2
    assert work.unallocated_eur == int(summary.loc["Work", "lasten_eur"]) - income // 2
    rows = drill.programme_rows("Kampen", 2025, "begroting", "work")
    assert sum(r["lasten_eur"] for r in rows) == int(summary.loc["Work", "lasten_eur"])
    assert [r["slug"] for r in rows if r["programme"] == "not allocated to a programme"] == [None]


def test_publish_flag_publishes(store, tmp_path, capsys):
    assert main(["import", str(project(tmp_path, store)), "--publish"]) == 0
    service = DashboardService(Repository(store), ThemeMapping.from_csv(THEME_MAPPING_FILE))
    assert Drilldown(service).layer_info("Kampen", 2025, "begroting").status == "published"


def replace_row(rows, index, **changes):
    header = rows[0]
    row = list(rows[index])
    for column, value in changes.items():
        row[header.index(column)] = value
    return rows[:index] + [row] + rows[index + 1 :]


@pytest.mark.parametrize(
    "file_name, change, column, fragment",
    [
        ("programmes.csv", dict(theme="youth"), "theme", "is not one of"),
        ("programmes.csv", dict(layer="front line"), "layer", "is not one of"),
        ("programmes.csv", dict(programme="Income Support"), "programme", "is not a slug"),
        ("providers.csv", dict(kind="hospital"), "kind", "is not one of"),
        ("providers.csv", dict(kvk="1234"), "kvk", "8 digits"),
        ("allocations.csv", dict(programme="no-such-programme"), "programme", "unknown programme"),
        ("allocations.csv", dict(provider="no-such-provider"), "provider", "unknown provider"),
        ("allocations.csv", dict(clients="-3"), "clients", "cannot be negative"),
        ("allocations.csv", dict(amount_eur="12,5"), "amount_eur", "whole euros"),
        ("allocations.csv", dict(amount_eur="1.234.567"), "amount_eur", "whole euros"),
        ("allocations.csv", dict(amount_eur="lots"), "amount_eur", "not an amount"),
        ("allocations.csv", dict(instrument="grant"), "instrument", "is not one of"),
        ("allocations.csv", dict(municipality="Atlantis"), "municipality", "unknown municipality"),
        ("allocations.csv", dict(document="jaarrekening"), "document", "no CBS Iv3 figures"),
        ("allocations.csv", dict(taakveld="6.71a"), "taakveld", "is not in the CBS figures"),
        ("allocations.csv", dict(taakveld="6.4"), "taakveld", "belongs to theme Work"),
        ("allocations.csv", dict(taakveld="0.1"), "taakveld", "belongs to theme none"),
        ("allocations.csv", dict(year="20x5"), "year", "is not a year"),
        ("allocations.csv", dict(amount_eur="12345678901234567890123"), "amount_eur", "beyond the largest amount accepted"),
        ("allocations.csv", dict(amount_eur="1e30"), "amount_eur", "not an amount"),
        ("allocations.csv", dict(amount_eur="１２３４５"), "amount_eur", "not an amount"),
        ("allocations.csv", dict(clients="１２"), "clients", "not a whole number"),
        ("allocations.csv", dict(clients="1_000"), "clients", "not a whole number"),
        ("allocations.csv", dict(year="２０２５"), "year", "is not a year"),
        ("programmes.csv", dict(name="P" * 201), "name", "at most 200"),
        ("providers.csv", dict(name="Zorg\x00 BV"), "name", "control character U+0000"),
    ],
)
def test_bad_cell_is_reported_with_file_line_and_column_and_nothing_is_stored(store, tmp_path, capsys, file_name, change, column, fragment):
    base = {"programmes.csv": PROGRAMMES, "providers.csv": PROVIDERS, "allocations.csv": valid_allocations(store)}
    target = 1 if file_name == "programmes.csv" else 2  # income-support; zorg-a; the youth allocation
    rows = replace_row(base[file_name], target, **change)
    directory = project(tmp_path, store, **{file_name.split(".")[0]: rows})
    before = snapshot(store)
    problems = run_failing(capsys, directory)
    assert snapshot(store) == before
    expected_file = f"{directory}/{file_name}"
    hits = [p for p in problems if p["file"] == expected_file and p["line"] == str(target + 1) and p["column"] == column]
    assert hits, problems
    assert fragment in hits[0]["message"], hits[0]


def test_missing_file_of_the_set_and_duplicates_are_errors(store, tmp_path, capsys):
    directory = project(tmp_path, store)
    (directory / "providers.csv").unlink()
    problems = run_failing(capsys, directory)
    assert any(p["file"].endswith("providers.csv") and "missing" in p["message"] for p in problems)

    rows = valid_allocations(store)
    directory = project(tmp_path, store, allocations=rows + [rows[1]])
    problems = run_failing(capsys, directory)
    assert any(p["line"] == "4" and "appears twice (first on line 2)" in p["message"] for p in problems)


def test_every_problem_is_reported_not_just_the_first(store, tmp_path, capsys):
    rows = valid_allocations(store)
    rows = replace_row(rows, 1, clients="-1")
    rows = replace_row(rows, 2, provider="ghost")
    directory = project(tmp_path, store, allocations=rows)
    before = snapshot(store)
    problems = run_failing(capsys, directory)
    assert {(p["line"], p["column"]) for p in problems} >= {("2", "clients")}
    # cell problems stop the import before reference checks, so fix the cell and see the reference problem
    rows = replace_row(rows, 1, clients="1")
    problems = run_failing(capsys, project(tmp_path, store, allocations=rows))
    assert ("3", "provider") in {(p["line"], p["column"]) for p in problems}
    assert snapshot(store) == before


def test_reimport_replaces_the_document_layer_in_one_go(store, tmp_path, capsys):
    assert main(["import", str(project(tmp_path, store))]) == 0
    first = snapshot(store)
    rows = valid_allocations(store)[:2]  # only the income support row this time
    assert main(["import", str(project(tmp_path, store, allocations=rows)), "--publish"]) == 0
    programmes, layers, allocations = snapshot(store)
    assert (programmes, layers) == first[:2]
    assert allocations == 1
