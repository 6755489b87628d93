"""The four themes of the social domain and the taakveld → theme mapping.

The mapping lives in a data file (``data/theme_mapping.csv``) so a municipality can
change it without touching code. A taakveld belongs to the theme of the *longest*
mapping prefix its code starts with, so ``6.792`` (PGB Jeugd) goes to Young although
``6.79`` (both PGBs, rolled up) goes to Vital.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

THEMES: tuple[str, ...] = ("Vital", "Young", "Work", "Participate")
THEME_SLUGS: dict[str, str] = {t: t.lower() for t in THEMES}
THEME_BY_SLUG: dict[str, str] = {v: k for k, v in THEME_SLUGS.items()}
THEME_DUTCH: dict[str, str] = {
    "Vital": "Vitaal",
    "Young": "Jong",
    "Work": "Werk",
    "Participate": "Meedoen",
}

#: Taakvelden excluded from a municipality's total lasten (reserves and the result).
EXCLUDED_FROM_TOTAL = frozenset({"0.10", "0.11"})


def is_social_domain_code(code: str) -> bool:
    """Codes of chapter 6 (sociaal domein) and 7.1 (volksgezondheid) belong to the social domain."""
    return code.startswith("6.") or code == "7.1"


@dataclass(frozen=True)
class ThemeMapping:
    """An immutable prefix → theme table with longest-prefix lookup."""

    prefixes: tuple[tuple[str, str], ...]  # (prefix, theme), longest prefix first

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, str]]) -> "ThemeMapping":
        seen: dict[str, str] = {}
        for prefix, theme in pairs:
            if theme not in THEMES:
                raise ValueError(f"unknown theme {theme!r} for prefix {prefix!r}")
            if seen.setdefault(prefix, theme) != theme:
                raise ValueError(f"prefix {prefix!r} is mapped to both {seen[prefix]} and {theme}")
        ordered = sorted(pairs, key=lambda p: len(p[0]), reverse=True)
        return cls(tuple(ordered))

    @classmethod
    def from_csv(cls, path: Path) -> "ThemeMapping":
        with open(path, newline="", encoding="utf-8-sig") as handle:  # tolerate a BOM from a spreadsheet
            rows = list(csv.DictReader(handle))
        return cls.from_pairs([(r["prefix"].strip(), r["theme"].strip()) for r in rows])

    def theme_of(self, code: str) -> str | None:
        """The theme of a taakveld code, or None when no prefix covers it."""
        for prefix, theme in self.prefixes:
            if code.startswith(prefix):  # 6.711 and 6.71a both start with 6.71
                return theme
        return None


def unmapped_social_codes(codes, mapping: ThemeMapping) -> list[str]:
    """Social-domain codes that the mapping does not cover: the importer warns about these."""
    return sorted({c for c in codes if is_social_domain_code(c) and mapping.theme_of(c) is None})
