"""Drill-down arithmetic: theme → programme → provider. Pure functions, no I/O, no Dash.

The functions work on plain allocation records — dicts with the keys of ``ALLOCATION_COLUMNS``
(whole euros as ``int``; ``clients`` an ``int`` or None/NaN where nobody was counted) — because
the query layer computes every view of a document in one pass over them and pandas per small group
is many times slower. CBS taakveld records have ``code`` and ``lasten_eur``. Every function keeps the
euro sums exact: nothing is rounded, spread or dropped, and what is not allocated stays visible as
its own row. The ratios (share, variance, cost per client) live in ``domain.variance`` and are
importable from here too.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from dashboard.domain.variance import budget_against_realised, compare, cost_per_client, missing, share, variance  # noqa: F401 (part of this module's interface)

LAYERS: tuple[str, ...] = ("social base", "maatwerk", "escalated care")
INSTRUMENTS: tuple[str, ...] = ("subsidy", "procurement", "lump sum", "pgb", "benefit")
PROVIDER_KINDS: tuple[str, ...] = ("welfare organisation", "care provider", "social enterprise", "municipality")
#: Label of the remainder between the CBS taakveld totals and the programme figures.
UNALLOCATED = "not allocated to a programme"

ALLOCATION_COLUMNS = ["year", "kind", "programme", "provider", "taakveld", "instrument", "amount_eur", "clients"]

_INSTRUMENT_ORDER = {name: i for i, name in enumerate(INSTRUMENTS)}


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


# Grouping ---------------------------------------------------------------------------------------


def group_by(records: Iterable[dict], *keys: str) -> dict:
    """Records per distinct value of ``keys`` (a scalar for one key, a tuple for several), first seen first."""
    out: dict = {}
    if len(keys) == 1:
        (key,) = keys
        for r in records:
            out.setdefault(r[key], []).append(r)
    else:
        for r in records:
            out.setdefault(tuple(r[k] for k in keys), []).append(r)
    return out


def sums_by(records: Iterable[dict], *keys: str) -> dict:
    """``amount_eur`` summed per distinct value of ``keys`` (as in ``group_by``), first seen first."""
    out: dict = {}
    if len(keys) == 1:
        (key,) = keys
        for r in records:
            out[r[key]] = out.get(r[key], 0) + r["amount_eur"]
    else:
        for r in records:
            k = tuple(r[c] for c in keys)
            out[k] = out.get(k, 0) + r["amount_eur"]
    return out


def sorted_sums(records: Iterable[dict], *keys: str) -> list[dict]:
    """``sums_by`` as rows (``keys`` and ``amount_eur``) sorted by ``keys``: a tree or a trend table."""
    sums = sums_by(records, *keys)
    if len(keys) == 1:
        return [{keys[0]: k, "amount_eur": a} for k, a in sorted(sums.items())]
    return [{**dict(zip(keys, k)), "amount_eur": a} for k, a in sorted(sums.items())]


def total(records: Iterable[dict]) -> int:
    """The euros of ``records`` added up (negative corrections included: they are real bookings)."""
    return sum(r["amount_eur"] for r in records)


# Clients and instruments ------------------------------------------------------------------------


def sum_clients(counts: Iterable) -> int | None:
    """Clients add up only where counted; a group without any count stays empty (None), never 0.

    Why: "no count" (a subsidy for a walk-in centre) is not "zero clients", and a cost per client
    computed from a partial sum would be wrong either way. ``counts`` may be a pandas Series."""
    present = [c for c in counts if not missing(c)]
    return int(sum(present)) if present else None


def clients_of(records: Iterable[dict]) -> int | None:
    """``sum_clients`` of the records' ``clients``."""
    return sum_clients(r["clients"] for r in records)


def instruments_of(instruments: Iterable[str]) -> tuple[str, ...]:
    """The distinct funding instruments in the fixed order of ``INSTRUMENTS`` (not alphabetical), so
    every table and download lists them the same way."""
    return tuple(sorted(set(instruments), key=_INSTRUMENT_ORDER.__getitem__))


def instrument_split(records: Iterable[dict]) -> list[dict]:
    """Amount and share per funding instrument (``instrument``, ``amount_eur``, ``share``), in the fixed order."""
    sums = sums_by(records, "instrument")
    whole = sum(sums.values())
    return [{"instrument": i, "amount_eur": sums[i], "share": share(sums[i], whole)} for i in INSTRUMENTS if i in sums]


# Rankings ---------------------------------------------------------------------------------------


def breakdown(records: Iterable[dict], key: str, whole: int | Mapping | None) -> list[dict]:
    """One row per distinct ``key``: ``amount_eur``, ``share`` of ``whole``, ``instruments``, ``clients``
    (counted only) and ``cost_per_client_eur``; largest amount first, ties by ``key``.

    ``whole`` is the total the share is of: one number for every row (a provider's share of its
    programme), or a mapping key → total (a provider's amount as a share of each programme's total).
    """
    rows = []
    per_key = isinstance(whole, Mapping)
    for k, group in group_by(records, key).items():
        amount, clients = total(group), clients_of(group)
        of = whole.get(k) if per_key else whole
        rows.append({key: k, "amount_eur": amount, "share": share(amount, of), "instruments": instruments_of(r["instrument"] for r in group),
                     "clients": clients, "cost_per_client_eur": cost_per_client(amount, clients)})
    rows.sort(key=lambda r: (-r["amount_eur"], r[key]))
    return rows


