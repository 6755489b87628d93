"""Reading delimited text the way real municipal files arrive: BOM, UTF-8 or Latin-1, one delimiter."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from dashboard.config.settings import max_import_bytes
from dashboard.domain.limits import AMOUNT_CEILING_EUR, COUNT_CEILING, within_amount_ceiling
from dashboard.domain.refusal import Refusal, Word
from dashboard.importers.problems import ImportFailed, Problem

#: A number as CBS and the project's files write it: ASCII digits, an optional minus and decimal point.
#: Python would also read '1e3', '1_000.0', '+5', ' 5' and full-width or Arabic-Indic digits: refused.
DECIMAL_FORM = re.compile(r"-?[0-9]+(?:\.[0-9]+)?", re.ASCII)
#: C0 control characters and DEL (NUL among them: PostgreSQL refuses it, SQLite would store it).
#: Tab, line feed and carriage return may stand in a quoted cell (a story's paragraphs).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class DelimitedText:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (1-based line number, cells)
    encoding: str


def read_delimited(path: Path, delimiter: str, required: list[str], max_bytes: int | None = None) -> DelimitedText:
    """Read a delimited file or raise ImportFailed with the file-level problems.

    UTF-8 (with or without byte-order mark) is read as is; bytes that are not valid UTF-8
    are read as Latin-1 (Windows-1252), which is unambiguous because such a file cannot be
    UTF-8. Any other delimiter than the expected one is refused, because decimal commas
    would make the columns ambiguous.
    """
    name = str(path)
    max_bytes = max_import_bytes() if max_bytes is None else max_bytes
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise ImportFailed([Problem(name, 0, "-", "the file is {size:,} bytes, above the limit of {limit:,} bytes "
                                                      "(DASHBOARD_MAX_IMPORT_BYTES): split it by year, or raise the limit", size=size, limit=max_bytes)])
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ImportFailed([Problem(name, 0, "-", "cannot read the file: {reason}", reason=exc.strerror)]) from exc
    encoding = "utf-8"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        encoding = "latin-1"
    if not text.strip():
        raise ImportFailed([Problem(name, 1, "-", "the file is empty")])

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    if len(header) == 1:
        found = next((d for d in (",", "\t", "|", ";") if d != delimiter and d in header[0]), None)
        shown = {"\t": Word("tabs"), ",": Word("commas"), "|": Word("|s"), ";": Word("semicolons")}
        expected = shown.get(delimiter, delimiter)
        if found:
            raise ImportFailed([Problem(name, 1, "-", "columns must be separated by {expected} ({delimiter!r}) but found {found}",
                                        expected=expected, delimiter=delimiter, found=shown[found])])
        raise ImportFailed([Problem(name, 1, "-", "columns must be separated by {expected} ({delimiter!r})", expected=expected, delimiter=delimiter)])

    def records():
        ended = reader.line_num
        for cells in reader:
            line, ended = ended + 1, reader.line_num  # a quoted cell may span lines: the record's first line
            yield line, cells

    return tabulate(name, header, records(), required, encoding)


def tabulate(name: str, header: list[str], records, required: list[str], encoding: str = "utf-8") -> DelimitedText:
    """The checks every table passes, whatever file it came from (CSV or a workbook's sheet): the required
    columns, one cell per column, no control characters, at least one row. ``records``: (line, cells);
    blank records are skipped. Raises ImportFailed with every problem."""
    problems: list[Problem] = []
    for column in required:
        if column not in header:
            problems.append(Problem(name, 1, column, "required column is missing from the header"))
    if problems:
        raise ImportFailed(problems)

    rows: list[tuple[int, list[str]]] = []
    for line, cells in records:
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                Problem(name, line, "-", "expected {expected} columns, found {found}", expected=len(header), found=len(cells))
            )
            continue
        for position, cell in enumerate(cells):
            control = CONTROL_CHARACTER.search(cell)
            if control:
                problems.append(Problem(name, line, header[position], "contains the control character U+{code:04X}; remove it", code=ord(control.group())))
        rows.append((line, [c.strip() for c in cells]))
    if problems:
        raise ImportFailed(problems)
    if not rows:
        raise ImportFailed([Problem(name, 2, "-", "the file has a header but no data rows")])
    return DelimitedText(header, rows, encoding)


#: '1.234' or '12.345.678': Dutch thousands separators (CBS writes '1234.0'); '0.125' is not matched.
_DUTCH_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+$")


def finite_decimal(value: str) -> Decimal:
    """``value`` as an exact decimal, in the form ``DECIMAL_FORM`` only; ValueError otherwise."""
    if DECIMAL_FORM.fullmatch(value):
        return Decimal(value)
    try:
        Decimal(value)
    except InvalidOperation:
        raise Refusal("{value!r} is not a number", value=value) from None
    raise Refusal("{value!r} is not written as a number in these files: ASCII digits with a decimal point, "
                  "without exponent, underscores, plus sign or other digits (e.g. 1234.5)", value=value)


def parse_thousands_to_euros(value: str) -> int | None:
    """CBS amount in EUR 1,000 with a decimal point → whole euros; '' → None.

    Raises ValueError with a message a finance officer understands.
    """
    if value == "":
        return None
    if "," in value:
        raise Refusal("{value!r} uses a decimal comma or thousands separator; write amounts in "
                      "EUR 1,000 with a decimal point and no separators, e.g. 1234.5", value=value)
    if _DUTCH_THOUSANDS.match(value):
        raise Refusal("{value!r} is ambiguous: a thousands separator or a decimal point? CBS writes amounts in "
                      "EUR 1,000 with a decimal point and one decimal, e.g. 1234.0", value=value)
    euros = finite_decimal(value) * 1000
    if euros != euros.to_integral_value():
        raise Refusal("{value!r} has more decimals than whole euros (EUR 1,000 with at most 3 decimals)", value=value)
    return bounded_euros(int(euros), value)


def bounded_euros(euros: int, value: str) -> int:
    """``euros`` when within the ceiling of one amount (``domain.limits``); ValueError otherwise."""
    if not within_amount_ceiling(euros):
        raise Refusal("{value!r} is beyond the largest amount accepted, EUR {ceiling:,} (either sign); "
                      "no taakveld comes near it: check the unit and the decimal point", value=value, ceiling=AMOUNT_CEILING_EUR)
    return euros


def parse_whole_number(value: str, what: str) -> int | None:
    """A count such as inhabitants or clients; '' → None."""
    if value == "":
        return None
    if re.fullmatch(r"-[0-9]+(?:\.0+)?", value, re.ASCII):
        raise Refusal("{value!r}: the number of {what} cannot be negative", value=value, what=what)
    if not re.fullmatch(r"[0-9]+(?:\.0+)?", value, re.ASCII):
        raise Refusal("{value!r} is not a whole number of {what}", value=value, what=what)
    number = int(Decimal(value))
    if number > COUNT_CEILING:
        raise Refusal("{value!r} is more {what} than accepted ({ceiling:,}); check the column", value=value, what=what, ceiling=COUNT_CEILING)
    return number
