"""An Excel template per file set, made from the importers' own table definitions so it cannot drift:
a sheet per file (header row and example rows, taken from the demo's files of that name) and a sheet
"Toelichting" that lists every column with its file, type, whether it is required and an example.

Every text cell goes through ``domain.spreadsheet.safe_cell``: no cell starts a formula.
"""
from __future__ import annotations

import io
from collections.abc import Callable

from dashboard.config.paths import DEMO_DIR
from dashboard.domain.spreadsheet import safe_cell
from dashboard.importers.project import FileSet
from dashboard.importers.tables import TableSpec
from dashboard.importers.text_files import read_delimited

EXAMPLE_ROWS = 2
DICTIONARY_SHEET = "Toelichting"

#: What a cell parser accepts, by the parser's name (English, translated where the template is made);
#: a parser that sets ``kind`` (``choice``, ``text_up_to``: text and values) says it itself, any other
#: falls back to the first line of its docstring.
KINDS = {
    "text": "text",
    "slug": "slug: lowercase letters, digits and single hyphens (youth-care)",
    "whole_euros": "whole euros without separators (1234567)",
    "count": "whole number, not negative",
    "year": "year (2025)",
    "decimal_number": "number with a decimal point (12.5)",
    "iso_date": "date YYYY-MM-DD",
    "boolean": "true or false",
    "slug_list": "slugs separated by spaces",
    "taakveld_code": "Iv3 taakveld code (6.71a)",
    "taakveld_codes": "Iv3 taakveld codes separated by spaces (6.72 6.72a)",
    "kvk_number": "Chamber of Commerce (KvK) number, 8 digits",
    "period": "year (2025) or quarter (2025-Q3)",
    "tolerance": "number with a decimal point, not negative",
    "decimals": "whole number from 0 to 4",
}


def kind_of(parse: Callable) -> tuple[str, dict]:
    """What ``parse`` accepts, as (English text, values) for a translator."""
    if getattr(parse, "kind", None):
        return parse.kind
    name = getattr(parse, "__name__", "")
    if name in KINDS:
        return KINDS[name], {}
    doc = (parse.__doc__ or "").strip()
    return (doc.splitlines()[0] if doc else name or "text"), {}


def template_workbook(file_set: FileSet, t: Callable[..., str]) -> bytes:
    """The file set's template as .xlsx bytes; ``t`` translates the dictionary's headings."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    dictionary = []
    for spec in file_set.tables:
        sheet = book.create_sheet(spec.sheet_name)
        sheet.append(spec.column_names)
        examples = example_rows(spec)
        for row in examples:
            sheet.append([safe_cell(value) for value in row])
        for position, column in enumerate(spec.columns):
            example = next((row[position] for row in examples if row[position]), "")
            kind, values = kind_of(column.parse)
            dictionary.append([spec.sheet_name, column.name, t(kind, **values), t("yes") if column.required else t("no"), example])
    about = book.create_sheet(DICTIONARY_SHEET)
    about.append([t("sheet"), t("column"), t("type"), t("required"), t("example")])
    for row in dictionary:
        about.append([safe_cell(value) for value in row])
    about.append([])
    for spec in file_set.tables:
        about.append([spec.sheet_name, safe_cell(spec.description)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def example_rows(spec: TableSpec) -> list[list[str]]:
    """The first rows of the demo's file of this name (valid by the importer), in the spec's column order."""
    path = next(iter(sorted(DEMO_DIR.rglob(spec.file_name))), None)
    if path is None:
        return []
    text = read_delimited(path, ";", spec.required_names)
    index = {name: position for position, name in enumerate(text.header)}
    return [[cells[index[name]] if name in index else "" for name in spec.column_names] for _, cells in text.rows[:EXAMPLE_ROWS]]
