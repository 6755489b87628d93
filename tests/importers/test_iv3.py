"""``python -m dashboard import-iv3`` on the files real users bring, good and bad.

Bad files are built from real CBS lines (the Kampen/Nederland extract in data/demo/). Each bad
case must exit 2, print ``FILE:LINE: COLUMN: what is wrong`` lines a finance officer can act on,
and leave an existing store exactly as it was.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR
from tests.helpers import snapshot, logged_in

DEMO_FULL = DEMO_DIR / "2023_begroting.csv"
DEMO_TEN_YEAR = DEMO_DIR / "iv3_2017_2026_lasten.csv"
HEADER, *LINES = DEMO_FULL.read_text(encoding="utf-8").splitlines()
COLUMNS = HEADER.split(";")


def cells(line: str) -> list[str]:
    return line.split(";")


def with_cell(line: str, column: str, value: str) -> str:
    parts = cells(line)
    parts[COLUMNS.index(column)] = value
    return ";".join(parts)


def write(path: Path, lines: list[str], encoding: str = "utf-8", bom: bool = False) -> Path:
    data = "".join(line + "\n" for line in lines).encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def run(monkeypatch, capsys, url: str, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setenv("DATABASE_URL", url)
    code = main(["import-iv3", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def file_bytes(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(db.parent.glob(db.name + "*"))}


@pytest.fixture()
def stored(tmp_path, monkeypatch, capsys):
    """A store holding the demo ten-year file and the 2023 begroting: what a failed import must not touch."""
    db = tmp_path / "store" / "dashboard.sqlite"
    url = f"sqlite:///{db}"
    assert run(monkeypatch, capsys, url, str(DEMO_TEN_YEAR))[0] == 0
    assert run(monkeypatch, capsys, url, str(DEMO_FULL), "--year", "2023", "--document", "begroting")[0] == 0
    return db, url


def kampen_lines() -> list[str]:
    return [line for line in LINES if line.startswith("Kampen;")]


def line_of(code: str) -> str:
    return next(line for line in LINES if line.startswith(f"Kampen;{code} "))


PROBLEM_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+): (?P<column>[^:]+): (?P<message>.+)$")


def bad_cases() -> dict[str, tuple]:
    """case → (lines of the file or None for no file, extra arguments, the problem line expected on stderr)."""
    rows = kampen_lines()
    year = ["--year", "2023", "--document", "begroting"]
    cases = {}

    def case(name, lines, expected, args=year):
        cases[name] = (lines, args, expected)

    without_lasten = [";".join(c for i, c in enumerate(cells(line)) if COLUMNS[i] != "Lasten") for line in [HEADER] + rows]
    case("missing_lasten", without_lasten, "{file}:1: Lasten: required column is missing from the header")
    without_taakveld = [";".join(c for i, c in enumerate(cells(line)) if COLUMNS[i] != "Taakveld") for line in [HEADER] + rows]
    case("missing_taakveld", without_taakveld, "{file}:1: Taakveld: required column is missing from the header")
    case(
        "text_amount", [HEADER, rows[0], with_cell(rows[1], "Lasten", "veel")] + rows[2:],
        "{file}:3: Lasten: 'veel' is not a number",
    )
    case(
        "dutch_number", [HEADER, rows[0], rows[1], with_cell(rows[2], "Baten", "1.234,5")] + rows[3:],
        "{file}:4: Baten: '1.234,5' uses a decimal comma or thousands separator; write amounts in EUR 1,000 "
        "with a decimal point and no separators, e.g. 1234.5",
    )
    case(
        "dutch_thousands", [HEADER, with_cell(rows[0], "Lasten", "3.305")] + rows[1:],
        "{file}:2: Lasten: '3.305' is ambiguous: a thousands separator or a decimal point? CBS writes amounts in "
        "EUR 1,000 with a decimal point and one decimal, e.g. 1234.0",
    )
    case("empty", [], "{file}:1: -: the file is empty")
    case("blank_lines", ["", "   "], "{file}:1: -: the file is empty")
    case("header_only", [HEADER], "{file}:2: -: the file has a header but no data rows")
    case(
        "comma_delimiter", [line.replace(";", ",") for line in [HEADER] + rows],
        "{file}:1: -: columns must be separated by semicolons (';') but found commas",
    )
    case(
        "tab_delimiter", [line.replace(";", "\t") for line in [HEADER] + rows],
        "{file}:1: -: columns must be separated by semicolons (';') but found tabs",
    )
    case(
        "duplicate_row", [HEADER] + rows + [rows[5]],
        "{file}:%d: Taakveld: Kampen / %s appears twice (first on line 7)" % (len(rows) + 2, cells(rows[5])[1].split()[0]),
    )
    case(
        "short_row", [HEADER, rows[0], ";".join(cells(rows[1])[:5])] + rows[2:],
        "{file}:3: -: expected %d columns, found 5" % len(COLUMNS),
    )
    case(
        "no_taakveld_code", [HEADER, with_cell(rows[0], "Taakveld", "Bestuur")] + rows[1:],
        "{file}:2: Taakveld: 'Bestuur' does not start with an Iv3 taakveld code such as '6.71a'",
    )
    case(
        "bad_inhabitants", [HEADER, with_cell(rows[0], "Inwonertal", "55.614")] + rows[1:],
        "{file}:2: Inwonertal: '55.614' is not a whole number of inhabitants",
    )
    # Number forms Python reads but CBS never writes, values that overflow, names the schema cannot hold.
    number_form = "is not written as a number in these files: ASCII digits with a decimal point, without exponent, underscores, plus sign or other digits (e.g. 1234.5)"
    for case_name, value in (("exponent", "1e3"), ("underscore", "1_000.0"), ("full_width_digits", "２４３３.0"),
                             ("arabic_indic_digits", "٢٤٣٣.0"), ("plus_sign", "+2433.0"), ("overflow_exponent", "1e30")):
        case(f"amount_{case_name}", [HEADER, rows[0], with_cell(rows[1], "Lasten", value)] + rows[2:], f"{{file}}:3: Lasten: {value!r} {number_form}")
    ceiling = "is beyond the largest amount accepted, EUR 1,000,000,000,000 (either sign); no taakveld comes near it: check the unit and the decimal point"
    case("amount_23_digits", [HEADER, with_cell(rows[0], "Baten", "12345678901234567890123")] + rows[1:],
         f"{{file}}:2: Baten: '12345678901234567890123' {ceiling}")
    case("amount_fits_a_row_not_a_sum", [HEADER, with_cell(rows[0], "Lasten", "4000000000000000.0")] + rows[1:],
         f"{{file}}:2: Lasten: '4000000000000000.0' {ceiling}")
    case("negative_beyond_ceiling", [HEADER, with_cell(rows[0], "Lasten", "-1000000001.0")] + rows[1:],
         f"{{file}}:2: Lasten: '-1000000001.0' {ceiling}")
    case("inhabitants_exponent", [HEADER, with_cell(rows[0], "Inwonertal", "1e30")] + rows[1:],
         "{file}:2: Inwonertal: '1e30' is not a whole number of inhabitants")
    case("inhabitants_full_width", [HEADER, with_cell(rows[0], "Inwonertal", "５５６１４")] + rows[1:],
         "{file}:2: Inwonertal: '５５６１４' is not a whole number of inhabitants")
    case("inhabitants_too_many", [HEADER, with_cell(rows[0], "Inwonertal", "99999999999999999999999")] + rows[1:],
         "{file}:2: Inwonertal: '99999999999999999999999' is more inhabitants than accepted (100,000,000); check the column")
    case("inhabitants_negative", [HEADER, with_cell(rows[0], "Inwonertal", "-55614")] + rows[1:],
         "{file}:2: Inwonertal: '-55614': the number of inhabitants cannot be negative")
    case("name_too_long", [HEADER, with_cell(rows[0], "Gemeenten", "K" * 101)] + rows[1:],
         "{file}:2: Gemeenten: is 101 characters long; at most 100 are allowed")
    case("taakveld_name_too_long", [HEADER, with_cell(rows[0], "Taakveld", "6.1 " + "x" * 200)] + rows[1:],
         "{file}:2: Taakveld: is 204 characters long; at most 200 are allowed")
    case("nul_in_name", [HEADER, with_cell(rows[0], "Gemeenten", "Kam\x00pen")] + rows[1:],
         "{file}:2: Gemeenten: contains the control character U+0000; remove it")
    case("line_break_in_name", [HEADER, with_cell(rows[0], "Gemeenten", '"Kam\npen"')] + rows[1:],
         "{file}:2: Gemeenten: a name must be one line, without tabs or line breaks")
    case("unknown_document", [HEADER] + rows,
         "{file}:0: --document: 'rekening' is not a document; use begroting or jaarrekening",
         args=["--year", "2023", "--document", "rekening"])
    case("malformed_year", [HEADER] + rows, "{file}:0: --year: '23' is not a year such as 2025",
         args=["--year", "23", "--document", "begroting"])
    case("no_year_given", [HEADER] + rows,
         "{file}:1: -: this file has no Jaar and Document columns: give --year and --document", args=[])
    case("missing_file", None, "{file}:0: -: cannot read the file: No such file or directory")
    ten = DEMO_TEN_YEAR.read_text(encoding="utf-8").splitlines()
    ten_columns = ten[0].split(";")
    bad_document = ten[3].split(";")
    bad_document[ten_columns.index("Document")] = "rekening"
    case("year_given_for_ten_year_file", ten, "{file}:1: Jaar: this file has its own Jaar and Document columns: "
         "import it without --year and --document")
    case("bad_document_column", ten[:3] + [";".join(bad_document)] + ten[4:],
         "{file}:4: Document: 'rekening' is not a document; use begroting or jaarrekening", args=[])
    other_digits = ten[3].split(";")
    other_digits[ten_columns.index("Jaar")] = "２０２３"
    case("year_column_other_digits", ten[:3] + [";".join(other_digits)] + ten[4:], "{file}:4: Jaar: '２０２３' is not a year", args=[])
    return cases


@pytest.mark.parametrize("case_name", list(bad_cases()))
def test_bad_input_exits_2_with_a_located_message_and_changes_nothing(case_name, stored, tmp_path, monkeypatch, capsys):
    db, url = stored
    before_rows, before_bytes = snapshot(url), file_bytes(db)
    lines, args, expected = bad_cases()[case_name]
    path = tmp_path / f"{case_name}.csv"
    if lines is not None:
        write(path, lines)
    expected = expected.format(file=path)

    code, out, err = run(monkeypatch, capsys, url, str(path), *args)

    assert code == 2
    assert out == ""
    problems = err.strip().splitlines()
    assert expected in problems, err
    for problem in problems:
        match = PROBLEM_LINE.match(problem)
        assert match and match["file"] == str(path), problem
    assert snapshot(url) == before_rows
    assert file_bytes(db) == before_bytes


def test_a_failed_import_into_an_empty_store_creates_nothing(tmp_path, monkeypatch, capsys):
    db = tmp_path / "fresh.sqlite"
    path = write(tmp_path / "bad.csv", [HEADER, with_cell(LINES[0], "Lasten", "n.v.t.")])
    code, _out, err = run(monkeypatch, capsys, f"sqlite:///{db}", str(path), "--year", "2023", "--document", "begroting")
    assert code == 2 and f"{path}:2: Lasten: 'n.v.t.' is not a number" in err
    assert not db.exists()


def test_at_least_twenty_problems_are_reported_each_on_its_own_line(stored, tmp_path, monkeypatch, capsys):
    _db, url = stored
    rows = kampen_lines()
    broken = [with_cell(line, "Lasten", "onbekend") for line in rows[:30]] + rows[30:]
    path = write(tmp_path / "many.csv", [HEADER] + broken)
    code, _out, err = run(monkeypatch, capsys, url, str(path), "--year", "2023", "--document", "begroting")
    assert code == 2
    lines = err.strip().splitlines()
    reported = [int(m["line"]) for m in map(PROBLEM_LINE.match, lines) if m and m["column"] == "Lasten"]
    assert reported[:20] == list(range(2, 22))
    assert len(reported) == 30


def test_byte_order_mark_is_accepted(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    path = write(tmp_path / "bom.csv", [HEADER] + LINES, bom=True)
    code, out, err = run(monkeypatch, capsys, url, str(path), "--year", "2023", "--document", "begroting")
    assert code == 0, err
    assert "1 municipalities" in out
    assert _stored_lasten(url, "Kampen", "0.1") == int(float(cells(line_of("0.1"))[COLUMNS.index("Lasten")]) * 1000)


def test_latin1_file_is_read_with_its_accents_and_warned(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    path = write(tmp_path / "latin1.csv", [HEADER] + LINES, encoding="latin-1")
    code, out, err = run(monkeypatch, capsys, url, str(path), "--year", "2023", "--document", "begroting")
    assert code == 0, err
    assert "Latin-1" in err
    names = {row[2] for row in snapshot(url)["taakveld"]}
    assert "Geëscaleerde zorg 18+" in names
    assert "Gesloten plaatsing" in names


def test_success_prints_one_summary_line(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    code, out, err = run(monkeypatch, capsys, url, str(DEMO_FULL), "--year", "2023", "--document", "Begroting")
    assert code == 0
    assert err == ""
    assert out.splitlines() == [f"imported {DEMO_FULL}: 1 municipalities, {len(LINES)} rows (begroting 2023), 0 warnings"]


def test_file_with_own_year_and_document_columns_needs_no_arguments(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    code, out, _err = run(monkeypatch, capsys, url, str(DEMO_TEN_YEAR))
    assert code == 0
    lines = DEMO_TEN_YEAR.read_text(encoding="utf-8").splitlines()[1:]
    documents = {(int(y), d) for y, d in (line.split(";")[-2:] for line in lines)}
    assert len(documents) == 18  # begroting 2017-2026, jaarrekening 2017-2024
    assert f": 1 municipalities, {len(lines)} rows (" in out
    assert {(row[1], row[2]) for row in snapshot(url)["document"]} == documents


def test_unmapped_social_code_is_stored_and_warned(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    new_code = with_cell(line_of("6.1"), "Taakveld", "6.93 Nieuw taakveld sociaal domein")
    path = write(tmp_path / "new_code.csv", [HEADER] + LINES + [new_code])
    code, out, err = run(monkeypatch, capsys, url, str(path), "--year", "2023", "--document", "begroting")
    assert code == 0
    assert (
        f"warning: {path}:{len(LINES) + 2}: Taakveld: social-domain taakveld 6.93 is not in the theme mapping; "
        "it is stored but counted in no theme" in err.splitlines()
    )
    assert out.rstrip().endswith("1 warnings")
    assert _stored_lasten(url, "Kampen", "6.93") == int(float(cells(new_code)[COLUMNS.index("Lasten")]) * 1000)


def test_reimport_replaces_that_document_only(stored, tmp_path, monkeypatch, capsys):
    db, url = stored
    before = snapshot(url)
    changed = with_cell(line_of("6.1"), "Lasten", "9999.5")
    new_file = [HEADER] + [changed if line.startswith("Kampen;6.1 ") else line for line in kampen_lines() if not line.startswith("Kampen;7.")]
    path = write(tmp_path / "2023_begroting_v2.csv", new_file)
    code, out, _err = run(monkeypatch, capsys, url, str(path), "--year", "2023", "--document", "begroting")
    assert code == 0, out

    after = snapshot(url)
    doc_ids = {row[0]: (row[1], row[2]) for row in after["document"]}
    old_ids = {row[0]: (row[1], row[2]) for row in before["document"]}
    replaced = [i for i, d in doc_ids.items() if d == (2023, "begroting")]
    assert len(replaced) == 1
    # Rows of the replaced document are exactly the new file's rows (Nederland and 7.x gone).
    assert sum(1 for row in after["amount"] if row[0] == replaced[0]) == len(new_file) - 1
    assert _stored_lasten(url, "Kampen", "6.1", 2023, "begroting") == 9_999_500
    assert _stored_lasten(url, "Kampen", "7.1", 2023, "begroting") is None
    # Every other document is untouched, row for row.
    untouched = {i for i, d in old_ids.items() if d != (2023, "begroting")}
    assert {i for i, d in doc_ids.items() if d != (2023, "begroting")} == untouched
    assert [r for r in after["amount"] if r[0] in untouched] == [r for r in before["amount"] if r[0] in untouched]


def test_replacement_is_one_transaction(stored, tmp_path, monkeypatch):
    """A failure after the old rows were deleted (here: while storing inhabitants) rolls everything back."""
    from dashboard.config.paths import THEME_MAPPING_FILE
    from dashboard.domain.themes import ThemeMapping
    from dashboard.importers.iv3 import parse_iv3_file
    from dashboard.store import writer
    from dashboard.store.database import open_engine

    _db, url = stored
    before = snapshot(url)
    parsed = parse_iv3_file(DEMO_FULL, ThemeMapping.from_csv(THEME_MAPPING_FILE), year=2023, kind="begroting")

    def fail(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "_store_population", fail)
    engine = open_engine(url)
    with pytest.raises(RuntimeError):
        writer.store_iv3(engine, parsed)
    engine.dispose()
    assert snapshot(url) == before


def test_nederland_is_kept_as_the_national_total_not_a_municipality(stored):
    from dashboard.config.settings import Settings
    from dashboard.web.app_factory import create_app

    _db, url = stored
    national = [row for row in snapshot(url)["municipality"] if row[1] == "Nederland"]
    assert len(national) == 1 and national[0][-1] in (True, 1)
    app = create_app(Settings(database_url=url, load_demo=False))
    client = logged_in(app)
    names = client.get("/api/v1/municipalities").get_json()
    assert names == ["Kampen"]
    assert client.get("/api/v1/themes?municipality=Nederland&year=2023&document=begroting").status_code == 404
    # The national figures are stored all the same, to compare with.
    assert _stored_lasten(url, "Nederland", "6.1", 2023, "begroting") == int(
        float(cells(next(l for l in LINES if l.startswith("Nederland;6.1 ")))[COLUMNS.index("Lasten")]) * 1000
    )


def _stored_lasten(url: str, municipality: str, code: str, year: int = 2023, kind: str = "begroting"):
    from dashboard.store.repository import Repository

    engine = create_engine(url)
    try:
        rows = Repository(engine).amounts(municipality)
    finally:
        engine.dispose()
    hit = rows[(rows["code"] == code) & (rows["year"] == year) & (rows["kind"] == kind)]
    return None if hit.empty else int(hit["lasten_eur"].iloc[0])


def test_a_municipality_without_figures_is_not_stored_as_zero_and_is_warned(tmp_path, monkeypatch, capsys):
    """CBS lists a municipality that delivered nothing with every amount 0 (De Bilt, begroting 2025)."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    zeros = [with_cell(with_cell(line.replace("Kampen;", "De Bilt;", 1), "Lasten", "0.0"), "Baten", "") for line in kampen_lines()]
    path = write(tmp_path / "no_figures.csv", [HEADER] + LINES + zeros)
    code, out, err = run(monkeypatch, capsys, url, str(path), "--year", "2023", "--document", "begroting")
    assert code == 0
    assert (f"warning: {path}:{len(LINES) + 2}: Lasten: De Bilt has no figures in begroting 2023 "
            "(every amount is 0 or empty); not stored") in err.splitlines()
    assert ": 1 municipalities," in out
    assert [row[1] for row in snapshot(url)["municipality"] if row[1] == "De Bilt"] == []


