"""Text cells a spreadsheet would run as a formula (CSV injection, OWASP's rule).

A name such as ``=HYPERLINK(...)`` or ``+31 ...`` in a CSV download is executed by Excel or
LibreOffice when the reader opens the file. Every text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text and
hide; numbers are written as they are (a negative amount stays a number).
"""
from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as a spreadsheet reads it safely: text that would start a formula is quoted with ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(records: list[dict]) -> str:
    """``records`` as CSV text (header from the first record), every cell through ``safe_cell``."""
    import csv
    import io

    buffer = io.StringIO()
    if records:
        writer = csv.DictWriter(buffer, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: safe_cell(value) for key, value in record.items()} for record in records)
    return buffer.getvalue()
