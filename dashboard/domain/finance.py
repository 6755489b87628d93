"""Theme figures from Iv3 rows: totals, shares, per inhabitant, trends. Pure functions on frames.

Input frames have at least ``code``, ``lasten_eur`` and ``baten_eur`` (whole euros, nullable).
"""
from __future__ import annotations

import pandas as pd

from dashboard.domain.themes import EXCLUDED_FROM_TOTAL, THEMES, ThemeMapping

SUMMARY_COLUMNS = [
    "theme",
    "lasten_eur",
    "baten_eur",
    "net_eur",
    "share_of_social_domain",
    "share_of_total_lasten",
    "per_inhabitant_eur",
]


def with_theme(rows: pd.DataFrame, mapping: ThemeMapping) -> pd.DataFrame:
    """Add a ``theme`` column (None for taakvelden outside the social domain)."""
    themes = {code: mapping.theme_of(code) for code in rows["code"].unique()}
    return rows.assign(theme=rows["code"].map(themes))


def total_lasten(rows: pd.DataFrame) -> int:
    """All lasten of a municipality's document except reserve mutations (0.10) and the result (0.11)."""
    counted = rows.loc[~rows["code"].isin(EXCLUDED_FROM_TOTAL), "lasten_eur"]
    return int(counted.sum(skipna=True))


def theme_summary(rows: pd.DataFrame, mapping: ThemeMapping, inhabitants: int | None) -> pd.DataFrame:
    """One row per theme (always all four, in fixed order) for one municipality and document.

    Baten are None when the source has no baten at all (the ten-year file carries lasten only).
    Shares are fractions 0–1; None where the denominator is zero.
    """
    themed = with_theme(rows, mapping)
    has_baten = bool(themed["baten_eur"].notna().any())
    grouped = themed.dropna(subset=["theme"]).groupby("theme")
    lasten = grouped["lasten_eur"].sum(min_count=0)
    baten = grouped["baten_eur"].sum(min_count=0)
    social_total = int(lasten.sum())
    municipal_total = total_lasten(rows)
    records = []
    for theme in THEMES:
        theme_lasten = int(lasten.get(theme, 0) or 0)
        theme_baten = int(baten.get(theme, 0) or 0) if has_baten else None
        records.append(
            {
                "theme": theme,
                "lasten_eur": theme_lasten,
                "baten_eur": theme_baten,
                "net_eur": theme_lasten - theme_baten if theme_baten is not None else None,
                "share_of_social_domain": theme_lasten / social_total if social_total else None,
                "share_of_total_lasten": theme_lasten / municipal_total if municipal_total else None,
                "per_inhabitant_eur": theme_lasten / inhabitants if inhabitants else None,
            }
        )
    return pd.DataFrame.from_records(records, columns=SUMMARY_COLUMNS)


def theme_trend(rows: pd.DataFrame, mapping: ThemeMapping) -> pd.DataFrame:
    """Lasten per (year, kind, theme) over every stored document; all four themes per document."""
    themed = with_theme(rows, mapping).dropna(subset=["theme"])
    sums = themed.groupby(["year", "kind", "theme"])["lasten_eur"].sum().astype("int64")
    documents = rows[["year", "kind"]].drop_duplicates()
    full = pd.MultiIndex.from_tuples(
        [(int(y), k, t) for y, k in documents.itertuples(index=False) for t in THEMES], names=["year", "kind", "theme"]
    )
    trend = sums.reindex(full, fill_value=0).reset_index(name="lasten_eur")
    return trend.sort_values(["kind", "theme", "year"]).reset_index(drop=True)


def social_domain_share(summary: pd.DataFrame, municipal_total: int) -> float | None:
    """The social domain's share of the whole municipal budget."""
    if not municipal_total:
        return None
    return int(summary["lasten_eur"].sum()) / municipal_total


def year_on_year(trend: pd.DataFrame, theme: str, year: int, kind: str) -> tuple[int, int, float | None] | None:
    """(previous year, its lasten, relative change) for the same theme and document kind, or None
    when the previous year of that kind is not loaded. Compares like with like: begroting with begroting."""
    same = trend[(trend["theme"] == theme) & (trend["kind"] == kind)].set_index("year")["lasten_eur"]
    if year not in same.index or year - 1 not in same.index:
        return None
    previous, current = int(same[year - 1]), int(same[year])
    return year - 1, previous, (current - previous) / previous if previous else None
