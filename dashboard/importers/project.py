"""The project's own CSV files (``python -m dashboard import DIR``): read and validated, never stored here.

Each feature (programmes and providers, indicators, ...) contributes a ``FileSet`` from its own
module, listed in ``FEATURE_MODULES``: the tables it reads, the cross-file checks it makes against
what the store already holds (asked through ``KnownInStore``), and the plain records it hands to the
store. A feature whose files are all absent from DIR is skipped; one that is partly present is an
error. Any problem anywhere → ``ImportFailed``. ``dashboard.ingest`` runs the steps and writes.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pandas as pd

from dashboard.domain.refusal import Word
from dashboard.importers.problems import ImportFailed, Problem
from dashboard.importers.tables import TableSpec, parse_table, read_table
from dashboard.importers.text_files import tabulate

#: Modules in ``dashboard.importers`` that define ``FILE_SET``. Order matters: later ones may refer to earlier ones.
FEATURE_MODULES: tuple[str, ...] = ("programmes", "indicators", "savings", "learning")
#: A reference to a municipality the store does not know (the allocations and every one-municipality layer).
UNKNOWN_MUNICIPALITY = "unknown municipality {municipality!r}: import its CBS Iv3 figures first"
#: References the cross-file checks of several file sets make (a file of this import, or the store).
UNKNOWN_PROGRAMME = "unknown programme {programme!r}: it is neither in {file} nor in the store"
UNKNOWN_PROVIDER = "unknown provider {provider!r}: it is neither in {file} nor in the store"
UNKNOWN_INDICATOR = "unknown indicator {indicator!r}: it is not in {file}"
NO_SUCH_INDICATOR = "unknown indicator {indicator!r}: {municipality} has no such indicator (import its indicators first)"


@dataclass(frozen=True)
class ImportOptions:
    publish: bool = False  # project imports start as draft unless --publish

    @property
    def status(self) -> str:
        return "published" if self.publish else "draft"


class KnownInStore(Protocol):
    """What the cross-file checks need to know of the store (``store.facts.StoreFacts`` answers it)."""

    def municipalities(self) -> set[str]: ...

    def taakveld_codes(self, names: list[str]) -> dict[tuple[str, int, str], set[str]]: ...

    def programme_themes(self) -> dict[str, str]: ...

    def provider_slugs(self) -> set[str]: ...

    def indicator_slugs(self, name: str) -> set[str]: ...


@dataclass(frozen=True)
class FileSet:
    name: str
    tables: tuple[TableSpec, ...]
    #: (frames of this import by file name, what the store knows, directory display name) → problems
    check: Callable[[dict[str, pd.DataFrame], KnownInStore, str], list[Problem]]
    #: (checked frames, options) → keyword arguments of the store's writer for this feature
    records: Callable[[dict[str, pd.DataFrame], ImportOptions], dict]


@dataclass(frozen=True)
class ProjectFiles:
    """The readable files of one directory: every cell parsed, not yet checked against the store."""

    directory: str  # as shown in messages
    frames: dict[str, pd.DataFrame]
    file_sets: tuple[FileSet, ...]  # the features present


def file_sets() -> list[FileSet]:
    return [importlib.import_module(f"{__package__}.{name}").FILE_SET for name in FEATURE_MODULES]


def read_project_directory(directory: Path) -> ProjectFiles:
    """Parse every file of every feature present in ``directory``; ``ImportFailed`` lists every problem."""
    directory = Path(directory)
    shown = str(directory).rstrip("/")
    if not directory.is_dir():
        raise ImportFailed([Problem(shown, 0, "-", "is not a directory")])
    problems: list[Problem] = []
    frames: dict[str, pd.DataFrame] = {}
    present_sets: list[FileSet] = []
    for file_set in file_sets():
        present = [spec for spec in file_set.tables if (directory / spec.file_name).exists()]
        if not present:
            continue
        present_sets.append(file_set)
        problems.extend(_read_tables(directory, file_set, shown, frames))
    if not present_sets and not problems:
        expected = ", ".join(spec.file_name for fs in file_sets() for spec in fs.tables)
        problems.append(Problem(shown, 0, "-", "no project files found; expected some of: {expected}", expected=expected))
    if problems:
        raise ImportFailed(problems)
    return ProjectFiles(shown, frames, tuple(present_sets))


def read_file_set(directory: Path, file_set: FileSet, shown: str) -> ProjectFiles:
    """Parse the CSV files of one feature in ``directory`` (an upload), named ``{shown}/{file}`` in problems."""
    frames: dict[str, pd.DataFrame] = {}
    problems = _read_tables(Path(directory), file_set, shown, frames)
    if problems:
        raise ImportFailed(problems)
    return ProjectFiles(shown, frames, (file_set,))


def file_set_from_cells(file_set: FileSet, tables: dict[str, list[dict[str, str]]], shown: str) -> ProjectFiles:
    """Parse one feature's tables given as cell text (a stored layer with an edit applied) exactly as its
    CSV files would be, line 1 the header; ``ImportFailed`` lists every problem, named ``{shown}/{file}``."""
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for spec in file_set.tables:
        display = f"{shown}/{spec.file_name}"
        header = spec.column_names
        rows = [(line, [row.get(column, "") for column in header]) for line, row in enumerate(tables.get(spec.file_name, []), start=2)]
        try:
            result = parse_table(tabulate(display, header, rows, spec.required_names), spec, display)
        except ImportFailed as failure:
            problems.extend(failure.problems)
            continue
        problems.extend(result.problems)
        frames[spec.file_name] = result.frame
    if problems:
        raise ImportFailed(problems)
    return ProjectFiles(shown, frames, (file_set,))


def file_set_named(name: str) -> FileSet | None:
    return next((file_set for file_set in file_sets() if file_set.name == name), None)


def _read_tables(directory: Path, file_set: FileSet, shown: str, frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Parse each file of ``file_set`` into ``frames``; the problems found (a missing file among them)."""
    problems: list[Problem] = []
    for spec in file_set.tables:
        path = directory / spec.file_name
        display = f"{shown}/{spec.file_name}"
        if not path.exists():
            problems.append(Problem(display, 0, "-", "missing: {file_set} needs this file too", file_set=Word(file_set.name)))
            continue
        result = read_table(path, spec, display)
        problems.extend(result.problems)
        if result.frame is not None:
            frames[spec.file_name] = result.frame
    return problems


