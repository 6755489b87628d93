"""A file set as one Excel workbook (.xlsx): a sheet per file, named as the file without ``.csv``.

Every sheet is read as the CSV file would be: the same table checks (``text_files.tabulate``) and the
same cell parsers (``tables.parse_table``), so a rule has one copy. openpyxl reads in read-only mode and
takes the values a formula last computed, never the formula. Problems name workbook, sheet and row
(``located``), also those the cross-file checks found.
"""
from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path

from dashboard.config.settings import max_import_bytes
from dashboard.domain.refusal import Word
from dashboard.importers.problems import ImportFailed, Problem
from dashboard.importers.project import FileSet, ProjectFiles
from dashboard.importers.tables import parse_table
from dashboard.importers.text_files import tabulate

WORKBOOK_SUFFIX = ".xlsx"


def read_workbook(path: Path, file_set: FileSet, shown: str, max_bytes: int | None = None) -> ProjectFiles:
    """Parse every sheet ``file_set`` needs from the workbook at ``path``; ``ImportFailed`` lists every
    problem (named ``{shown}/{file}`` like a directory's, for ``located``)."""
    from openpyxl import load_workbook

    _check_size(Path(path), shown, max_import_bytes() if max_bytes is None else max_bytes)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise ImportFailed([Problem(shown, 0, "-", "cannot be read as an Excel .xlsx workbook ({error})", error=type(error).__name__)]) from error
    problems: list[Problem] = []
    frames = {}
    try:
        for spec in file_set.tables:
            display = f"{shown}/{spec.file_name}"
            if spec.sheet_name not in book.sheetnames:
                problems.append(Problem(display, 0, "-", "missing: {file_set} needs a sheet {name!r} too", file_set=Word(file_set.name), name=spec.sheet_name))
                continue
            rows = book[spec.sheet_name].iter_rows(values_only=True)
            header = [cell_text(value).strip() for value in _trimmed(next(rows, ()))]
            if not header:
                problems.append(Problem(display, 1, "-", "the sheet is empty: the first row holds the column names"))
                continue
            records = ((number, _cells(values, len(header))) for number, values in enumerate(rows, start=2))
            try:
                text = tabulate(display, header, records, spec.required_names)
            except ImportFailed as failure:
                problems.extend(failure.problems)
                continue
            result = parse_table(text, spec, display)
            problems.extend(result.problems)
            if result.frame is not None:
                frames[spec.file_name] = result.frame
    finally:
        book.close()
    if problems:
        raise ImportFailed(problems)
    return ProjectFiles(shown, frames, (file_set,))


def located(problems: list[Problem], shown: str, file_set: FileSet, workbook: str | None) -> list[Problem]:
    """The problems of an upload named as the editor knows the files: ``allocations.csv:5: ...`` for a
    CSV file, ``book.xlsx, sheet allocations, row 5: ...`` for a workbook's sheet."""
    sheets = {f"{shown}/{spec.file_name}": spec for spec in file_set.tables}
    out = []
    for problem in problems:
        spec = sheets.get(problem.file)
        if spec is None:
            out.append(problem.moved(workbook or problem.file))
        elif workbook:
            out.append(problem.moved(workbook, sheet=spec.sheet_name))
        else:
            out.append(problem.moved(spec.file_name))
    return out


def cell_text(value) -> str:
    """A cell's value as the CSV file would write it: whole numbers without ``.0``, dates as YYYY-MM-DD,
    booleans as true/false, an empty cell as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _trimmed(values) -> list:
    values = list(values)
    while values and (values[-1] is None or values[-1] == ""):
        values.pop()
    return values


def _cells(values, width: int) -> list[str]:
    """A row's cells as text, as many as the header has (empty cells past the last column dropped)."""
    cells = [cell_text(value) for value in _trimmed(values)]
    return cells + [""] * (width - len(cells)) if cells else []


def _check_size(path: Path, shown: str, max_bytes: int) -> None:
    """The file and what it unpacks to stay within the import limit (a small workbook can unpack to gigabytes)."""
    if path.stat().st_size > max_bytes:
        raise ImportFailed([Problem(shown, 0, "-", "the file is {size:,} bytes, above the limit of {limit:,} bytes (DASHBOARD_MAX_IMPORT_BYTES)",
                                    size=path.stat().st_size, limit=max_bytes)])
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise ImportFailed([Problem(shown, 0, "-", "is not an Excel .xlsx workbook (save it as 'Excel Workbook (.xlsx)')")]) from None
    if unpacked > max_bytes:
        raise ImportFailed([Problem(shown, 0, "-", "the workbook unpacks to {size:,} bytes, above the limit of {limit:,} bytes (DASHBOARD_MAX_IMPORT_BYTES)",
                                    size=unpacked, limit=max_bytes)])
