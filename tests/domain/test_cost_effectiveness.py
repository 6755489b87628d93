"""Distance to target as a share of the missed bound, and a programme's worst outcome beside its cost."""

from __future__ import annotations

from decimal import Decimal

from dashboard.domain.cost_effectiveness import distance_share, programme_effects
from tests.domain.savings_cases import indicator


def test_distance_is_a_share_of_the_missed_minimum_and_zero_when_met():
    assert distance_share(indicator("x", {2024: 40})) == Decimal("0.2")  # 10 below a minimum of 50
    assert distance_share(indicator("x", {2024: 55})) == 0
    assert distance_share(indicator("x", {})) is None


def test_a_programme_shows_its_worst_outcome_and_ignores_outputs():
    results = [
        indicator("a", {2024: 45}, programme="p"),
        indicator("b", {2024: 25}, programme="p"),
        indicator("c", {2024: 0}, programme="p", level="output"),
        indicator("d", {2024: 60}, programme="q"),
    ]
    p, q, r = programme_effects([("p", 1000, 50.0), ("q", 500, None), ("r", 10, None)], results)
    assert p.distance == Decimal("0.5") and p.worst.info.slug == "b" and [o.info.slug for o in p.outcomes] == ["a", "b"]
    assert q.distance == 0
    assert r.distance is None and r.outcomes == ()


def test_distances_by_year_judge_each_year_against_its_own_target():
    from dashboard.domain.cost_effectiveness import distances_by_year

    assert distances_by_year(indicator("x", {2022: 25, 2023: 40, 2024: 55})) == {2022: Decimal("0.5"), 2023: Decimal("0.2"), 2024: 0}
    assert distances_by_year(indicator("x", {})) == {}


def test_programme_trend_takes_the_worst_outcome_of_each_year_and_ignores_outputs():
    from dashboard.domain.cost_effectiveness import change, programme_trend

    outcomes = [
        indicator("a", {2022: 45, 2023: 50}),  # 0.1 then met
        indicator("b", {2023: 40}),  # measured in 2023 only: 0.2
        indicator("c", {2022: 0, 2023: 0}, level="output"),  # an output says nothing about results
    ]
    points = programme_trend({2021: 900.0, 2022: 1000.0, 2023: None}, outcomes)
    assert [(p.year, p.cost_per_client_eur, p.distance) for p in points] == [
        (2021, 900.0, None),
        (2022, 1000.0, Decimal("0.1")),
        (2023, None, Decimal("0.2")),
    ]
    first, last = change(points, "cost_per_client_eur")
    assert (first.year, last.year) == (2021, 2022)
    first, last = change(points, "distance")
    assert (first.distance, last.distance) == (Decimal("0.1"), Decimal("0.2"))
    assert change(points[:1], "cost_per_client_eur") is None


def test_off_track_outcomes_are_named():
    results = [indicator("a", {2024: 49.5}), indicator("b", {2024: 25}), indicator("c", {2024: 55}), indicator("d", {2024: 0}, level="output")]
    (p,) = programme_effects([("p", 1000, 50.0)], results)
    assert [r.info.slug for r in p.off_track] == ["b"]  # a is at risk (within the tolerance of 1), c on track, d an output