def check_project(files: ProjectFiles, known: KnownInStore) -> None:
    """The cross-file checks of every present feature against ``known``; ``ImportFailed`` lists them all."""
    problems: list[Problem] = []
    for file_set in files.file_sets:
        problems.extend(file_set.check(files.frames, known, files.directory))
    if problems:
        raise ImportFailed(problems)


def one_municipality(rows: list[dict], known_in_store: KnownInStore, name: str, what: Word) -> list[Problem]:
    """Every row names the same municipality, and the store knows it (its CBS figures were imported):
    a results, savings or learning layer belongs to one municipality. ``what``: the rows, for the message."""
    if not rows:
        return [Problem(name, 1, "municipality", "no {what}: an import holds one municipality's layer and needs at least one row", what=what)]
    known = known_in_store.municipalities()
    first = rows[0]
    problems = []
    for row in rows:
        if row["municipality"] != first["municipality"]:
            problems.append(
                Problem(
                    name, int(row["line"]), "municipality",
                    "{municipality!r}: one import holds one municipality's layer, and line {first_line} says {first!r}",
                    municipality=row["municipality"], first_line=int(first["line"]), first=first["municipality"],
                )
            )
        elif row["municipality"] not in known:
            problems.append(Problem(name, int(row["line"]), "municipality", UNKNOWN_MUNICIPALITY, municipality=row["municipality"]))
    return problems
