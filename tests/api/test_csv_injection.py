"""CSV downloads never hand a spreadsheet a formula: names that start one are quoted (OWASP's rule)."""
from __future__ import annotations

import csv
import io

import pytest

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR
from dashboard.config.settings import Settings
from dashboard.domain.spreadsheet import safe_cell
from dashboard.web.app_factory import create_app
from tests.helpers import logged_in

#: Names that a spreadsheet runs as formulas (the issue's examples and OWASP's).
FORMULA_NAMES = ["=1+2", "+31 20 1234567", "-2+3", "@SUM(A1:A9)", '=HYPERLINK("http://example.com","klik")']


@pytest.fixture(scope="module")
def formula_client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formulas")
    header, *lines = (DEMO_DIR / "2023_begroting.csv").read_text(encoding="utf-8").splitlines()
    kampen = [line for line in lines if line.startswith("Kampen;")]
    rows = [header]
    for name in FORMULA_NAMES:
        quoted = '"' + name.replace('"', '""') + '"'
        rows += [quoted + line[len("Kampen"):] for line in kampen]
    source = folder / "formulas.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'store.sqlite'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        assert main(["import-iv3", str(source), "--year", "2023", "--document", "begroting"]) == 0
    return logged_in(create_app(Settings(database_url=url, load_demo=False)))


@pytest.mark.parametrize("name", FORMULA_NAMES)
def test_a_formula_name_is_text_in_the_csv_and_unchanged_in_json(formula_client, name):
    query = {"municipality": name, "year": "2023", "document": "begroting"}
    rows = list(csv.DictReader(io.StringIO(formula_client.get("/api/v1/themes", query_string=query | {"format": "csv"}).get_data(as_text=True))))
    assert len(rows) == 4
    assert {row["municipality"] for row in rows} == {"'" + name}
    assert all(not cell.startswith(("=", "+", "@", "\t", "\r")) for row in rows for cell in row.values())
    json_rows = formula_client.get("/api/v1/themes", query_string=query).get_json()
    assert {row["municipality"] for row in json_rows} == {name}
    # Amounts stay numbers a spreadsheet can add up.
    assert [int(row["lasten_eur"]) for row in rows] == [row["lasten_eur"] for row in json_rows]


def test_every_formula_start_is_quoted_and_numbers_are_left_alone():
    for text in ("=A1", "+A1", "-A1", "@A1", "\tA1", "\rA1"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("Kampen") == "Kampen" and safe_cell("") == ""
    assert safe_cell(-5000) == -5000 and safe_cell(-0.25) == -0.25 and safe_cell(None) is None
