"""Pure drill-down arithmetic on allocation records: exact splits, clients, instruments, rankings,
the taakveld remainder, layers and trends."""
from __future__ import annotations

import random

import pandas as pd
import pytest

from dashboard.domain import drilldown as dd


def records(rows, theme="Young"):
    return [dict(zip(dd.ALLOCATION_COLUMNS, row), theme=theme) for row in rows]


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


def test_the_ratios_stay_importable_from_the_drilldown_module():
    assert dd.share(25, 100) == 0.25 and dd.variance(100, 150) == (50, 0.5) and dd.cost_per_client(10, 2) == 5


def test_missing_client_counts_stay_missing_not_zero():
    assert dd.sum_clients([None, None]) is None
    assert dd.sum_clients([]) is None
    assert dd.sum_clients([None, 4, float("nan"), pd.NA, 6]) == 10
    assert dd.sum_clients([0, None]) == 0  # a counted zero is a count
    assert dd.sum_clients(pd.Series([3, None, 2], dtype="Int64")) == 5  # a pandas group works too
    assert dd.sum_clients(pd.Series([float("nan")])) is None


def test_instruments_keep_the_fixed_order_not_alphabetical():
    assert dd.instruments_of(["pgb", "subsidy", "pgb", "benefit", "procurement"]) == ("subsidy", "procurement", "pgb", "benefit")
    assert dd.instruments_of([]) == ()


def test_instrument_split_shares_add_up_and_keep_negative_corrections():
    alloc = records([
        (2024, "begroting", "a", "p", "6.1", "pgb", 100, None),
        (2024, "begroting", "a", "q", "6.1", "subsidy", 350, None),
        (2024, "begroting", "a", "q", "6.1", "subsidy", -50, None),  # a correction
    ])
    split = dd.instrument_split(alloc)
    assert [r["instrument"] for r in split] == ["subsidy", "pgb"]
    assert [r["amount_eur"] for r in split] == [300, 100]
    assert sum(r["share"] for r in split) == pytest.approx(1.0)
    assert dd.instrument_split([]) == []


def test_group_and_sum_by_one_or_several_keys_first_seen_first():
    alloc = records([
        (2024, "begroting", "b", "p", "6.1", "pgb", 1, None),
        (2024, "begroting", "a", "p", "6.1", "pgb", 2, None),
        (2024, "begroting", "b", "q", "6.1", "pgb", 4, None),
    ])
    assert list(dd.group_by(alloc, "programme")) == ["b", "a"]
    assert dd.sums_by(alloc, "programme") == {"b": 5, "a": 2}
    assert dd.sums_by(alloc, "programme", "provider") == {("b", "p"): 1, ("a", "p"): 2, ("b", "q"): 4}
    assert dd.sorted_sums(alloc, "programme") == [{"programme": "a", "amount_eur": 2}, {"programme": "b", "amount_eur": 5}]
    assert dd.sorted_sums(alloc, "programme", "provider")[0] == {"programme": "a", "provider": "p", "amount_eur": 2}
    assert dd.total(alloc) == 7 and dd.total([]) == 0


def test_programme_ranking_orders_by_amount_and_sums_clients_only_where_counted():
    alloc = records([
        (2025, "begroting", "a", "p1", "6.1", "subsidy", 300, None),
        (2025, "begroting", "a", "p2", "6.1", "subsidy", 100, None),
        (2025, "begroting", "b", "p1", "6.2", "procurement", 500, 20),
        (2025, "begroting", "b", "p3", "6.2", "subsidy", 100, 5),
    ])
    b, a = dd.programme_ranking(alloc, 1200)
    assert (b["programme"], a["programme"]) == ("b", "a")
    assert b["amount_eur"] == 600 and b["share"] == pytest.approx(0.5) and b["providers"] == 2 and b["clients"] == 25
    assert b["instruments"] == ("subsidy", "procurement")  # fixed instrument order, not alphabetical
    assert a["clients"] is None and a["cost_per_client_eur"] is None


def test_programme_ranking_with_a_zero_level_total_has_no_share():
    ranking = dd.programme_ranking(records([(2025, "begroting", "a", "p", "6.1", "subsidy", 0, 3)]), 0)
    assert ranking[0]["share"] is None and ranking[0]["cost_per_client_eur"] == 0


def test_ties_in_amount_are_ranked_by_slug():
    alloc = records([(2025, "begroting", "x", v, "6.1", "subsidy", 100, None) for v in ("q", "p", "r")])
    assert [r["provider"] for r in dd.provider_ranking(alloc)] == ["p", "q", "r"]


def test_provider_ranking_cost_per_client_and_share_of_programme():
    alloc = records([
        (2025, "begroting", "x", "p1", "6.72a", "procurement", 6000, 3),
        (2025, "begroting", "x", "p1", "6.72b", "procurement", 4000, 2),
        (2025, "begroting", "x", "p2", "6.72a", "pgb", 10000, None),
    ])
    ranking = {r["provider"]: r for r in dd.provider_ranking(alloc)}
    assert ranking["p1"]["amount_eur"] == 10000
    assert ranking["p1"]["cost_per_client_eur"] == 2000
    assert ranking["p1"]["share"] == pytest.approx(0.5)
    assert ranking["p2"]["cost_per_client_eur"] is None and ranking["p2"]["clients"] is None


