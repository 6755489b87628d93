"""Read the classification and region files (``../shared/data/regions/``, and ``gemeenteklassen_2025.csv``
beside the Iv3 files) strictly: which kind a file is follows from its header.

| kind | columns read | stored as |
| --- | --- | --- |
| CBS 85067NED *Gebieden in Nederland* (``;``) | ``gm_code``, ``gemeentenaam``, ``jeugdregio``, ``arbeidsmarktregio``, ``stedelijkheid_code``, ``omgevingsadressendichtheid``, ``inwonertal`` | GM code, youth-care and labour-market region, urbanity code, address density |
| ``gemeenteklassen_<year>.csv`` (tab) | ``Gemeenten``, ``Provincie``, ``Gemeentegrootte``, ``Stedelijkheid`` | province, size class, urbanity |
| ``sociale_structuur_centrumfunctie_<year>.csv`` (tab) | ``Gemeenten``, ``Centrumfunctie``, ``Sociale structuur`` | the fund's classes |

Whole numbers only (no decimal comma or point appears in these files). A municipality merged after the
regions file's date (``data/municipality_successors.csv``) takes its predecessors' regions and their
inhabitant-weighted address density. A name that does not join to the stored Iv3 municipalities is an
error, never dropped. Nothing is written here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.config.paths import DATA_DIR
from dashboard.domain.limits import PROFILE_LENGTH
from dashboard.domain.peers import CENTRE_FUNCTION, SOCIAL_STRUCTURE
from dashboard.importers.names import NOT_JOINED, SAME_MUNICIPALITY, NameJoin
from dashboard.importers.problems import ImportFailed, Problem
from dashboard.importers.text_files import parse_whole_number, read_delimited

SUCCESSORS_FILE = DATA_DIR / "municipality_successors.csv"


@dataclass(frozen=True)
class RegionKind:
    name: str
    delimiter: str
    name_column: str
    #: source column → stored column (text unless in ``numbers``)
    columns: dict
    numbers: frozenset = frozenset()
    allowed: dict | None = None  # stored column → allowed values (empty = not classified)


AREAS = RegionKind(
    "regions (CBS Gebieden in Nederland)",
    ";",
    "gemeentenaam",
    {
        "gm_code": "gm_code",
        "jeugdregio": "youth_region",
        "arbeidsmarktregio": "labour_region",
        "stedelijkheid_code": "urbanity_code",
        "omgevingsadressendichtheid": "address_density",
        "inwonertal": "inhabitants",
    },
    frozenset({"urbanity_code", "address_density", "inhabitants"}),
)
CLASSES = RegionKind("classes (gemeenteklassen)", "\t", "Gemeenten", {"Provincie": "province", "Gemeentegrootte": "size_class", "Stedelijkheid": "urbanity"})
FUND_CLASSES = RegionKind(
    "fund classes (centre function, social structure)",
    "\t",
    "Gemeenten",
    {"Centrumfunctie": "centre_function", "Sociale structuur": "social_structure"},
    allowed={"centre_function": set(CENTRE_FUNCTION), "social_structure": set(SOCIAL_STRUCTURE)},
)
KINDS = (AREAS, CLASSES, FUND_CLASSES)
#: The columns a kind stores (inhabitants only weigh a successor's address density).
STORED_COLUMNS = {kind.name: [c for c in kind.columns.values() if c != "inhabitants"] for kind in KINDS}


@dataclass
class RegionsImport:
    files: list[str]
    kinds: list[str]
    frame: pd.DataFrame  # index stored municipality name; the columns of the kinds given

    def summary(self) -> str:
        return f"imported {', '.join(self.kinds)} for {len(self.frame)} municipalities from {len(self.files)} files"


def _kind_of(path: Path) -> RegionKind | None:
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            first = handle.readline()
    except OSError:
        return None  # read_delimited reports why
    for kind in KINDS:
        header = [h.strip() for h in first.rstrip("\r\n").split(kind.delimiter)]
        if kind.name_column in header and all(c in header for c in kind.columns):
            return kind
    return None


def _read(path: Path, kind: RegionKind, names: NameJoin, problems: list[Problem]) -> pd.DataFrame:
    text = read_delimited(path, kind.delimiter, [kind.name_column, *kind.columns])
    index = {h: i for i, h in enumerate(text.header)}
    rows, lines = {}, {}
    for line, cells in text.rows:
        source = cells[index[kind.name_column]]
        name = names.stored(source)
        if name is None:
            problems.append(Problem(str(path), line, kind.name_column, NOT_JOINED, name=source))
            continue
        if name in lines:
            problems.append(Problem(str(path), line, kind.name_column, SAME_MUNICIPALITY, name=source, first=lines[name]))
            continue
        lines[name] = line
        row = {}
        for column, stored in kind.columns.items():
            cell = cells[index[column]]
            if stored in kind.numbers:
                try:
                    row[stored] = parse_whole_number(cell, column)
                except ValueError as error:
                    problems.append(Problem.refused(str(path), line, column, error))
                continue
            if len(cell) > PROFILE_LENGTH:
                problems.append(Problem(str(path), line, column, "longer than {length} characters", length=PROFILE_LENGTH))
            allowed = (kind.allowed or {}).get(stored)
            if allowed is not None and cell and cell not in allowed:
                problems.append(Problem(str(path), line, column, "{value!r} is not a class; use one of {allowed} (or leave it empty)", value=cell, allowed=", ".join(allowed)))
            row[stored] = cell or None
        rows[name] = row
    return pd.DataFrame.from_dict(rows, orient="index")


def _successors(frame: pd.DataFrame) -> pd.DataFrame:
    """A municipality merged after the file's date takes its predecessors' regions (the first's) and
    their inhabitant-weighted address density; without predecessors in the file nothing changes."""
    with open(SUCCESSORS_FILE, newline="", encoding="utf-8-sig") as handle:
        pairs = list(csv.DictReader(handle))
    by_successor: dict[str, list[str]] = {}
    for pair in pairs:
        by_successor.setdefault(pair["successor"], []).append(pair["predecessor"])
    for successor, predecessors in by_successor.items():
        old = frame.reindex([p for p in predecessors if p in frame.index])
        if successor in frame.index or old.empty:
            continue
        row = old.iloc[0].copy()
        people = old["inhabitants"].astype(float)
        row["address_density"] = round(float((old["address_density"] * people).sum() / people.sum()))
        row["inhabitants"] = int(people.sum())
        row["gm_code"] = None
        frame.loc[successor] = row
    return frame


def parse_regions(paths: list[Path], known: set[str]) -> RegionsImport:
    """Every file validated completely; raises ImportFailed with every problem found."""
    names = NameJoin(known)
    problems: list[Problem] = []
    frames, kinds = {}, {}
    for path in map(Path, paths):
        kind = _kind_of(path)
        if kind is None:
            if not path.is_file():
                problems.append(Problem(str(path), 0, "-", "cannot read the file"))
            else:
                problems.append(
                    Problem(
                        str(path),
                        1,
                        "-",
                        "not a regions or classes file: expected the header of CBS Gebieden in Nederland "
                        "(gm_code;gemeentenaam;…), gemeenteklassen (Gemeenten, Provincie, Gemeentegrootte, "
                        "Stedelijkheid) or the fund classes (Gemeenten, Centrumfunctie, Sociale structuur)",
                    )
                )
            continue
        if kind.name in kinds:
            problems.append(Problem(str(path), 0, "-", "a second file of {kind} (the first is {first}): give one", kind=kind.name, first=kinds[kind.name]))
            continue
        kinds[kind.name] = str(path)
        try:
            frame = _read(path, kind, names, problems)
        except ImportFailed as failure:
            problems.extend(failure.problems)
            continue
        frames[kind.name] = _successors(frame) if kind is AREAS else frame
    if problems:
        raise ImportFailed(problems)
    joined = pd.concat([frames[k].reindex(columns=STORED_COLUMNS[k]) for k in frames], axis=1)
    return RegionsImport([str(p) for p in paths], list(kinds), joined.sort_index())
