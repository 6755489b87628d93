"""Declarative, strict reading of the project's own CSV files (``;``-separated, UTF-8, one header row).

A ``TableSpec`` lists the columns and how each cell is parsed; ``read_table`` returns a frame with a
``line`` column (the file's line number, for cross-file messages) or the list of problems found.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.domain.iv3 import parse_year_text
from dashboard.domain.limits import COUNT_CEILING
from dashboard.domain.refusal import Refusal
from dashboard.importers.problems import ImportFailed, Problem
from dashboard.importers.text_files import DelimitedText, bounded_euros, finite_decimal, read_delimited

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable[[str], object]  # raises ValueError with a readable message (a ``Refusal``: translatable)
    required: bool = True  # an empty cell is an error when True, None when False


@dataclass(frozen=True)
class TableSpec:
    file_name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # columns whose combination must be unique
    description: str = ""

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_names(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    @property
    def sheet_name(self) -> str:
        """The sheet that holds this table in a workbook: the file name without ``.csv``."""
        return self.file_name.removesuffix(".csv")


@dataclass
class TableResult:
    frame: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)


def read_table(path: Path, spec: TableSpec, display_name: str | None = None) -> TableResult:
    """Parse every cell; collect every problem instead of stopping at the first."""
    name = display_name or str(path)
    try:
        text = read_delimited(path, ";", spec.required_names)
    except ImportFailed as failure:
        return TableResult(None, [p.moved(name) for p in failure.problems])
    return parse_table(text, spec, name)


def parse_table(text: DelimitedText, spec: TableSpec, name: str) -> TableResult:
    """Parse the cells of a table already read (from a CSV file or a workbook's sheet) by ``spec``."""
    problems: list[Problem] = []
    index = {column: position for position, column in enumerate(text.header)}
    records = []
    seen: dict[tuple, int] = {}
    for line, cells in text.rows:
        record = {"line": line}
        for column in spec.columns:
            raw = cells[index[column.name]] if column.name in index else ""
            if raw == "":
                if column.required:
                    problems.append(Problem(name, line, column.name, "this value is required"))
                record[column.name] = None
                continue
            try:
                record[column.name] = column.parse(raw)
            except ValueError as exc:
                problems.append(Problem.refused(name, line, column.name, exc))
                record[column.name] = None
        if spec.key:
            key = tuple(record[k] for k in spec.key)
            if None not in key:
                if key in seen:
                    shown = " / ".join(str(k) for k in key)
                    problems.append(Problem(name, line, spec.key[-1], "{key} appears twice (first on line {first})", key=shown, first=seen[key]))
                else:
                    seen[key] = line
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=["line"] + spec.column_names)
    return TableResult(frame, problems)


# Cell parsers -------------------------------------------------------------------------------

def text(value: str) -> str:
    return value


def text_up_to(length: int) -> Callable[[str], str]:
    """Text of at most ``length`` characters (the schema's column length): refused by line beyond it,
    so SQLite (which would store it) and PostgreSQL (which would refuse the import) never differ."""
    def parse(value: str) -> str:
        if len(value) > length:
            raise Refusal("is {count} characters long; at most {length} are allowed", count=len(value), length=length)
        return value

    parse.kind = ("text, at most {length} characters", {"length": length})  # (English text, values) for the templates' translator
    return parse


def slug(value: str) -> str:
    if not SLUG_PATTERN.match(value):
        raise Refusal("{value!r} is not a slug (lowercase letters, digits and single hyphens, e.g. 'youth-care')", value=value)
    return value


def whole_euros(value: str) -> int:
    """Whole euros, no separators: 1234567 or -5000."""
    if not re.fullmatch(r"-?[0-9]+", value):
        if re.fullmatch(r"-?[0-9]{1,3}([.,][0-9]{3})+", value) or "," in value:
            raise Refusal("{value!r}: write whole euros without thousands separators or decimals, e.g. 1234567", value=value)
        raise Refusal("{value!r} is not an amount in whole euros", value=value)
    return bounded_euros(int(value), value)


def count(value: str) -> int:
    if re.fullmatch(r"-[0-9]+", value):
        raise Refusal("{value!r}: a count cannot be negative", value=value)
    if not re.fullmatch(r"[0-9]+", value):
        raise Refusal("{value!r} is not a whole number", value=value)
    if int(value) > COUNT_CEILING:
        raise Refusal("{value!r} is more than accepted ({ceiling:,}); check the column", value=value, ceiling=COUNT_CEILING)
    return int(value)


def year(value: str) -> int:
    try:
        return parse_year_text(value)
    except ValueError:
        raise Refusal("{value!r} is not a year", value=value) from None


def decimal_number(value: str) -> float:
    if "," in value:
        raise Refusal("{value!r}: use a decimal point, not a comma (e.g. 12.5)", value=value)
    return float(finite_decimal(value))


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Refusal("{value!r} is not a date in the form YYYY-MM-DD", value=value) from None


def choice(*options: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in options:
            raise Refusal("{value!r} is not one of: {options}", value=value, options=", ".join(options))
        return value

    parse.kind = ("one of: {options}", {"options": ", ".join(options)})
    return parse


def boolean(value: str) -> bool:
    lowered = value.lower()
    if lowered in ("true", "yes", "1", "ja"):
        return True
    if lowered in ("false", "no", "0", "nee"):
        return False
    raise Refusal("{value!r} is not true or false", value=value)


def slug_list(value: str) -> tuple[str, ...]:
    """Slugs separated by spaces (a measure's programmes, a note's indicators), each checked, in the order written."""
    return tuple(slug(part) for part in value.split())


# Reading parsed frames -----------------------------------------------------------------------


def optional(value):
    """An empty cell as None (pandas holds it as None or NaN)."""
    return None if value is None or (isinstance(value, float) and value != value) else value  # noqa: PLR0124 (NaN)


def flag(value) -> bool:
    """An optional boolean cell: empty means False."""
    return bool(optional(value))


def rows_of(frame: pd.DataFrame) -> list[dict]:
    """A parsed frame's rows as dicts, empty cells as None."""
    return [{k: optional(v) for k, v in row.items()} for row in frame.to_dict("records")]
