"""Pure drill-down arithmetic: exact splits, variance, shares, remainder, layers, cost per client."""
from __future__ import annotations

import random

import pandas as pd
import pytest

from dashboard.domain import drilldown as dd


def allocations(rows):
    return pd.DataFrame.from_records(rows, columns=dd.ALLOCATION_COLUMNS)


@pytest.mark.parametrize("seed", range(25))
def test_split_exact_always_adds_up_to_the_euro(seed):
    rng = random.Random(seed)
    total = rng.randint(-5_000_000, 50_000_000)
    weights = [rng.uniform(0, 5) for _ in range(rng.randint(1, 7))] + [0.5]
    parts = dd.split_exact(total, weights)
    assert sum(parts) == total
    assert len(parts) == len(weights)
    scale = sum(weights)
    for part, weight in zip(parts, weights):  # each part within one euro of its exact share
        assert abs(part - total * weight / scale) < 1


def test_split_exact_refuses_weights_that_cannot_split():
    with pytest.raises(ValueError):
        dd.split_exact(100, [])
    with pytest.raises(ValueError):
        dd.split_exact(100, [0, 0])
    with pytest.raises(ValueError):
        dd.split_exact(100, [1, -1])


def test_variance_and_share_never_divide_by_zero():
    assert dd.variance(1000, 1100) == (100, pytest.approx(0.1))
    assert dd.variance(0, 50) == (50, None)
    assert dd.variance(None, 50) == (None, None)
    assert dd.variance(100, None) == (None, None)
    assert dd.share(25, 100) == 0.25
    assert dd.share(25, 0) is None
    assert dd.share(None, 10) is None


def test_cost_per_client_only_where_clients_are_counted():
    assert dd.cost_per_client(10_000, 4) == 2500
    assert dd.cost_per_client(10_000, 0) is None
    assert dd.cost_per_client(10_000, None) is None
    assert dd.cost_per_client(10_000, pd.NA) is None


def test_taakveld_reconciliation_keeps_the_remainder_visible_in_both_directions():
    cbs = pd.DataFrame({"code": ["6.3", "6.4", "6.5"], "lasten_eur": [1000, 500, 0]})
    alloc = allocations(
        [
            (2025, "begroting", "income-support", "m", "6.3", "benefit", 700, 10),
            (2025, "begroting", "debt-counselling", "w", "6.3", "subsidy", 200, None),
            (2025, "begroting", "sheltered-employment", "s", "6.4", "lump sum", 600, 5),
        ]
    )
    rec = dd.taakveld_reconciliation(cbs, alloc).set_index("code")
    assert rec.loc["6.3", "unallocated_eur"] == 100
    assert rec.loc["6.4", "unallocated_eur"] == -100  # over-allocated: shown, not hidden
    assert rec.loc["6.5", "unallocated_eur"] == 0
    assert int(rec["allocated_eur"].sum() + rec["unallocated_eur"].sum()) == int(cbs["lasten_eur"].sum())


def test_programme_ranking_orders_by_amount_and_sums_clients_only_where_counted():
    alloc = allocations(
        [
            (2025, "begroting", "a", "p1", "6.1", "subsidy", 300, None),
            (2025, "begroting", "a", "p2", "6.1", "subsidy", 100, None),
            (2025, "begroting", "b", "p1", "6.2", "procurement", 500, 20),
            (2025, "begroting", "b", "p3", "6.2", "subsidy", 100, 5),
        ]
    )
    ranking = dd.programme_ranking(alloc, 1200)
    assert list(ranking["programme"]) == ["b", "a"]
    b, a = ranking.to_dict("records")
    assert b["amount_eur"] == 600 and b["share"] == pytest.approx(0.5) and b["providers"] == 2 and b["clients"] == 25
    assert b["instruments"] == ("subsidy", "procurement")  # fixed instrument order, not alphabetical
    assert pd.isna(a["clients"])


def test_provider_ranking_cost_per_client_and_share_of_programme():
    alloc = allocations(
        [
            (2025, "begroting", "x", "p1", "6.72a", "procurement", 6000, 3),
            (2025, "begroting", "x", "p1", "6.72b", "procurement", 4000, 2),
            (2025, "begroting", "x", "p2", "6.72a", "pgb", 10000, None),
        ]
    )
    ranking = dd.provider_ranking(alloc).set_index("provider")
    assert ranking.loc["p1", "amount_eur"] == 10000
    assert ranking.loc["p1", "cost_per_client_eur"] == 2000
    assert ranking.loc["p1", "share"] == pytest.approx(0.5)
    assert ranking.loc["p2", "cost_per_client_eur"] is None or pd.isna(ranking.loc["p2", "cost_per_client_eur"])


def test_compare_documents_distinguishes_missing_item_from_missing_document():
    budget = pd.DataFrame({"programme": ["a", "b"], "amount_eur": [100, 200]})
    realised = pd.DataFrame({"programme": ["a", "c"], "amount_eur": [150, 40]})
    both = dd.compare_documents(budget, realised, "programme").set_index("programme")
    assert both.loc["a", "variance_eur"] == 50 and both.loc["a", "variance_pct"] == pytest.approx(0.5)
    assert both.loc["b", "realised_eur"] == 0  # budgeted, nothing spent
    assert both.loc["c", "budget_eur"] == 0 and pd.isna(both.loc["c", "variance_pct"])
    no_accounts = dd.compare_documents(budget, realised.iloc[0:0], "programme", realised_present=False).set_index("programme")
    assert no_accounts["realised_eur"].isna().all() and no_accounts["variance_eur"].isna().all()


def test_layer_split_adds_up_to_the_cbs_total_with_a_labelled_remainder():
    alloc = allocations(
        [
            (2024, "begroting", "front", "p", "6.1", "subsidy", 300, None),
            (2024, "begroting", "care", "p", "6.1", "procurement", 500, None),
            (2025, "begroting", "front", "p", "6.1", "subsidy", 400, None),
        ]
    )
    cbs = pd.DataFrame({"year": [2024, 2025, 2026], "kind": ["begroting"] * 3, "lasten_eur": [1000, 400, 700]})
    split = dd.layer_split(alloc, {"front": "social base", "care": "maatwerk"}, cbs)
    for year, total in cbs[["year", "lasten_eur"]].itertuples(index=False):
        rows = split[split["year"] == year]
        assert int(rows["amount_eur"].sum()) == total
        assert rows["share"].sum() == pytest.approx(1.0)
    assert split[(split["year"] == 2024) & (split["layer"] == dd.UNALLOCATED)]["amount_eur"].iloc[0] == 200
    assert dd.UNALLOCATED not in set(split[split["year"] == 2025]["layer"])
    assert split[(split["year"] == 2026) & (split["layer"] == dd.UNALLOCATED)]["amount_eur"].iloc[0] == 700


def test_instrument_split_and_totals_by_document():
    alloc = allocations(
        [
            (2024, "begroting", "a", "p", "6.1", "pgb", 100, None),
            (2024, "begroting", "a", "q", "6.1", "subsidy", 300, None),
            (2024, "jaarrekening", "a", "q", "6.1", "subsidy", 250, None),
        ]
    )
    split = dd.instrument_split(alloc[alloc["kind"] == "begroting"])
    assert list(split["instrument"]) == ["subsidy", "pgb"]
    assert split["share"].sum() == pytest.approx(1.0)
    totals = dd.totals_by_document(alloc)
    assert {(r["year"], r["kind"]): r["amount_eur"] for r in totals.to_dict("records")} == {(2024, "begroting"): 400, (2024, "jaarrekening"): 250}
