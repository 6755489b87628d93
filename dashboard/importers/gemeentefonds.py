"""Read the gemeentefonds circular files (``../shared/data/gemeentefonds/``) strictly.

Tab-separated, **decimal comma and thousands point** (``1.275,67``): read that way here and only here
(``dutch_number``); ``Uitkeringsfactor.csv`` is comma-separated with a decimal point. Names are the
fund's (``Beek``, ``Groningen``): ``gemeentenamen.csv`` and ``data/municipality_names.csv`` turn them
into the stored Iv3 names, and a name that still does not join is an error, never dropped.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from dashboard.domain.fund import CLUSTERS, Circular
from dashboard.importers.iv3 import municipality_aliases
from dashboard.importers.problems import ImportFailed, Problem
from dashboard.importers.text_files import read_delimited

FILE_PATTERN = re.compile(r"^GF_(?P<code>[MS]\d{4})_(?P<year>\d{4})_Volumina\.csv$")
#: 1.275,67 or 1275,67; a few WOZ volumes are written in scientific notation (1,94044E+11)
DUTCH_NUMBER = re.compile(r"^-?(\d{1,3}(\.\d{3})*|\d+)(,\d+)?([eE][+-]?\d+)?$")
NAME, CODE, MEASURE_CODE, MEASURE_NAME = "Naam", "CBS", "Codering maatstaf", "Naam maatstaf"


def dutch_number(text: str) -> float:
    """``1.275,67`` → 1275.67; ``0,00`` → 0.0. Raises ValueError for anything else (``1,2,3``, ``12.34``)."""
    text = text.strip()
    if not DUTCH_NUMBER.match(text):
        raise ValueError(f"{text!r} is not a number with a decimal comma (e.g. 1.275,67)")
    return float(text.replace(".", "").replace(",", "."))


def _fund_names(directory: Path) -> dict[str, tuple[str, str]]:
    """Each spelling in ``gemeentenamen.csv`` → its pair (Iv3naam, GFnaam). The real files use either
    spelling on either side (the circulars write ``Groningen (gemeente)``, the ten-year Iv3 file
    ``Groningen``), so a name joins when either of its pair is stored."""
    path = directory / "gemeentenamen.csv"
    names = {}
    if path.exists():
        for line, cells in read_delimited(path, "\t", ["Iv3naam", "GFnaam"]).rows:
            names[cells[0]] = names[cells[1]] = (cells[0], cells[1])
    return names


def _factors(directory: Path) -> dict[tuple[str, int], float]:
    path = directory / "Uitkeringsfactor.csv"
    text = read_delimited(path, ",", ["Circulaire", "Jaar", "Uitkeringsfactor"])
    index = {h: i for i, h in enumerate(text.header)}
    factors, problems = {}, []
    for line, cells in text.rows:
        try:
            factors[(cells[index["Circulaire"]], int(cells[index["Jaar"]]))] = float(cells[index["Uitkeringsfactor"]])
        except ValueError:
            problems.append(Problem(str(path), line, "Uitkeringsfactor", f"{cells[index['Uitkeringsfactor']]!r} is not a number"))
    if problems:
        raise ImportFailed(problems)
    return factors


#: Columns that name a municipality; every other column is a number (M2024_2025's SIUDU file has no Prov).
LABEL_COLUMNS = frozenset({"CBS", "Naam", "Prov"})


def _table(path: Path, key: str, problems: list[Problem], key_name=None) -> pd.DataFrame:
    """Rows keyed on ``key``, every column but the labels numeric; duplicate headers must repeat
    the same values (S2023's SIUDU file has ``CBS`` twice)."""
    text = read_delimited(path, "\t", [key])
    header = text.header
    seen, keep = {}, []
    for i, column in enumerate(header):
        if column in seen:
            for line, cells in text.rows:
                if cells[i] != cells[seen[column]]:
                    problems.append(Problem(str(path), line, column, "the column appears twice with different values"))
                    break
        else:
            seen[column] = i
            keep.append(i)
    records, keys = [], []
    for line, cells in text.rows:
        name = cells[header.index(key)]
        name = key_name(name) if key_name else name
        values = {}
        for i in keep:
            if header[i] in LABEL_COLUMNS:
                continue
            cell = cells[i]
            try:
                # empty and "-" (the SIUDU files' nil) are no payment
                values[header[i]] = dutch_number(cell) if cell not in ("", "-") else 0.0
            except ValueError as exc:
                problems.append(Problem(str(path), line, header[i], str(exc)))
        keys.append(name)
        records.append(values)
    return pd.DataFrame(records, index=keys)


def read_gemeentefonds(directory: Path, known: set[str]) -> list[Circular]:
    """Every circular in ``directory`` (``GF_<C><year>_<payment year>_{Volumina,Gewichten,SIUDU}.csv``).

    ``known``: the stored municipality names; every fund name must join to one. Raises ImportFailed."""
    directory = Path(directory)
    fund_names = _fund_names(directory)
    aliases = municipality_aliases()
    factors = _factors(directory)
    problems: list[Problem] = []
    circulars = []

    def stored(name: str) -> str:
        for candidate in (name, *fund_names.get(name, ())):
            candidate = aliases.get(candidate, candidate)
            if candidate in known:
                return candidate
        return name

    found = sorted(p for p in directory.iterdir() if FILE_PATTERN.match(p.name))
    if not found:
        raise ImportFailed([Problem(str(directory), 0, "-", "no GF_<circular>_<year>_Volumina.csv files in this folder")])
    for volumes_path in found:
        match = FILE_PATTERN.match(volumes_path.name)
        code, year = match["code"], int(match["year"])
        weights_path = volumes_path.with_name(volumes_path.name.replace("Volumina", "Gewichten"))
        siudu_path = volumes_path.with_name(volumes_path.name.replace("Volumina", "SIUDU"))
        for path in (weights_path, siudu_path):
            if not path.exists():
                problems.append(Problem(str(path), 0, "-", "the file is missing: a circular needs Volumina, Gewichten and SIUDU"))
        if (code, year) not in factors:
            problems.append(Problem(str(directory / "Uitkeringsfactor.csv"), 0, "Circulaire", f"no payment factor for {code} {year}"))
        if problems:
            continue
        volumes = _table(volumes_path, NAME, problems, stored)
        siudu = _table(siudu_path, NAME, problems, stored)
        weight_text = read_delimited(weights_path, "\t", [MEASURE_CODE, MEASURE_NAME, *CLUSTERS])
        index = {h: i for i, h in enumerate(weight_text.header)}
        measure_rows, siudu_rows = {}, {}
        for line, cells in weight_text.rows:
            row = {}
            for cluster in CLUSTERS:
                try:
                    row[cluster] = dutch_number(cells[index[cluster]] or "0")
                except ValueError as exc:
                    problems.append(Problem(str(weights_path), line, cluster, str(exc)))
            measure = cells[index[MEASURE_CODE]]
            (measure_rows.__setitem__(measure, row) if measure else siudu_rows.__setitem__(cells[index[MEASURE_NAME]], row))
        for path, frame in ((volumes_path, volumes), (siudu_path, siudu)):
            for line_offset, name in enumerate(frame.index):
                if name not in known:
                    problems.append(Problem(str(path), line_offset + 2, NAME, f"{name!r} does not join to the Iv3 municipalities (add it to gemeentenamen.csv or data/municipality_names.csv)"))
        circulars.append(Circular(
            code, year, factors.get((code, year), 0.0), volumes,
            pd.DataFrame.from_dict(measure_rows, orient="index"), siudu,
            pd.DataFrame.from_dict(siudu_rows, orient="index"),
        ))
    if problems:
        raise ImportFailed(problems)
    return circulars


def read_names_file(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return [row[0] for row in csv.reader(handle)]
