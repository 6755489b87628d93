"""Drill-down arithmetic: theme → programme → provider. Pure functions on pandas frames, no I/O, no Dash.

Allocation frames have the columns of ``ALLOCATION_COLUMNS`` (whole euros; ``clients`` nullable).
CBS taakveld frames have ``code`` and ``lasten_eur``. Every function keeps the euro sums exact:
nothing is rounded, spread or dropped, and what is not allocated stays visible as its own row.
"""
from __future__ import annotations

import math

import pandas as pd

LAYERS: tuple[str, ...] = ("social base", "maatwerk", "escalated care")
INSTRUMENTS: tuple[str, ...] = ("subsidy", "procurement", "lump sum", "pgb", "benefit")
PROVIDER_KINDS: tuple[str, ...] = ("welfare organisation", "care provider", "social enterprise", "municipality")
#: Label of the remainder between the CBS taakveld totals and the programme figures.
UNALLOCATED = "not allocated to a programme"

ALLOCATION_COLUMNS = ["year", "kind", "programme", "provider", "taakveld", "instrument", "amount_eur", "clients"]


def split_exact(total: int, weights: list[float]) -> list[int]:
    """Split whole euros by weights so the parts add up to ``total`` exactly (largest remainder).

    Why: a generated or apportioned layer must reconcile with CBS to the euro, so rounding
    each part on its own is not good enough.
    """
    if not weights:
        raise ValueError("at least one weight is needed")
    if any(w < 0 for w in weights) or sum(weights) <= 0:
        raise ValueError("weights must be non-negative with a positive sum")
    sign = -1 if total < 0 else 1
    magnitude = abs(int(total))
    scale = sum(weights)
    raw = [magnitude * w / scale for w in weights]
    parts = [math.floor(r) for r in raw]
    short = magnitude - sum(parts)
    order = sorted(range(len(raw)), key=lambda i: (raw[i] - parts[i], -i), reverse=True)
    for i in order[:short]:
        parts[i] += 1
    return [sign * p for p in parts]


def share(part: float | int | None, whole: float | int | None) -> float | None:
    """A fraction 0–1; None when there is nothing to divide by (never a division by zero on screen)."""
    if part is None or whole is None or pd.isna(part) or pd.isna(whole) or whole == 0:
        return None
    return float(part) / float(whole)


def variance(budget: int | None, realised: int | None) -> tuple[int | None, float | None]:
    """Realised minus budget in euros, and as a fraction of the budget (None when not computable)."""
    if budget is None or realised is None or pd.isna(budget) or pd.isna(realised):
        return None, None
    difference = int(realised) - int(budget)
    return difference, (difference / int(budget) if int(budget) else None)


def cost_per_client(amount: int | None, clients: int | None) -> float | None:
    """Euros per client; None where no client count applies or it is zero."""
    if amount is None or clients is None or pd.isna(amount) or pd.isna(clients) or int(clients) <= 0:
        return None
    return float(amount) / int(clients)


def sum_clients(values: pd.Series):
    """Clients add up only where counted; an all-empty group stays empty (not zero)."""
    present = values.dropna()
    return int(present.sum()) if len(present) else None


def taakveld_reconciliation(cbs: pd.DataFrame, allocations: pd.DataFrame) -> pd.DataFrame:
    """Per taakveld code of one document: CBS lasten, allocated to programmes, and the remainder.

    ``cbs`` holds the CBS rows that belong to the level (e.g. one theme's codes). Codes that carry
    allocations but no CBS figure count as CBS 0, so an over-allocation shows as a negative remainder.
    """
    cbs_sum = cbs.groupby("code")["lasten_eur"].sum(min_count=1).fillna(0).astype("int64")
    allocated = allocations.groupby("taakveld")["amount_eur"].sum().astype("int64")
    codes = sorted(set(cbs_sum.index) | set(allocated.index))
    frame = pd.DataFrame({"code": codes})
    frame["cbs_lasten_eur"] = [int(cbs_sum.get(c, 0)) for c in codes]
    frame["allocated_eur"] = [int(allocated.get(c, 0)) for c in codes]
    frame["unallocated_eur"] = frame["cbs_lasten_eur"] - frame["allocated_eur"]
    return frame


def programme_ranking(allocations: pd.DataFrame, level_total: int) -> pd.DataFrame:
    """Programmes of one document ranked by amount, with share of the level above, providers, clients, instruments."""
    columns = ["programme", "amount_eur", "share", "providers", "clients", "instruments"]
    if allocations.empty:
        return pd.DataFrame(columns=columns)
    grouped = allocations.groupby("programme")
    frame = pd.DataFrame(
        {
            "amount_eur": grouped["amount_eur"].sum().astype("int64"),
            "providers": grouped["provider"].nunique(),
            "clients": grouped["clients"].agg(sum_clients),
            "instruments": grouped["instrument"].agg(lambda s: tuple(sorted(set(s), key=INSTRUMENTS.index))),
        }
    ).reset_index()
    frame["clients"] = frame["clients"].astype("Int64")  # missing stays missing, never 0
    frame["share"] = [share(a, level_total) for a in frame["amount_eur"]]
    return frame.sort_values(["amount_eur", "programme"], ascending=[False, True])[columns].reset_index(drop=True)


