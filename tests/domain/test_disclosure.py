"""Small-number suppression (domain.disclosure): primary, cost per client, totals, finer rows."""
from __future__ import annotations

import pandas as pd

from dashboard.domain import disclosure as dc


def test_counts_below_ten_are_small_and_empty_counts_are_not():
    assert [dc.is_small(n) for n in (0, 1, 9, 10, 11)] == [True, True, True, False, False]
    assert not dc.is_small(None) and not dc.is_small(pd.NA)


def test_small_counts_and_their_cost_per_client_are_emptied_in_public_mode_only():
    frame = pd.DataFrame({"provider": ["a", "b", "c"], "clients": pd.array([4, 25, None], dtype="Int64"), "cost_per_client_eur": [100.0, 40.0, None]})
    public = dc.protect_clients(frame)
    assert list(public[dc.DISCLOSURE_COLUMN]) == [dc.SMALL, dc.SHOWN, dc.SHOWN]
    assert public["clients"].isna().tolist() == [True, False, True]
    assert public["cost_per_client_eur"].isna().tolist() == [True, False, True]
    council = dc.protect_clients(frame, public=False)
    assert council["clients"].tolist()[:2] == [4, 25] and set(council[dc.DISCLOSURE_COLUMN]) == {dc.SHOWN}
    assert frame["clients"].tolist()[0] == 4, "the input is not changed"


def test_a_total_with_a_suppressed_part_is_hidden_so_it_cannot_be_subtracted():
    parts = dc.protect_clients(pd.DataFrame({"clients": pd.array([4, 25, 30], dtype="Int64")}))
    assert dc.protect_total(59, parts[dc.DISCLOSURE_COLUMN]) == (None, dc.HIDDEN)
    clean = dc.protect_clients(pd.DataFrame({"clients": pd.array([12, 25], dtype="Int64")}))
    assert dc.protect_total(37, clean[dc.DISCLOSURE_COLUMN]) == (37, dc.SHOWN)
    assert dc.protect_total(8, []) == (None, dc.SMALL)
    assert dc.protect_total(8, [dc.SMALL], public=False) == (8, dc.SHOWN)
    assert dc.protect_total(None, []) == (None, dc.SHOWN)


def test_finer_rows_of_a_group_with_a_small_row_are_all_hidden():
    # provider x in programme p: 11 + 4 = 15 is published on the pages; 11 would give the 4 back
    frame = pd.DataFrame({
        "programme": ["p", "p", "p", "q"], "provider": ["x", "x", "y", "x"],
        "clients": pd.array([11, 4, 30, 12], dtype="Int64"),
    })
    out = dc.protect_clients(frame, dependent=(), group_by=["programme", "provider"])
    assert list(out[dc.DISCLOSURE_COLUMN]) == [dc.HIDDEN, dc.SMALL, dc.SHOWN, dc.SHOWN]
    assert out["clients"].isna().tolist() == [True, True, False, False]
