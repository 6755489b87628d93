"""``python -m dashboard import DIR``: the project's own CSV files, all validated, stored in one transaction.

Each feature (programmes and providers, indicators, ...) contributes a ``FileSet`` from its own
module, listed in ``FEATURE_MODULES``: the tables it reads, the cross-file checks it makes, and how
it writes. A feature whose files are all absent from DIR is skipped; one that is partly present is
an error. Any problem anywhere → ``ImportFailed`` and nothing is written.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd
from sqlalchemy.engine import Connection, Engine

from dashboard.importers.problems import ImportFailed, Problem
from dashboard.importers.tables import TableSpec, read_table

#: Modules in ``dashboard.importers`` that define ``FILE_SET``. Order matters: later ones may refer to earlier ones.
FEATURE_MODULES: tuple[str, ...] = ("programmes", "indicators")


@dataclass(frozen=True)
class ImportOptions:
    publish: bool = False  # project imports start as draft unless --publish

    @property
    def status(self) -> str:
        return "published" if self.publish else "draft"


@dataclass(frozen=True)
class FileSet:
    name: str
    tables: tuple[TableSpec, ...]
    #: (frames of this import by file name, read-only connection, directory display name) → problems
    check: Callable[[dict[str, pd.DataFrame], Connection, str], list[Problem]]
    #: (connection inside the import transaction, frames, options) → one summary phrase
    write: Callable[[Connection, dict[str, pd.DataFrame], ImportOptions], str]


@dataclass
class ProjectImport:
    directory: str
    summaries: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"imported {self.directory}: " + "; ".join(self.summaries)


def file_sets() -> list[FileSet]:
    return [importlib.import_module(f"{__package__}.{name}").FILE_SET for name in FEATURE_MODULES]


def import_project_directory(engine: Engine, directory: Path, options: ImportOptions = ImportOptions()) -> ProjectImport:
    """Validate every file of every feature present in ``directory``; store all or nothing."""
    from dashboard.store.writer import bump_version

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
        for spec in file_set.tables:
            path = directory / spec.file_name
            display = f"{shown}/{spec.file_name}"
            if not path.exists():
                problems.append(Problem(display, 0, "-", f"missing: {file_set.name} needs this file too"))
                continue
            result = read_table(path, spec, display)
            problems.extend(result.problems)
            if result.frame is not None:
                frames[spec.file_name] = result.frame
    if not present_sets and not problems:
        expected = ", ".join(spec.file_name for fs in file_sets() for spec in fs.tables)
        problems.append(Problem(shown, 0, "-", f"no project files found; expected some of: {expected}"))
    if problems:
        raise ImportFailed(problems)
    with engine.connect() as conn:
        for file_set in present_sets:
            problems.extend(file_set.check(frames, conn, shown))
    if problems:
        raise ImportFailed(problems)
    result = ProjectImport(shown)
    with engine.begin() as conn:
        for file_set in present_sets:
            result.summaries.append(file_set.write(conn, frames, options))
        bump_version(conn)
    return result
