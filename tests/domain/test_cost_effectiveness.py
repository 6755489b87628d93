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