def test_breakdown_with_a_total_per_key_gives_each_row_its_own_share():
    alloc = records([
        (2025, "begroting", "x", "p", "6.1", "pgb", 25, None),
        (2025, "begroting", "y", "p", "6.1", "pgb", 30, None),
    ])
    rows = {r["programme"]: r for r in dd.breakdown(alloc, "programme", {"x": 100, "y": 60})}
    assert rows["x"]["share"] == 0.25 and rows["y"]["share"] == 0.5
    assert {r["programme"]: r["share"] for r in dd.breakdown(alloc, "programme", {"x": 100})}["y"] is None  # no total: no share


def test_taakveld_reconciliation_keeps_the_remainder_visible_in_both_directions():
    cbs = [{"code": "6.3", "lasten_eur": 1000}, {"code": "6.4", "lasten_eur": 500}, {"code": "6.5", "lasten_eur": 0},
           {"code": "6.6", "lasten_eur": float("nan")}]
    alloc = records([
        (2025, "begroting", "income-support", "m", "6.3", "benefit", 700, 10),
        (2025, "begroting", "debt-counselling", "w", "6.3", "subsidy", 200, None),
        (2025, "begroting", "sheltered-employment", "s", "6.4", "lump sum", 600, 5),
        (2025, "begroting", "sheltered-employment", "s", "6.9", "lump sum", 50, 5),  # no CBS row at all
    ])
    rec = {r["code"]: r for r in dd.taakveld_reconciliation(cbs, alloc)}
    assert list(rec) == ["6.3", "6.4", "6.5", "6.6", "6.9"]
    assert rec["6.3"]["unallocated_eur"] == 100
    assert rec["6.4"]["unallocated_eur"] == -100  # over-allocated: shown, not hidden
    assert rec["6.5"]["unallocated_eur"] == 0
    assert rec["6.6"]["cbs_lasten_eur"] == 0  # a missing CBS figure counts as 0
    assert rec["6.9"] == {"code": "6.9", "cbs_lasten_eur": 0, "allocated_eur": 50, "unallocated_eur": -50}
    assert sum(r["allocated_eur"] + r["unallocated_eur"] for r in rec.values()) == 1500


def test_layer_split_adds_up_to_the_cbs_total_with_a_labelled_remainder():
    alloc = records([
        (2024, "begroting", "front", "p", "6.1", "subsidy", 300, None),
        (2024, "begroting", "care", "p", "6.1", "procurement", 500, None),
        (2024, "begroting", "unlayered", "p", "6.1", "procurement", 50, None),  # no layer: counts as not allocated
        (2025, "begroting", "front", "p", "6.1", "subsidy", 400, None),
    ])
    cbs = [(2025, "begroting", 400), (2024, "begroting", 1000), (2026, "begroting", 700), (2024, "jaarrekening", 10)]
    split = dd.layer_split(alloc, {"front": "social base", "care": "maatwerk"}, cbs)
    assert [(r["kind"], r["year"]) for r in split][:4] == [("begroting", 2024)] * 4  # by kind, then year
    for year, kind, whole in cbs:
        rows = [r for r in split if (r["year"], r["kind"]) == (year, kind)]
        assert sum(r["amount_eur"] for r in rows) == whole
        assert sum(r["share"] for r in rows) == pytest.approx(1.0)
        assert [r["layer"] for r in rows][:3] == list(dd.LAYERS)
    unallocated = {(r["year"], r["kind"]): r["amount_eur"] for r in split if r["layer"] == dd.UNALLOCATED}
    assert unallocated == {(2024, "begroting"): 200, (2026, "begroting"): 700, (2024, "jaarrekening"): 10}


def test_layer_split_of_a_zero_cbs_total_has_no_shares():
    split = dd.layer_split([], {}, [(2024, "begroting", 0)])
    assert [r["amount_eur"] for r in split] == [0, 0, 0] and all(r["share"] is None for r in split)


def test_document_totals_and_the_frame_wrapper():
    alloc = records([
        (2024, "jaarrekening", "a", "q", "6.1", "subsidy", 250, None),
        (2025, "begroting", "a", "q", "6.1", "subsidy", 10, None),
        (2024, "begroting", "a", "p", "6.1", "pgb", 100, None),
        (2024, "begroting", "a", "q", "6.1", "subsidy", 300, None),
    ])
    assert dd.document_totals(alloc) == [
        {"year": 2024, "kind": "begroting", "amount_eur": 400}, {"year": 2025, "kind": "begroting", "amount_eur": 10},
        {"year": 2024, "kind": "jaarrekening", "amount_eur": 250},
    ]
    frame = dd.totals_by_document(pd.DataFrame.from_records(alloc))
    assert frame.to_dict("records") == dd.document_totals(alloc) and str(frame["amount_eur"].dtype) == "int64"


def test_largest_series_sums_over_documents_and_breaks_ties_by_name():
    frame = pd.DataFrame({"series": ["b", "a", "c", "b", "d"], "amount_eur": [5, 10, 10, 5, -1]})
    assert dd.largest_series(frame, 3) == ["a", "b", "c"]
    assert dd.largest_series(frame, 10)[-1] == "d"
    assert dd.largest_series(frame.iloc[0:0], 3) == []
