"""Saving and still effective, where the cuts land, and whether the savings show in the accounts."""

from __future__ import annotations

from decimal import Decimal

from dashboard.domain.savings import Measure, SavingsTarget
from dashboard.domain.savings_effects import against_baseline, check_measures, where_cuts_land
from tests.domain.savings_cases import indicator

LAYERS = {"base": "social base", "care": "maatwerk", "crisis": "escalated care"}
SPENDING = {"base": 200, "care": 600, "crisis": 200}  # social base 20 % of spending


def measure(slug, programmes, planned, status="running", indicators=()):
    return Measure(slug, slug, "Work", "reduction", status, {2020: planned}, programmes=programmes, indicators=indicators)


def test_a_measure_with_an_off_track_indicator_is_flagged():
    reintegration = indicator("outflow", {2023: 55, 2024: 40})  # minimum 50, tolerance 1: off track
    health = indicator("health", {2024: 60})
    checks = check_measures([measure("werkcafe", ("care",), 10, indicators=("outflow", "health", "gone"))], [reintegration, health])
    (check,) = checks
    assert check.flagged
    assert [r.info.slug for r in check.off_track] == ["outflow"]
    assert check.missing == ("gone",)


def test_at_risk_or_on_track_is_not_flagged():
    at_risk = indicator("outflow", {2024: 49.5})
    (check,) = check_measures([measure("m", ("care",), 10, indicators=("outflow",))], [at_risk])
    assert at_risk.status == "at risk"
    assert not check.flagged


def test_social_base_warning_fires_when_it_carries_more_than_its_share():
    cuts = where_cuts_land([measure("a", ("base",), 50), measure("b", ("care",), 50)], LAYERS, SPENDING, [2020])
    base = cuts.layers[0]
    assert base.layer == "social base"
    assert base.savings_share == Decimal("0.5") and base.spending_share == Decimal("0.2")
    assert cuts.social_base_warning


def test_no_warning_when_the_cuts_follow_the_spending():
    cuts = where_cuts_land([measure("a", ("base",), 20), measure("b", ("care",), 60), measure("c", ("crisis",), 20)], LAYERS, SPENDING, [2020])
    assert [layer.savings_share for layer in cuts.layers] == [Decimal("0.2"), Decimal("0.6"), Decimal("0.2")]
    assert not cuts.social_base_warning


def test_a_measure_on_two_layers_splits_evenly_and_dropped_or_unlinked_measures_land_nowhere():
    cuts = where_cuts_land(
        [measure("a", ("base", "care"), 100), measure("d", ("base",), 500, status="dropped"), measure("u", (), 30)], LAYERS, SPENDING, [2020]
    )
    assert [layer.savings_eur for layer in cuts.layers] == [Decimal(50), Decimal(50), Decimal(0)]
    assert cuts.unassigned_eur == Decimal(30)
    assert cuts.social_base_warning  # 50 % of the cuts against 20 % of the spending


def test_theme_spending_against_the_year_before_the_target():
    target = SavingsTarget("Kampen", 10, 2020, 2021, {})
    lasten = {("Work", 2019): 1000, ("Work", 2020): 900, ("Work", 2021): 1100, ("Vital", 2020): 5}
    rows = against_baseline(lasten, target, ["Work", "Vital"])
    assert [(r.theme, r.year, r.change_eur) for r in rows] == [("Work", 2020, -100), ("Work", 2021, 100), ("Vital", 2020, None)]
    assert rows[0].change_share == Decimal("-0.1")
