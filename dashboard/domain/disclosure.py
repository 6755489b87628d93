"""Small-number suppression for the public site: no client count below 10 leaves the server.

Pure functions, no I/O. Council mode sees every count; the public mode of the query layer runs its
client counts through :func:`protect_clients` and :func:`protect_total` before any page, download or
API route sees them, so the rule is decided here and only here.

The rules
---------
1. **Primary suppression.** A client count below ``THRESHOLD`` (10) — zero included — is not
   published. Pages write "< 10"; the API and the CSV files give an empty value and
   ``suppressed: true``.
2. **Cost per client goes with the count.** Amounts are published, so the cost per client of a
   suppressed count would give the count back (amount / cost). It is hidden wherever its count is.
3. **Secondary suppression (totals).** A total whose parts are published too would give a suppressed
   part back by subtraction (programme total − the providers shown = the hidden provider). So a total
   is hidden whenever any of its parts is suppressed (:func:`protect_total`).
4. **Secondary suppression (finer rows).** Where a coarser count is published (a provider within a
   programme) and finer rows add up to it (the provider's allocations per taakveld and instrument in
   ``/api/v1/allocations``), one suppressed fine row could be recovered as the coarse count minus its
   visible siblings. So if any row of such a group is suppressed, every count of that group is
   (:func:`protect_clients` with ``group_by``).

Secondarily suppressed counts are not small themselves, so pages do not write "< 10" for them but
"not shown" (``HIDDEN``); the API marks both kinds ``suppressed: true``.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

#: Client counts below this are not published.
THRESHOLD = 10

SHOWN = ""  # published as it is
SMALL = "small"  # primary: below THRESHOLD ("< 10")
HIDDEN = "hidden"  # secondary: would reveal a small count by subtraction ("not shown")

DISCLOSURE_COLUMN = "clients_disclosure"


def is_small(count) -> bool:
    """True for a client count that may not be published (an empty count is not a count: False)."""
    return count is not None and not pd.isna(count) and int(count) < THRESHOLD


def protect_clients(
    frame: pd.DataFrame,
    count: str = "clients",
    dependent: Iterable[str] = ("cost_per_client_eur",),
    group_by: list[str] | None = None,
    public: bool = True,
) -> pd.DataFrame:
    """A copy of ``frame`` with a ``clients_disclosure`` column and, where ``public``, the suppressed
    counts (and the ``dependent`` columns derived from them) emptied.

    ``group_by``: columns of a coarser level whose count is published elsewhere (rule 4): one
    suppressed row hides every count of its group. Council mode (``public=False``) only adds the
    column, every row ``SHOWN``, so pages and the API read one shape in both modes.
    """
    out = frame.copy()
    disclosure = pd.Series(SHOWN, index=out.index, dtype="object")
    if public and not out.empty:
        small = out[count].map(is_small).astype(bool)
        disclosure[small] = SMALL
        if group_by:
            group_has_small = small.groupby([out[c] for c in group_by]).transform("any").astype(bool)
            counted = out[count].notna()
            disclosure[group_has_small & ~small & counted] = HIDDEN
        hide = disclosure != SHOWN
        out[count] = out[count].astype("Int64").mask(hide)
        for column in dependent:
            if column in out.columns:
                out[column] = out[column].astype("Float64").mask(hide)
    out[DISCLOSURE_COLUMN] = disclosure
    return out


def protect_total(total, parts_disclosure: Iterable[str], public: bool = True) -> tuple[int | None, str]:
    """The total of parts that were run through :func:`protect_clients`: (value or None, disclosure).

    A small total is ``SMALL``; a total with any suppressed part is ``HIDDEN`` (rule 3).
    """
    if total is None or pd.isna(total):
        return None, SHOWN
    if not public:
        return int(total), SHOWN
    if is_small(total):
        return None, SMALL
    if any(d != SHOWN for d in parts_disclosure):
        return None, HIDDEN
    return int(total), SHOWN


def suppressed(disclosure: str) -> bool:
    return disclosure != SHOWN
