"""Comparing one municipality with its peers: a common basis, per-unit figures, median, band and rank.

Every municipality is compared on the basis of the ten-year file: sub-taakvelden rolled up to their
parent (``6.71a`` → ``6.71``, ``6.751`` → ``6.75``), so a municipality with detailed figures is not
compared with different themes than one without (from 2025 ``6.79``, pgb Wmo and Jeugd together,
counts under Vital for everyone).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from dashboard.domain.themes import ThemeMapping

#: theme → (denominator column, English unit, Dutch unit, is a fund measure). Per inhabitant always too.
THEME_UNITS = {
    "Young": ("young_0_17", "per young person 0–17", "per jongere 0–17", True),
    "Work": ("bijstand", "per bijstand recipient", "per bijstandsontvanger", True),
    "Vital": ("one_person_households", "per one-person household", "per eenpersoonshuishouden", True),
    "Participate": ("inhabitants", "per inhabitant", "per inwoner", False),
}
MEASURES = ("per_inhabitant", "per_unit", "total")


def comparison_code(code: str) -> str:
    """The rolled-up code of the ten-year file: a letter suffix dropped, three decimals cut to two."""
    code = re.sub(r"[a-z]$", "", code)
    whole, _, decimals = code.partition(".")
    return f"{whole}.{decimals[:2]}" if len(decimals) == 3 else code


def theme_lasten(rows: pd.DataFrame, mapping: ThemeMapping) -> pd.DataFrame:
    """rows (municipality, code, lasten_eur) → one row per municipality × theme with lasten_eur."""
    codes = rows["code"].map(comparison_code)
    themes = codes.map(lambda c: mapping.theme_of(c))
    frame = pd.DataFrame({"municipality": rows["municipality"], "theme": themes, "lasten_eur": rows["lasten_eur"].astype("float")})
    frame = frame.dropna(subset=["theme"])
    return frame.groupby(["municipality", "theme"], as_index=False)["lasten_eur"].sum(min_count=1)


@dataclass(frozen=True)
class Standing:
    """A municipality's figure among its peers (the peers exclude it)."""

    value: float | None
    median: float | None
    q1: float | None
    q3: float | None
    national: float | None
    rank: int | None  # 1 = highest figure, among the peers and itself
    of: int  # peers with a figure + itself


def standing(value: float | None, peer_values: list[float], national: float | None) -> Standing:
    """Median and interquartile band (linear interpolation, as pandas' quantile), rank from the top."""
    values = sorted(float(v) for v in peer_values if v is not None and not math.isnan(v))
    if not values:
        return Standing(value, None, None, None, national, None, 1 if value is not None else 0)
    rank = None if value is None else sum(v > value for v in values) + 1
    return Standing(
        value, _quantile(values, 0.5), _quantile(values, 0.25), _quantile(values, 0.75),
        national, rank, len(values) + (1 if value is not None else 0),
    )


def _quantile(ordered: list[float], q: float) -> float:
    """Linear interpolation between the two nearest ranks (pandas' and numpy's default)."""
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def ratio(numerator, denominator) -> float | None:
    if numerator is None or denominator is None or pd.isna(numerator) or pd.isna(denominator) or not denominator:
        return None
    return float(numerator) / float(denominator)