def provider_ranking(allocations: pd.DataFrame, level_total: int | None = None) -> pd.DataFrame:
    """Providers of one document (e.g. within one programme): amount, share, instruments, clients, cost per client."""
    columns = ["provider", "amount_eur", "share", "instruments", "clients", "cost_per_client_eur"]
    if allocations.empty:
        return pd.DataFrame(columns=columns)
    total = int(allocations["amount_eur"].sum()) if level_total is None else level_total
    grouped = allocations.groupby("provider")
    frame = pd.DataFrame(
        {
            "amount_eur": grouped["amount_eur"].sum().astype("int64"),
            "instruments": grouped["instrument"].agg(lambda s: tuple(sorted(set(s), key=INSTRUMENTS.index))),
            "clients": grouped["clients"].agg(sum_clients),
        }
    ).reset_index()
    frame["clients"] = frame["clients"].astype("Int64")
    frame["share"] = [share(a, total) for a in frame["amount_eur"]]
    frame["cost_per_client_eur"] = [cost_per_client(a, c) for a, c in zip(frame["amount_eur"], frame["clients"])]
    return frame.sort_values(["amount_eur", "provider"], ascending=[False, True])[columns].reset_index(drop=True)


def compare_documents(
    budget: pd.DataFrame, realised: pd.DataFrame, key: str, budget_present: bool = True, realised_present: bool = True
) -> pd.DataFrame:
    """Budget (begroting) against realised (jaarrekening) per ``key``: both amounts, variance € and %.

    Inputs hold ``key`` and ``amount_eur``. An item missing from a document that exists counts as
    0 there (it was not budgeted, or not spent); a document that does not exist
    (``*_present=False``, e.g. no jaarrekening yet) gives None, so no variance is invented.
    """
    b = budget.groupby(key)["amount_eur"].sum() if not budget.empty else pd.Series(dtype="int64")
    r = realised.groupby(key)["amount_eur"].sum() if not realised.empty else pd.Series(dtype="int64")
    keys = sorted(set(b.index) | set(r.index))
    records = []
    for k in keys:
        budget_eur = int(b.get(k, 0)) if budget_present else None
        realised_eur = int(r.get(k, 0)) if realised_present else None
        difference, fraction = variance(budget_eur, realised_eur)
        records.append({key: k, "budget_eur": budget_eur, "realised_eur": realised_eur, "variance_eur": difference, "variance_pct": fraction})
    return pd.DataFrame.from_records(records, columns=[key, "budget_eur", "realised_eur", "variance_eur", "variance_pct"])


def instrument_split(allocations: pd.DataFrame) -> pd.DataFrame:
    """Amount and share per funding instrument, in the fixed instrument order."""
    columns = ["instrument", "amount_eur", "share"]
    if allocations.empty:
        return pd.DataFrame(columns=columns)
    sums = allocations.groupby("instrument")["amount_eur"].sum()
    total = int(sums.sum())
    records = [
        {"instrument": i, "amount_eur": int(sums[i]), "share": share(int(sums[i]), total)}
        for i in INSTRUMENTS if i in sums.index
    ]
    return pd.DataFrame.from_records(records, columns=columns)


def layer_split(allocations: pd.DataFrame, layers: dict[str, str], cbs_totals: pd.DataFrame) -> pd.DataFrame:
    """Per (year, kind): the theme's amount per layer (social base, maatwerk, escalated care), plus
    what is not allocated, and each as a share of the CBS total — "the move to the front".

    ``layers`` maps programme slug → layer; ``cbs_totals`` has ``year``, ``kind``, ``lasten_eur``
    (the CBS total of the level for each document). Documents without allocations are all "not allocated".
    """
    columns = ["year", "kind", "layer", "amount_eur", "share"]
    tagged = allocations.assign(layer=allocations["programme"].map(layers))
    sums = tagged.groupby(["year", "kind", "layer"])["amount_eur"].sum() if not tagged.empty else pd.Series(dtype="int64")
    records = []
    for year, kind, total in cbs_totals[["year", "kind", "lasten_eur"]].itertuples(index=False):
        allocated = 0
        for layer in LAYERS:
            amount = int(sums.get((year, kind, layer), 0))
            allocated += amount
            records.append({"year": int(year), "kind": kind, "layer": layer, "amount_eur": amount, "share": share(amount, int(total))})
        remainder = int(total) - allocated
        if remainder:
            records.append({"year": int(year), "kind": kind, "layer": UNALLOCATED, "amount_eur": remainder, "share": share(remainder, int(total))})
    frame = pd.DataFrame.from_records(records, columns=columns)
    return frame.sort_values(["kind", "year"], kind="stable").reset_index(drop=True)


def totals_by_document(allocations: pd.DataFrame) -> pd.DataFrame:
    """Total amount per (year, kind), oldest first: the trend line of one programme or provider."""
    if allocations.empty:
        return pd.DataFrame(columns=["year", "kind", "amount_eur"])
    sums = allocations.groupby(["year", "kind"])["amount_eur"].sum().astype("int64").reset_index()
    return sums.sort_values(["kind", "year"]).reset_index(drop=True)


def largest_series(frame: pd.DataFrame, n: int, column: str = "series") -> list:
    """The ``n`` series with the largest amount summed over all documents, largest first (ties by name):
    the lines a trend chart draws; its table and CSV download hold the same series."""
    if frame.empty:
        return []
    sums = frame.groupby(column)["amount_eur"].sum()
    return sorted(sums.index, key=lambda s: (-sums[s], str(s)))[:n]
