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

import numpy as np
import pandas as pd

from dashboard.domain.themes import ThemeMapping

#: theme → (denominator column, English unit, Dutch unit, is a fund measure). Per inhabitant always too.
THEME_UNITS = {
    "Young": ("young_0_17", "per young person 0–17", "per jongere 0–17", True),
    "Work": ("bijstand", "per bijstand recipient", "per bijstandsontvanger", True),
    "Vital": ("one_person_households", "per one-person household", "per eenpersoonshuishouden", True),
    "Participate": ("inhabitants", "per inhabitant", "per inwoner", False),
}
#: Single taakvelden whose target group differs from their theme's (issue 13: income support per
#: bijstand recipient, re-integration per person with a wage-cost subsidy or in the target group).
#: The re-integration denominator is the sum of two fund measures (loonksub + doelgroep).
RE_INTEGRATION = ("re_integration", "per person with a wage-cost subsidy or in the target group", "per persoon met loonkostensubsidie of in de doelgroep", True)
TAAKVELD_UNITS = {"6.3": THEME_UNITS["Work"], "6.4": RE_INTEGRATION, "6.5": RE_INTEGRATION}
MEASURES = ("per_inhabitant", "per_unit", "total")


def unit_of(theme: str, code: str | None = None) -> tuple[str, str, str, bool]:
    """(denominator column, English unit, Dutch unit, is a fund measure) of a theme or one of its taakvelden."""
    return TAAKVELD_UNITS.get(code, THEME_UNITS[theme]) if code else THEME_UNITS[theme]


def code_order(code: str) -> tuple:
    """6.3 before 6.21 before 6.71: by the numbers on either side of the point."""
    whole, _, decimals = code.partition(".")
    return (int(whole), decimals.ljust(3, "0"))


def comparison_code(code: str) -> str:
    """The rolled-up code of the ten-year file: a letter suffix dropped, three decimals cut to two."""
    code = re.sub(r"[a-z]$", "", code)
    whole, _, decimals = code.partition(".")
    return f"{whole}.{decimals[:2]}" if len(decimals) == 3 else code


def _comparison_codes(codes: pd.Series) -> pd.Series:
    return codes.map({c: comparison_code(c) for c in codes.unique()})


def theme_lasten(rows: pd.DataFrame, mapping: ThemeMapping) -> pd.DataFrame:
    """rows (municipality, code, lasten_eur) → one row per municipality × theme with lasten_eur."""
    codes = _comparison_codes(rows["code"])
    themes = codes.map({c: mapping.theme_of(c) for c in codes.unique()})
    frame = pd.DataFrame({"municipality": rows["municipality"], "theme": themes, "lasten_eur": rows["lasten_eur"].astype("float")})
    frame = frame.dropna(subset=["theme"])
    return frame.groupby(["municipality", "theme"], as_index=False)["lasten_eur"].sum(min_count=1)


def taakveld_lasten(rows: pd.DataFrame, mapping: ThemeMapping) -> pd.DataFrame:
    """rows (municipality, code, lasten_eur) → one row per municipality × comparison taakveld of the themes."""
    codes = _comparison_codes(rows["code"])
    frame = pd.DataFrame({"municipality": rows["municipality"], "code": codes, "lasten_eur": rows["lasten_eur"].astype("float")})
    frame = frame[codes.map({c: mapping.theme_of(c) is not None for c in codes.unique()}).to_numpy()]
    return frame.groupby(["municipality", "code"], as_index=False)["lasten_eur"].sum(min_count=1)


def taakveld_names(rows: pd.DataFrame) -> dict[str, str]:
    """comparison code → the CBS name of that code as the rolled-up rows write it (``6.71 Maatwerkdienstverlening 18+``)."""
    codes = _comparison_codes(rows["code"])
    exact = rows[rows["code"] == codes].drop_duplicates("code")
    names = dict(zip(exact["code"], exact["name"]))
    for code in codes.unique():
        names.setdefault(code, code)
    return names


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
    values = np.asarray([v for v in peer_values if v is not None and not math.isnan(v)], dtype=float)
    if not values.size:
        return Standing(value, None, None, None, national, None, 1 if value is not None else 0)
    rank = None if value is None else int((values > value).sum()) + 1
    q1, median, q3 = (float(q) for q in np.quantile(values, [0.25, 0.5, 0.75]))
    return Standing(value, median, q1, q3, national, rank, int(values.size) + (1 if value is not None else 0))


def standing_in(values: pd.Series | np.ndarray, own: int, peers: np.ndarray, national: float | None) -> Standing:
    """``standing`` of the municipality at position ``own`` of ``values`` (-1: not there) among the
    peers at positions ``peers`` (NaN: no figure). Positions, not names: a comparison of all 342 takes
    a twentieth of the time of looking names up."""
    array = np.asarray(values, dtype=float)
    value = float(array[own]) if own >= 0 and not math.isnan(array[own]) else None
    return standing(value, array[peers].tolist(), national)


def per(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator / denominator, NaN where either is missing or the denominator is 0."""
    return numerator.astype(float) / denominator.astype(float).where(denominator != 0)


@dataclass(frozen=True)
class Figures:
    """Every municipality's figure for many (column, denominator) pairs of one document at once, as arrays
    in the order of the document frame's index, and the national figure of each pair: the divisions
    every comparison of that document needs, done once per document instead of once per request."""

    values: dict[tuple[str, str], np.ndarray]
    national: dict[tuple[str, str], float | None]
    size: int  # municipalities in the document frame

    def of(self, column: str, denominator: str) -> tuple[np.ndarray, float | None]:
        """(values, national) of a pair; all NaN for a column the document does not have."""
        key = (column, denominator)
        return self.values.get(key, np.full(self.size, np.nan)), self.national.get(key)

    def standing(self, column: str, denominator: str, own: int, peers: np.ndarray) -> Standing:
        """``standing_in`` of the pair for the municipality at position ``own`` among ``peers``."""
        values, national = self.of(column, denominator)
        return standing_in(values, own, peers, national)


def figures_per(frame: pd.DataFrame, pairs) -> Figures:
    """``per`` and the national ``ratio`` of the column sums for each (column, denominator) in ``pairs``."""
    totals = frame.sum(numeric_only=True, min_count=1)
    values, national = {}, {}
    for column, denominator in dict.fromkeys(pairs):
        numerator, by = frame[column].to_numpy(dtype=float), frame[denominator].to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            values[(column, denominator)] = np.where(by != 0, numerator / by, np.nan)
        national[(column, denominator)] = ratio(totals[column], totals[denominator])
    return Figures(values, national, len(frame))


def ratio(numerator, denominator) -> float | None:
    if numerator is None or denominator is None or pd.isna(numerator) or pd.isna(denominator) or not denominator:
        return None
    return float(numerator) / float(denominator)
