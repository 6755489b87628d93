"""One document's programme and provider figures, and the trend series, each from one pass over records."""
from __future__ import annotations

import pytest

from dashboard.domain import drilldown as dd
from dashboard.domain.drilldown_parts import document_parts, trend_series


def records(rows):
    return [dict(zip([*dd.ALLOCATION_COLUMNS, "theme"], row)) for row in rows]


BUDGET = records([
    (2024, "begroting", "a", "p", "6.1", "subsidy", 600, 4, "Young"),
    (2024, "begroting", "a", "q", "6.2", "pgb", 400, None, "Young"),
    (2024, "begroting", "b", "p", "6.3", "procurement", 300, None, "Work"),
])
REALISED = records([
    (2024, "jaarrekening", "a", "p", "6.1", "subsidy", 700, 5, "Young"),
    (2024, "jaarrekening", "a", "p", "6.1", "subsidy", -50, None, "Young"),  # a correction
    (2024, "jaarrekening", "c", "q", "6.4", "benefit", 80, None, None),  # a programme without a theme
])


def test_programme_parts_rank_providers_within_the_programme():
    parts = document_parts(BUDGET, BUDGET, REALISED, True, True)
    a = parts["programmes"]["a"]
    assert a["amount_eur"] == 1000 and a["clients"] == 4 and a["taakvelden"] == {"6.1": 600, "6.2": 400}
    assert [(r["provider"], r["amount_eur"], r["share"]) for r in a["providers"]] == [("p", 600, 0.6), ("q", 400, 0.4)]
    assert a["providers"][0]["cost_per_client_eur"] == 150 and a["providers"][1]["clients"] is None
    assert [r["instrument"] for r in a["instruments"]] == ["subsidy", "pgb"]


def test_provider_parts_give_the_share_of_each_programme():
    p = document_parts(BUDGET, BUDGET, REALISED, True, True)["providers"]["p"]
    assert p["amount_eur"] == 900
    assert {r["programme"]: r["share"] for r in p["programmes"]} == {"a": 0.6, "b": 1.0}


def test_comparisons_per_item_and_pair_with_both_documents():
    parts = document_parts(BUDGET, BUDGET, REALISED, True, True)
    assert parts["compare_programme"]["a"] == {"budget_eur": 1000, "realised_eur": 650, "variance_eur": -350, "variance_pct": pytest.approx(-0.35)}
    assert parts["compare_programme"]["c"]["budget_eur"] == 0  # spent without a budget
    assert parts["compare_programme_provider"]["a"]["q"]["realised_eur"] == 0
    assert parts["compare_provider_programme"]["q"]["a"] is parts["compare_programme_provider"]["a"]["q"]
    assert parts["compare_provider"]["q"]["realised_eur"] == 80
    assert parts["no_comparison"] == {"budget_eur": 0, "realised_eur": 0, "variance_eur": 0, "variance_pct": None}


def test_no_jaarrekening_yet_no_realised_figures():
    parts = document_parts(BUDGET, BUDGET, [], True, False)
    assert parts["compare_programme"]["a"] == {"budget_eur": 1000, "realised_eur": None, "variance_eur": None, "variance_pct": None}
    assert parts["no_comparison"]["realised_eur"] is None


def test_an_empty_document_has_no_parts():
    parts = document_parts([], [], [], False, False)
    assert parts["programmes"] == {} and parts["providers"] == {} and parts["compare_programme"] == {}


def test_trend_series_per_programme_and_provider():
    series = trend_series(BUDGET + REALISED)
    assert series["programme_totals"]["a"] == [{"year": 2024, "kind": "begroting", "amount_eur": 1000},
                                               {"year": 2024, "kind": "jaarrekening", "amount_eur": 650}]
    assert series["programme_providers"]["a"][0] == {"year": 2024, "kind": "begroting", "provider": "p", "amount_eur": 600}
    assert series["provider_themes"]["p"] == [
        {"year": 2024, "kind": "begroting", "theme": "Work", "amount_eur": 300},
        {"year": 2024, "kind": "begroting", "theme": "Young", "amount_eur": 600},
        {"year": 2024, "kind": "jaarrekening", "theme": "Young", "amount_eur": 650},
    ]
    assert "q" in series["provider_themes"] and all(r["theme"] for r in series["provider_themes"]["q"])  # theme-less rows left out
