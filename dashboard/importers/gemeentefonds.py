"""Read the gemeentefonds circular files (``../shared/data/gemeentefonds/``) strictly.

Tab-separated, **decimal comma and thousands point** (``1.275,67``): read that way here and only here
(``dutch_number``); ``Uitkeringsfactor.csv`` is comma-separated with a decimal point. Names are the
fund's (``Beek``, ``Groningen``): ``importers.names`` joins them to the stored Iv3 names, and a name that
still does not join is an error, never dropped. Nothing is written here: ``parse_gemeentefonds`` gives
what ``store.compare_tables.store_fund`` writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.domain.fund import CLUSTERS, FUND_MEASURES, Circular, cluster_payments
from dashboard.domain.refusal import Refusal
from dashboard.importers.names import NOT_JOINED, SAME_MUNICIPALITY, NameJoin, read_name_pairs
from dashboard.importers.problems import ImportFailed, Problem
from dashboard.importers.text_files import finite_decimal, read_delimited

FILE_PATTERN = re.compile(r"^GF_(?P<code>[MS]\d{4})_(?P<year>\d{4})_Volumina\.csv$")
#: 1.275,67 or 1275,67; a few WOZ volumes are written in scientific notation (1,94044E+11)
DUTCH_NUMBER = re.compile(r"^-?(\d{1,3}(\.\d{3})*|\d+)(,\d+)?([eE][+-]?\d+)?$")
NAME, MEASURE_CODE, MEASURE_NAME = "Naam", "Codering maatstaf", "Naam maatstaf"
#: Columns that name a municipality; every other column is a number (M2024_2025's SIUDU file has no Prov).
LABEL_COLUMNS = frozenset({"CBS", "Naam", "Prov"})


def dutch_number(text: str) -> float:
    """``1.275,67`` → 1275.67; ``0,00`` → 0.0. Raises ValueError for anything else (``1,2,3``, ``12.34``)."""
    text = text.strip()
    if not DUTCH_NUMBER.match(text):
        raise Refusal("{value!r} is not a number with a decimal comma and thousands point (e.g. 1.275,67)", value=text)
    return float(text.replace(".", "").replace(",", "."))


@dataclass
class FundImport:
    """What the circulars in a folder give: per (circular, payment year) the cluster payments, the
    head counts comparison divides by, and every quirk resolved or reported."""

    folder: str
    circulars: list[Circular]
    payments: pd.DataFrame  # circular, payment_year, factor, municipality, cluster, theme, measures_eur, siudu_eur, payment_eur
    volumes: pd.DataFrame  # circular, payment_year, municipality, one column per FUND_MEASURES value
    notes: pd.DataFrame  # circular, payment_year, note

    def summary(self) -> str:
        labels = ", ".join(f"{c.code} {c.payment_year}" for c in self.circulars)
        return (
            f"imported {len(self.circulars)} gemeentefonds circulars ({labels}) for "
            f"{self.payments['municipality'].nunique()} municipalities; {len(self.notes)} notes on spelling quirks"
        )


def _factors(path: Path) -> dict[tuple[str, int], float]:
    text = read_delimited(path, ",", ["Circulaire", "Jaar", "Uitkeringsfactor"])
    index = {h: i for i, h in enumerate(text.header)}
    factors, problems = {}, []
    for line, cells in text.rows:
        try:
            year = int(finite_decimal(cells[index["Jaar"]]))
        except ValueError:
            problems.append(Problem(str(path), line, "Jaar", "{value!r} is not a year", value=cells[index["Jaar"]]))
            continue
        try:
            factors[(cells[index["Circulaire"]], year)] = float(finite_decimal(cells[index["Uitkeringsfactor"]]))
        except ValueError:
            problems.append(
                Problem(str(path), line, "Uitkeringsfactor", "{value!r} is not a number with a decimal point (e.g. 1.457)", value=cells[index["Uitkeringsfactor"]])
            )
    if problems:
        raise ImportFailed(problems)
    return factors


def _table(path: Path, problems: list[Problem], names: NameJoin, required=()) -> pd.DataFrame:
    """Rows keyed on the stored municipality name, every column but the labels numeric. Duplicate
    headers must repeat the same values (S2023's SIUDU file has ``CBS`` twice); a name that does not
    join, or two rows of one municipality, are problems."""
    try:
        text = read_delimited(path, "\t", [NAME, *required])
    except ImportFailed as failure:
        problems.extend(failure.problems)
        return pd.DataFrame()
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
    records, keys, lines = [], [], {}
    for line, cells in text.rows:
        source = cells[header.index(NAME)]
        name = names.stored(source)
        if name is None:
            problems.append(Problem(str(path), line, NAME, NOT_JOINED, name=source))
            continue
        if name in lines:
            problems.append(Problem(str(path), line, NAME, SAME_MUNICIPALITY, name=source, first=lines[name]))
            continue
        lines[name] = line
        values = {}
        for i in keep:
            if header[i] in LABEL_COLUMNS:
                continue
            cell = cells[i]
            try:
                # empty and "-" (the SIUDU files' nil) are no payment
                values[header[i]] = dutch_number(cell) if cell not in ("", "-") else 0.0
            except ValueError as exc:
                problems.append(Problem.refused(str(path), line, header[i], exc))
        keys.append(name)
        records.append(values)
    return pd.DataFrame(records, index=keys)


def _weights(path: Path, problems: list[Problem]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(measure code → € per unit per cluster, SIUDU item → share per cluster); rows without a code are SIUDU."""
    try:
        text = read_delimited(path, "\t", [MEASURE_CODE, MEASURE_NAME, *CLUSTERS])
    except ImportFailed as failure:
        problems.extend(failure.problems)
        return pd.DataFrame(), pd.DataFrame()
    index = {h: i for i, h in enumerate(text.header)}
    measure_rows, siudu_rows = {}, {}
    for line, cells in text.rows:
        row = {}
        for cluster in CLUSTERS:
            try:
                row[cluster] = dutch_number(cells[index[cluster]] or "0")
            except ValueError as exc:
                problems.append(Problem.refused(str(path), line, cluster, exc))
        code, label = cells[index[MEASURE_CODE]], cells[index[MEASURE_NAME]]
        target, key = (measure_rows, code) if code else (siudu_rows, label)
        if key in target:
            problems.append(Problem(str(path), line, MEASURE_CODE if code else MEASURE_NAME, "{key!r} appears twice", key=key))
        target[key] = row
    return (
        pd.DataFrame.from_dict(measure_rows, orient="index", columns=list(CLUSTERS)),
        pd.DataFrame.from_dict(siudu_rows, orient="index", columns=list(CLUSTERS)),
    )


def read_gemeentefonds(directory: Path, known: set[str]) -> list[Circular]:
    """Every circular in ``directory`` (``GF_<C><year>_<payment year>_{Volumina,Gewichten,SIUDU}.csv``).

    ``known``: the stored municipality names; every fund name must join to one. Raises ImportFailed."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ImportFailed([Problem(str(directory), 0, "-", "not a folder: give the folder with the GF_*.csv files")])
    names_path = directory / "gemeentenamen.csv"
    names = NameJoin(known, read_name_pairs(names_path) if names_path.exists() else {})
    factors = _factors(directory / "Uitkeringsfactor.csv")
    problems: list[Problem] = []
    circulars = []
    found = sorted(p for p in directory.iterdir() if FILE_PATTERN.match(p.name))
    if not found:
        raise ImportFailed([Problem(str(directory), 0, "-", "no GF_<circular>_<year>_Volumina.csv files in this folder")])
    for volumes_path in found:
        match = FILE_PATTERN.match(volumes_path.name)
        code, year = match["code"], int(match["year"])
        weights_path = volumes_path.with_name(volumes_path.name.replace("Volumina", "Gewichten"))
        siudu_path = volumes_path.with_name(volumes_path.name.replace("Volumina", "SIUDU"))
        missing = [p for p in (weights_path, siudu_path) if not p.exists()]
        for path in missing:
            problems.append(Problem(str(path), 0, "-", "the file is missing: a circular needs Volumina, Gewichten and SIUDU"))
        if (code, year) not in factors:
            problems.append(Problem(str(directory / "Uitkeringsfactor.csv"), 0, "Circulaire", "no payment factor for {circular} {year}", circular=code, year=year))
        if missing:
            continue
        volumes = _table(volumes_path, problems, names, required=tuple(FUND_MEASURES))
        siudu = _table(siudu_path, problems, names)
        weights, siudu_weights = _weights(weights_path, problems)
        if not volumes.empty and not siudu.empty:
            for name in sorted(set(volumes.index) ^ set(siudu.index)):
                path = siudu_path if name in volumes.index else volumes_path
                problems.append(Problem(str(path), 0, NAME, "{name!r} is in one file of circular {circular} {year} but not in this one", name=name, circular=code, year=year))
        circulars.append(Circular(code, year, factors.get((code, year), 0.0), volumes, weights, siudu, siudu_weights))
    if problems:
        raise ImportFailed(problems)
    return circulars


def parse_gemeentefonds(directory: Path, known: set[str]) -> FundImport:
    """Read every circular and compute its cluster payments (``domain.fund``). Raises ImportFailed."""
    circulars = read_gemeentefonds(directory, known)
    payments, volumes, notes, problems = [], [], [], []
    for c in circulars:
        try:
            frame, circular_notes = cluster_payments(c)
        except ValueError as error:  # a weight whose measure has no volume: the payment would be wrong
            problems.append(Problem.refused(str(Path(directory) / f"GF_{c.code}_{c.payment_year}_Gewichten.csv"), 0, MEASURE_CODE, error))
            continue
        frame.insert(0, "factor", c.factor)
        frame.insert(0, "payment_year", c.payment_year)
        frame.insert(0, "circular", c.code)
        payments.append(frame)
        counts = c.volumes[list(FUND_MEASURES)].rename(columns=FUND_MEASURES).rename_axis("municipality").reset_index()
        counts.insert(0, "payment_year", c.payment_year)
        counts.insert(0, "circular", c.code)
        volumes.append(counts)
        notes += [{"circular": c.code, "payment_year": c.payment_year, "note": n} for n in circular_notes]
    if problems:
        raise ImportFailed(problems)
    return FundImport(
        str(directory),
        circulars,
        pd.concat(payments, ignore_index=True),
        pd.concat(volumes, ignore_index=True),
        pd.DataFrame(notes, columns=["circular", "payment_year", "note"]),
    )
