"""Shares, budget against realised and cost per client: None where not computable, never a division by zero."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.domain import variance as v


def test_missing_covers_none_nan_and_pandas_na():
    assert v.missing(None) and v.missing(float("nan")) and v.missing(pd.NA) and v.missing(pd.NaT)
    assert not v.missing(0) and not v.missing(-3) and not v.missing(0.0)


def test_variance_and_share_never_divide_by_zero():
    assert v.variance(1000, 1100) == (100, pytest.approx(0.1))
    assert v.variance(0, 50) == (50, None)  # zero budget: a difference, no percentage
    assert v.variance(None, 50) == (None, None)
    assert v.variance(100, None) == (None, None)
    assert v.variance(100, float("nan")) == (None, None)
    assert v.variance(-200, -100) == (100, pytest.approx(-0.5))  # negative corrections are figures too
    assert v.share(25, 100) == 0.25
    assert v.share(-25, 100) == -0.25
    assert v.share(25, 0) is None
    assert v.share(None, 10) is None
    assert v.share(5, pd.NA) is None


def test_cost_per_client_only_where_clients_are_counted():
    assert v.cost_per_client(10_000, 4) == 2500
    assert v.cost_per_client(10_000, 0) is None
    assert v.cost_per_client(10_000, None) is None
    assert v.cost_per_client(10_000, pd.NA) is None
    assert v.cost_per_client(None, 4) is None


def test_no_jaarrekening_yet_gives_no_variance_but_a_missing_item_is_zero():
    assert v.budget_against_realised(100, 0, realised_present=False) == {
        "budget_eur": 100, "realised_eur": None, "variance_eur": None, "variance_pct": None}
    assert v.budget_against_realised(0, 40) == {"budget_eur": 0, "realised_eur": 40, "variance_eur": 40, "variance_pct": None}
    assert v.budget_against_realised(0, 0, budget_present=False, realised_present=False)["budget_eur"] is None


def test_compare_distinguishes_missing_item_from_missing_document():
    both = v.compare({"a": 100, "b": 200}, {"a": 150, "c": 40}, keys=["d"])
    assert set(both) == {"a", "b", "c", "d"}
    assert both["a"]["variance_eur"] == 50 and both["a"]["variance_pct"] == pytest.approx(0.5)
    assert both["b"]["realised_eur"] == 0  # budgeted, nothing spent
    assert both["c"]["budget_eur"] == 0 and both["c"]["variance_pct"] is None
    assert both["d"] == {"budget_eur": 0, "realised_eur": 0, "variance_eur": 0, "variance_pct": None}
    no_accounts = v.compare({"a": 100}, {}, realised_present=False)
    assert no_accounts["a"]["realised_eur"] is None and no_accounts["a"]["variance_eur"] is None
