"""The Iv3 vocabulary: the two documents a municipality reports, the national total's name, what a
validated Iv3 file holds, and how a year or a document is written in an address or a file.

One copy of each rule: importers, queries, pages and the API all read them from here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

BEGROTING = "begroting"  # the budget, adopted before the year
JAARREKENING = "jaarrekening"  # the annual accounts: what was realised
#: Oldest first within a year: the begroting comes before the jaarrekening.
DOCUMENT_KINDS: tuple[str, ...] = (BEGROTING, JAARREKENING)
#: CBS's rows for the whole country: a national total to compare with, never a municipality.
NATIONAL_NAME = "Nederland"


#: The budget years the dashboard takes: Iv3 began in 2004; a year outside these is a typing error.
YEARS = range(1990, 2101)


def parse_year_text(text: str) -> int:
    """A year as written in an address or a file: four ASCII digits within ``YEARS`` (``ValueError`` otherwise)."""
    if not (len(text) == 4 and text.isascii() and text.isdigit()) or int(text) not in YEARS:
        raise ValueError(f"year must be a four-digit year between {YEARS[0]} and {YEARS[-1]}, not {text!r}")
    return int(text)


def parse_document_kind(text: str) -> str:
    """``begroting`` or ``jaarrekening`` (``ValueError`` otherwise)."""
    if text not in DOCUMENT_KINDS:
        raise ValueError(f"document must be {BEGROTING!r} or {JAARREKENING!r}, not {text!r}")
    return text


@dataclass
class Iv3Import:
    """A fully validated Iv3 file, ready to be stored as one transaction."""

    file: str
    rows: pd.DataFrame  # municipality, code, name, year, kind, lasten_eur, baten_eur, inhabitants, ...
    warnings: list[str] = field(default_factory=list)

    @property
    def documents(self) -> list[tuple[int, str]]:
        pairs = self.rows[["year", "kind"]].drop_duplicates().sort_values(["year", "kind"])
        return [(int(y), str(k)) for y, k in pairs.itertuples(index=False)]

    def summary(self) -> str:
        municipalities = self.rows.loc[self.rows["municipality"] != NATIONAL_NAME, "municipality"].nunique()
        docs = ", ".join(f"{kind} {year}" for year, kind in self.documents)
        return (
            f"imported {self.file}: {municipalities} municipalities, {len(self.rows)} rows "
            f"({docs}), {len(self.warnings)} warnings"
        )
