"""Parse CBS StatLine Iv3 files exactly as CBS publishes them (see ``../shared/data/iv3/README.md``).

Two shapes are accepted: one year and document per file (``--year``/``--document`` given on
the command line), or a file with its own ``Jaar`` and ``Document`` columns (the ten-year
lasten file). The result is a validated frame; nothing is written here.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from dashboard.config.paths import DATA_DIR
from dashboard.domain.iv3 import DOCUMENT_KINDS, YEARS, Iv3Import, parse_year_text
from dashboard.domain.limits import MUNICIPALITY_NAME_LENGTH, PROFILE_LENGTH, TAAKVELD_NAME_LENGTH
from dashboard.domain.refusal import Refusal, Word
from dashboard.domain.themes import ThemeMapping, unmapped_social_codes
from dashboard.importers.problems import ImportFailed, Problem
from dashboard.importers.tables import text_up_to
from dashboard.importers.text_files import parse_thousands_to_euros, parse_whole_number, read_delimited

NOT_A_DOCUMENT = "{value!r} is not a document; use begroting or jaarrekening"
TAAKVELD_PATTERN = re.compile(r"^([0-9]{1,2}\.[0-9]{1,3}[a-z]?)\s+(.+)$")
MUNICIPALITY, TAAKVELD, LASTEN, BATEN = "Gemeenten", "Taakveld", "Lasten", "Baten"
INHABITANTS, YEAR, DOCUMENT = "Inwonertal", "Jaar", "Document"
PROFILE_COLUMNS = {"Provincie": "province", "Gemeentegrootte": "size_class", "Stedelijkheid": "urbanity"}
#: CBS spells a few municipalities two ways across files and years ('Beek' / 'Beek (L.)'): one name each.
MUNICIPALITY_NAMES_FILE = DATA_DIR / "municipality_names.csv"


@lru_cache(maxsize=1)
def municipality_aliases() -> dict[str, str]:
    """CBS spelling → the one name stored (CBS's current official name, as in gemeenteklassen)."""
    with open(MUNICIPALITY_NAMES_FILE, newline="", encoding="utf-8-sig") as handle:
        return {row["cbs_name"].strip(): row["name"].strip() for row in csv.DictReader(handle)}


def parse_iv3_file(
    path: Path,
    mapping: ThemeMapping,
    year: int | None = None,
    kind: str | None = None,
    display_name: str | None = None,
) -> Iv3Import:
    """Validate a CBS Iv3 file completely; raise ImportFailed listing every problem found."""
    name = display_name or str(path)
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise ImportFailed([Problem(name, 0, "--document", NOT_A_DOCUMENT, value=kind)])
    text = read_delimited(Path(path), ";", [MUNICIPALITY, TAAKVELD, LASTEN])
    text_problems: list[Problem] = []
    header = text.header
    has_own_document = YEAR in header or DOCUMENT in header
    if has_own_document and not (YEAR in header and DOCUMENT in header):
        missing = DOCUMENT if YEAR in header else YEAR
        raise ImportFailed([Problem(name, 1, missing, "the file has a {other} column, so it needs this one too", other=YEAR if missing == DOCUMENT else DOCUMENT)])
    if has_own_document and (year is not None or kind is not None):
        raise ImportFailed([Problem(name, 1, YEAR, "this file has its own Jaar and Document columns: import it without --year and --document")])
    if not has_own_document and (year is None or kind is None):
        raise ImportFailed([Problem(name, 1, "-", "this file has no Jaar and Document columns: give --year and --document")])
    if year is not None and year not in YEARS:
        raise ImportFailed([Problem(name, 0, "--year", "{year} is not a plausible budget year", year=year)])

    index = {column: header.index(column) for column in header}
    aliases = municipality_aliases()
    records = []
    seen: dict[tuple, int] = {}
    for line, cells in text.rows:
        def cell(column: str) -> str:
            return cells[index[column]] if column in index else ""

        municipality = aliases.get(cell(MUNICIPALITY), cell(MUNICIPALITY))
        if not municipality:
            text_problems.append(Problem(name, line, MUNICIPALITY, "the municipality name is empty"))
        for column, length in ((MUNICIPALITY, MUNICIPALITY_NAME_LENGTH), (TAAKVELD, TAAKVELD_NAME_LENGTH),
                               *((column, PROFILE_LENGTH) for column in PROFILE_COLUMNS)):
            problem = _name_problem(cell(column), length)
            if problem:
                text_problems.append(Problem.refused(name, line, column, problem))
        match = TAAKVELD_PATTERN.match(cell(TAAKVELD))
        if not match:
            text_problems.append(
                Problem(name, line, TAAKVELD, "{value!r} does not start with an Iv3 taakveld code such as '6.71a'", value=cell(TAAKVELD))
            )
        row_year, row_kind = year, kind
        if has_own_document:
            try:
                row_year = parse_year_text(cell(YEAR))
            except ValueError:
                text_problems.append(Problem(name, line, YEAR, "{value!r} is not a year", value=cell(YEAR)))
                row_year = None
            row_kind = cell(DOCUMENT).lower()
            if row_kind not in DOCUMENT_KINDS:
                text_problems.append(Problem(name, line, DOCUMENT, NOT_A_DOCUMENT, value=cell(DOCUMENT)))
        amounts = {}
        for column, key in ((LASTEN, "lasten_eur"), (BATEN, "baten_eur")):
            try:
                amounts[key] = parse_thousands_to_euros(cell(column))
            except ValueError as exc:
                text_problems.append(Problem.refused(name, line, column, exc))
        try:
            inhabitants = parse_whole_number(cell(INHABITANTS), Word("inhabitants"))
        except ValueError as exc:
            text_problems.append(Problem.refused(name, line, INHABITANTS, exc))
            inhabitants = None
        if not match or not municipality:
            continue
        key = (municipality, match.group(1), row_year, row_kind)
        if key in seen:
            text_problems.append(
                Problem(name, line, TAAKVELD, "{key} appears twice (first on line {first})", key=f"{municipality} / {match.group(1)}", first=seen[key])
            )
            continue
        seen[key] = line
        records.append(
            {
                "line": line,
                "municipality": municipality,
                "code": match.group(1),
                "name": match.group(2).strip(),
                "year": row_year,
                "kind": row_kind,
                "lasten_eur": amounts.get("lasten_eur"),
                "baten_eur": amounts.get("baten_eur"),
                "inhabitants": inhabitants,
                **{key: (cell(column) or None) for column, key in PROFILE_COLUMNS.items()},
            }
        )
    if text_problems:
        raise ImportFailed(text_problems)

    rows = pd.DataFrame.from_records(records)
    for column in ("lasten_eur", "baten_eur", "inhabitants"):
        rows[column] = rows[column].astype("Int64")
    warnings = []
    # CBS lists a municipality that delivered no figures with every amount 0 or empty (e.g. De Bilt,
    # begroting 2025): storing those zeros would show a budget of EUR 0, so such a document is left out.
    empty = (rows["lasten_eur"].fillna(0) == 0) & (rows["baten_eur"].fillna(0) == 0)
    no_figures = empty.groupby([rows["municipality"], rows["year"], rows["kind"]]).transform("all")
    for (municipality, yr, knd), part in rows[no_figures].groupby(["municipality", "year", "kind"], sort=False):
        warnings.append(
            f"{name}:{int(part['line'].min())}: {LASTEN}: {municipality} has no figures in {knd} {yr} "
            "(every amount is 0 or empty); not stored"
        )
    rows = rows[~no_figures].reset_index(drop=True)
    if rows.empty:
        raise ImportFailed([Problem(name, 2, LASTEN, "every amount in the file is 0 or empty: there is nothing to import")])
    if BATEN not in header and not has_own_document:
        warnings.append(f"{name}:1: {BATEN}: the file has no Baten column; baten of {kind} {year} are stored as unknown")
    if text.encoding != "utf-8":
        warnings.append(f"{name}: read as Latin-1 (Windows-1252) because it is not valid UTF-8")
    for code in unmapped_social_codes(rows["code"].unique(), mapping):
        first = int(rows.loc[rows["code"] == code, "line"].min())
        warnings.append(f"{name}:{first}: {TAAKVELD}: social-domain taakveld {code} is not in the theme mapping; it is stored but counted in no theme")
    conflicting = _conflicting_inhabitants(rows)
    for municipality, yr in conflicting:
        warnings.append(f"{name}: {INHABITANTS}: {municipality} has different inhabitant counts within {yr}; the first is kept")
    return Iv3Import(file=name, rows=rows, warnings=warnings)


def _name_problem(value: str, length: int) -> Refusal | None:
    """A name is one line of at most ``length`` characters (the schema's; a taakveld's code included)."""
    try:
        text_up_to(length)(value)
    except Refusal as refusal:
        return refusal
    if any(c in value for c in "\t\r\n"):
        return Refusal("a name must be one line, without tabs or line breaks")
    return None


def _conflicting_inhabitants(rows: pd.DataFrame) -> list[tuple[str, int]]:
    counts = rows.dropna(subset=["inhabitants"]).groupby(["municipality", "year", "kind"])["inhabitants"].nunique()
    return [(m, int(y)) for (m, y, _k), n in counts.items() if n > 1]
