"""A small edit of a municipality's results layer (a story's text, a value, a target) stored the way an import is.

The stored layer is read back as the cell text of its four files, the one change is made in a cell, and
the whole layer goes through the importer's own cell parsers and checks and its write
(``import_project_files``), so an edit can never pass a rule an import would fail. The result is a draft,
as every import is; the admin publishes it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import Connection, Engine

from dashboard.importers.indicators import FILE_SET, cells
from dashboard.importers.problems import ImportFailed, Problem
from dashboard.importers.project import ImportOptions, file_set_from_cells
from dashboard.ingest.project import ProjectImport, import_project_files
from dashboard.store.indicators import read_results_layer

SHOWN = "edit"  # the directory name problems put before a file name: edit/indicator_values.csv:12: value: ...


@dataclass(frozen=True)
class CellEdit:
    """Set ``new`` cells in the row of ``file`` whose cells equal ``match`` (a row is added when none does),
    or in the row at position ``row`` (stories have no key)."""

    file: str
    new: dict[str, str]
    match: dict[str, str] | None = None
    row: int | None = None


@dataclass(frozen=True)
class EditOutcome:
    imported: ProjectImport
    old: dict[str, str] | None  # the changed cells before the edit; None: a new row
    line: int  # the edited row's line in its file (as named in problems)
    row: dict[str, str]  # the edited row's cells after the edit


class EditRefused(ImportFailed):
    """The edited layer breaks a rule; ``file`` and ``line`` name the edited row, so its problems can be shown by field."""

    def __init__(self, problems: list[Problem], file: str, line: int):
        super().__init__(problems)
        self.file, self.line = file, line

    def of_the_edited_row(self) -> list[Problem]:
        return [p for p in self.problems if p.file == self.file and p.line == self.line]


def stored_cells(conn: Connection, municipality: str) -> dict[str, list[dict[str, str]]] | None:
    """The municipality's results layer as the cell text of its four files; None without a layer."""
    layer = read_results_layer(conn, municipality)
    return None if layer is None else cells(layer)


def edit_results_layer(
    engine: Engine, municipality: str, edit: CellEdit, dry_run: bool,
    audit: Callable[[Connection, ProjectImport, EditOutcome], None] | None = None,
) -> EditOutcome:
    """Apply ``edit`` to the stored layer and import the result as a draft (``dry_run``: check only), the
    layer read inside the import's own write transaction. ``EditRefused`` with every problem (the store
    unchanged) when the edited layer breaks a rule; ``ImportFailed`` without a layer or row to edit."""
    found: dict = {}

    def edited_files(conn: Connection):
        tables = stored_cells(conn, municipality)
        if tables is None:
            raise ImportFailed([Problem(f"{SHOWN}/{edit.file}", 0, "-", "{municipality} has no results layer yet; upload it first", municipality=municipality)])
        rows = tables[edit.file]
        position = edit.row if edit.row is not None else next(
            (i for i, r in enumerate(rows) if all(r.get(k) == v for k, v in (edit.match or {}).items())), None)
        if position is None or not 0 <= position < len(rows):
            if edit.match is None:
                raise ImportFailed([Problem(f"{SHOWN}/{edit.file}", 0, "-", "that row does not exist (any more)")])
            rows.append({**edit.match})
            position, old = len(rows) - 1, None
        else:
            old = {k: rows[position].get(k, "") for k in edit.new}
        rows[position].update(edit.new)
        found.update(old=old, line=position + 2, row=dict(rows[position]))
        try:
            return file_set_from_cells(FILE_SET, tables, SHOWN)
        except ImportFailed as failure:
            raise EditRefused(failure.problems, f"{SHOWN}/{edit.file}", position + 2) from None

    def with_outcome(conn, result):
        if audit is not None:
            audit(conn, result, EditOutcome(result, **found))

    try:
        imported = import_project_files(engine, edited_files, ImportOptions(publish=False), dry_run=dry_run, audit=None if dry_run else with_outcome)
    except EditRefused:
        raise
    except ImportFailed as failure:
        if "line" not in found:
            raise
        raise EditRefused(failure.problems, f"{SHOWN}/{edit.file}", found["line"]) from None
    return EditOutcome(imported, **found)
