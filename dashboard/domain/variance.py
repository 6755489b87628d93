"""Shares, budget against realised, cost per client: the small ratios every drill-down level shows.

Pure functions on plain numbers (``None`` or NaN for a missing figure). Each answers ``None`` where
the figure cannot be computed, so a page never shows a division by zero or an invented 0.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd


def missing(value) -> bool:
    """No figure: None, NaN or pandas' NA (``pd.isna`` for a scalar, without its cost: these run per row)."""
    return value is None or value is pd.NA or value != value  # noqa: PLR0124 (NaN is the one value unequal to itself)


def share(part: float | None, whole: float | None) -> float | None:
    """A fraction 0–1; None when there is nothing to divide by (never a division by zero on screen)."""
    if missing(part) or missing(whole) or whole == 0:
        return None
    return float(part) / float(whole)


def variance(budget: int | None, realised: int | None) -> tuple[int | None, float | None]:
    """Realised minus budget in euros, and as a fraction of the budget (None when not computable)."""
    if missing(budget) or missing(realised):
        return None, None
    difference = int(realised) - int(budget)
    return difference, (difference / int(budget) if int(budget) else None)


def cost_per_client(amount: int | None, clients: int | None) -> float | None:
    """Euros per client; None where no client count applies or it is zero."""
    if missing(amount) or missing(clients) or int(clients) <= 0:
        return None
    return float(amount) / int(clients)


def budget_against_realised(budget_eur: int, realised_eur: int, budget_present: bool = True, realised_present: bool = True) -> dict:
    """One item's begroting against its jaarrekening: ``budget_eur``, ``realised_eur``, ``variance_eur``,
    ``variance_pct``. A document that does not exist (``*_present=False``, e.g. no jaarrekening yet)
    gives None, not 0, so no variance is invented; an item a present document lacks is 0 there."""
    budget = budget_eur if budget_present else None
    realised = realised_eur if realised_present else None
    difference, fraction = variance(budget, realised)
    return {"budget_eur": budget, "realised_eur": realised, "variance_eur": difference, "variance_pct": fraction}


def compare(
    budget: Mapping, realised: Mapping, budget_present: bool = True, realised_present: bool = True, keys: Iterable = ()
) -> dict:
    """``budget_against_realised`` per key of the two documents' sums (key → euros), and of ``keys``
    (items of the shown document that neither has: 0 against 0, or None where a document is missing).

    Why one function: the theme, programme, provider and pair tables must all treat "not budgeted"
    and "no jaarrekening yet" the same way."""
    return {
        k: budget_against_realised(budget.get(k, 0), realised.get(k, 0), budget_present, realised_present)
        for k in set(budget) | set(realised) | set(keys)
    }