def test_a_file_without_any_figure_is_refused(stored, tmp_path, monkeypatch, capsys):
    _db, url = stored
    before = snapshot(url)
    zeros = [with_cell(with_cell(line, "Lasten", "0.0"), "Baten", "0.0") for line in kampen_lines()]
    path = write(tmp_path / "zeros.csv", [HEADER] + zeros)
    code, _out, err = run(monkeypatch, capsys, url, str(path), "--year", "2023", "--document", "begroting")
    assert code == 2
    assert f"{path}:2: Lasten: every amount in the file is 0 or empty: there is nothing to import" in err
    assert snapshot(url) == before


def test_a_municipality_cbs_spells_two_ways_is_stored_under_one_name(tmp_path, monkeypatch, capsys):
    """'Beek' (full files, up to 2023) and 'Beek (L.)' (from 2024) are one municipality with one trend."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    ten = DEMO_TEN_YEAR.read_text(encoding="utf-8").splitlines()
    beek = [line.replace("Kampen;", "Beek;" if int(line.split(";")[-2]) < 2024 else "Beek (L.);", 1) for line in ten[1:]]
    path = write(tmp_path / "beek.csv", [ten[0]] + beek)
    code, out, _err = run(monkeypatch, capsys, url, str(path))
    assert code == 0 and ": 1 municipalities," in out
    assert [row[1] for row in snapshot(url)["municipality"]] == ["Beek (L.)"]


def test_load_demo_does_not_overwrite_a_store_with_figures_unless_asked(stored, monkeypatch, capsys):
    """The demo files (Kampen only) replace whole documents: over national figures that would wipe them."""
    _db, url = stored
    before = snapshot(url)
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["load-demo"]) == 2
    assert "--replace" in capsys.readouterr().err
    assert snapshot(url) == before
    assert main(["load-demo", "--replace"]) == 0
    assert "data/demo/national/iv3_national.csv.gz: " in capsys.readouterr().out  # every municipality, Kampen in detail


def test_load_demo_fills_an_empty_store(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite'}")
    assert main(["load-demo"]) == 0
    assert len(snapshot(f"sqlite:///{tmp_path / 'empty.sqlite'}")["document"]) == 18


def test_a_file_above_the_size_limit_is_refused_before_it_is_read(stored, monkeypatch, capsys):
    db, url = stored
    before_rows, before_bytes = snapshot(url), file_bytes(db)
    monkeypatch.setenv("DASHBOARD_MAX_IMPORT_BYTES", "10000")
    code, out, err = run(monkeypatch, capsys, url, str(DEMO_FULL), "--year", "2023", "--document", "begroting")
    assert code == 2 and out == ""
    size = DEMO_FULL.stat().st_size
    assert err.startswith(f"{DEMO_FULL}:0: -: the file is {size:,} bytes, above the limit of 10,000 bytes (DASHBOARD_MAX_IMPORT_BYTES)"), err
    assert snapshot(url) == before_rows and file_bytes(db) == before_bytes
