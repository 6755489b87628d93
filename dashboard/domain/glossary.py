"""The glossary of terms (data/glossary.csv), in English and Dutch: read once, looked up by key."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Term:
    key: str
    name: dict  # lang → term
    definition: dict  # lang → definition


def load_glossary(path: Path) -> dict[str, Term]:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return {
        r["key"]: Term(r["key"], {"en": r["term_en"], "nl": r["term_nl"]}, {"en": r["definition_en"], "nl": r["definition_nl"]})
        for r in rows
    }