def provider_ranking(records: Iterable[dict], level_total: int | None = None) -> list[dict]:
    """Providers of some allocations (e.g. one programme in one document), by ``breakdown``; the share
    is of ``level_total``, by default of the records' own total."""
    records = list(records)
    return breakdown(records, "provider", total(records) if level_total is None else level_total)


def programme_ranking(records: Iterable[dict], level_total: int) -> list[dict]:
    """Programmes of one document (e.g. of one theme) by ``breakdown``, with ``providers``: how many
    distinct providers carry each out. The share is of the level above (the CBS theme total)."""
    records = list(records)
    rows = breakdown(records, "programme", level_total)
    providers = {p: len({r["provider"] for r in group}) for p, group in group_by(records, "programme").items()}
    for row in rows:
        row["providers"] = providers[row["programme"]]
    return rows


# Reconciliation and layers ----------------------------------------------------------------------


def taakveld_reconciliation(cbs: Iterable[dict], allocations: Iterable[dict]) -> list[dict]:
    """Per taakveld code of one document, sorted by code: ``cbs_lasten_eur``, ``allocated_eur`` (to
    programmes) and ``unallocated_eur`` (the remainder, CBS minus allocated).

    ``cbs`` holds the CBS rows that belong to the level (e.g. one theme's codes); a missing CBS figure
    counts as 0, and so do codes that carry allocations but no CBS row, so an over-allocation shows as
    a negative remainder instead of disappearing.
    """
    cbs_sum: dict = {}
    for r in cbs:
        value = r["lasten_eur"]
        cbs_sum[r["code"]] = cbs_sum.get(r["code"], 0) + (0 if missing(value) else int(value))
    allocated = sums_by(allocations, "taakveld")
    return [
        {"code": c, "cbs_lasten_eur": cbs_sum.get(c, 0), "allocated_eur": allocated.get(c, 0),
         "unallocated_eur": cbs_sum.get(c, 0) - allocated.get(c, 0)}
        for c in sorted(set(cbs_sum) | set(allocated))
    ]


def layer_split(records: Iterable[dict], layers: Mapping[str, str], cbs_totals: Iterable[tuple]) -> list[dict]:
    """Per document: the level's amount per layer (social base, maatwerk, escalated care), plus what is
    not allocated (where not 0), each with its share of the CBS total — "the move to the front".

    ``layers`` maps programme slug → layer (a programme without one counts to no layer: its euros show
    as not allocated); ``cbs_totals`` gives (year, kind, CBS lasten of the level) per document. Rows
    ``year``, ``kind``, ``layer``, ``amount_eur``, ``share``, ordered by kind then year (each document's
    rows in layer order); a document without allocations is all "not allocated".
    """
    sums: dict = {}
    for r in records:
        key = (r["year"], r["kind"], layers.get(r["programme"]))
        sums[key] = sums.get(key, 0) + r["amount_eur"]
    out = []
    for year, kind, whole in cbs_totals:
        year, whole = int(year), int(whole)
        allocated = 0
        for layer in LAYERS:
            amount = sums.get((year, kind, layer), 0)
            allocated += amount
            out.append({"year": year, "kind": kind, "layer": layer, "amount_eur": amount, "share": share(amount, whole)})
        remainder = whole - allocated
        if remainder:
            out.append({"year": year, "kind": kind, "layer": UNALLOCATED, "amount_eur": remainder, "share": share(remainder, whole)})
    out.sort(key=lambda r: (r["kind"], r["year"]))  # stable: layer order within a document
    return out


# Trends -----------------------------------------------------------------------------------------


def document_totals(records: Iterable[dict]) -> list[dict]:
    """Total amount per document (``year``, ``kind``, ``amount_eur``), by kind then year: the trend
    line of one programme or provider."""
    return [{"year": y, "kind": k, "amount_eur": a} for (y, k), a in sorted(sums_by(records, "year", "kind").items(), key=lambda i: (i[0][1], i[0][0]))]


def totals_by_document(allocations: pd.DataFrame) -> pd.DataFrame:
    """``document_totals`` of an allocation frame, as a frame (for the API's trend download)."""
    return pd.DataFrame.from_records(document_totals(allocations.to_dict("records")), columns=["year", "kind", "amount_eur"])


def largest_series(frame: pd.DataFrame, n: int, column: str = "series") -> list:
    """The ``n`` series with the largest amount summed over all documents, largest first (ties by name):
    the lines a trend chart draws; its table and CSV download hold the same series."""
    if frame.empty:
        return []
    sums: dict = {}
    for series, amount in zip(frame[column], frame["amount_eur"]):
        sums[series] = sums.get(series, 0) + amount
    return sorted(sums, key=lambda s: (-sums[s], str(s)))[:n]
