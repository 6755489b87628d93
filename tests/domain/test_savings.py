"""Savings tracker: target, planned and realised per year and theme reconcile, cumulatively, with the gap."""

from __future__ import annotations

from dashboard.domain.savings import Measure, SavingsTarget, progress, split_difference

THEMES = ("Vital", "Work")


def target():
    split = {("Vital", 2020): 100, ("Vital", 2021): 200, ("Work", 2020): 50, ("Work", 2021): 150}
    return SavingsTarget("Kampen", 500, 2020, 2021, split)


def measures():
    return (
        Measure("a", "A", "Vital", "efficiency", "running", {2020: 80, 2021: 120}, {2020: 70}),
        Measure("b", "B", "Work", "reduction", "achieved", {2020: 50, 2021: 50}, {2020: 50, 2021: 60}),
        Measure("c", "C", "Work", "reduction", "dropped", {2021: 100}, {2020: 5}),
    )


def test_per_theme_and_year_target_planned_realised_and_cumulative():
    p = progress(target(), measures(), THEMES)
    vital = p.of("Vital")
    assert [(r.year, r.target_eur, r.planned_eur, r.realised_eur) for r in vital] == [(2020, 100, 80, 70), (2021, 200, 120, 0)]
    assert [(r.target_cumulative_eur, r.planned_cumulative_eur, r.realised_cumulative_eur) for r in vital] == [(100, 80, 70), (300, 200, 70)]
    assert vital[-1].gap_eur == 100
    assert vital[-1].shortfall_eur == 230


def test_a_dropped_measure_is_not_planned_but_what_it_saved_counts():
    work = progress(target(), measures(), THEMES).of("Work")
    assert [r.planned_eur for r in work] == [50, 50]
    assert [r.realised_eur for r in work] == [55, 60]


def test_totals_reconcile_with_the_themes_and_the_target():
    p = progress(target(), measures(), THEMES)
    for year in (2020, 2021):
        total = next(r for r in p.of(None) if r.year == year)
        themed = [r for r in p.rows if r.theme is not None and r.year == year]
        assert total.target_eur == sum(r.target_eur for r in themed)
        assert total.planned_eur == sum(r.planned_eur for r in themed)
        assert total.realised_eur == sum(r.realised_eur for r in themed)
    assert p.last().target_cumulative_eur == 500
    assert p.gap_eur == 500 - (80 + 120 + 50 + 50)


def test_more_planned_than_needed_is_a_negative_gap():
    extra = Measure("x", "X", "Vital", "efficiency", "planned", {2020: 400})
    assert progress(target(), measures() + (extra,), THEMES).last("Vital").gap_eur == -300


def test_split_difference():
    assert split_difference(500, target().split) == 0
    assert split_difference(600, target().split) == 100
