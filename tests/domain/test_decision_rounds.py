"""Decision rounds: weighted scores, ranking with its tie rule, the two selections, validation and the
sensitivity analysis, on cases computed by hand (written out in the comments)."""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.domain.decision_rounds import SAVING, SPEND, RoundProblem, check_score, ranking, result, weight_problems
from dashboard.domain.decision_sensitivity import sensitivity, shifted_weights, smallest_swaps, weight_draws

WEIGHTS = (60, 40)
AMOUNTS = (100, 50, 60)  # A, B, C
# participant × option × criterion
SCORES = np.array([[[5, 1], [3, 3], [1, 5]], [[4, 2], [3, 3], [2, 4]]])


def test_weighted_score_is_the_mean_over_participants_with_the_spread():
    r = result(SCORES, WEIGHTS, AMOUNTS, 120, SPEND, [False] * 3)
    # P1: A = (5×60 + 1×40)/100 = 3.4, B = 3.0, C = 2.6; P2: A = 3.2, B = 3.0, C = 2.8
    assert np.allclose(r.scored.score, [3.3, 3.0, 2.7])
    assert np.allclose(r.scored.spread, [0.2, 0.0, 0.2])
    assert list(r.rank) == [0, 1, 2] and list(r.position()) == [1, 2, 3]


def test_top_down_skips_what_does_not_fit_and_value_for_money_goes_by_score_per_euro():
    r = result(SCORES, WEIGHTS, AMOUNTS, 120, SPEND, [False] * 3)
    assert list(r.top_down) == [True, False, False]  # A (100); B would make 150, C 160 > 120
    assert list(r.value_for_money) == [False, True, True]  # per euro B 0.060, C 0.045, A 0.033: B + C = 110


def test_a_ruled_out_option_is_ranked_but_never_selected():
    r = result(SCORES, WEIGHTS, AMOUNTS, 120, SPEND, [True, False, False])
    assert list(r.rank) == [0, 1, 2]
    assert list(r.top_down) == [False, True, True] and not r.value_for_money[0]


def test_ties_go_to_the_cheaper_option_then_to_the_one_entered_first():
    assert list(ranking(np.array([3.0, 3.0, 3.0, 4.0]), [80, 50, 50, 900])) == [3, 1, 2, 0]
    # float noise does not break a tie: 0.1 + 0.2 and 0.3 are the same score
    assert list(ranking(np.array([0.1 + 0.2, 0.3]), [10, 10])) == [0, 1]


def test_a_budget_smaller_than_every_option_selects_nothing():
    r = result(SCORES, WEIGHTS, AMOUNTS, 49, SPEND, [False] * 3)
    assert not r.top_down.any() and not r.value_for_money.any()


def test_a_saving_is_found_in_rank_order_and_stops_once_reached():
    r = result(SCORES, WEIGHTS, AMOUNTS, 120, SAVING, [False] * 3)
    assert list(r.top_down) == [True, True, False]  # A saves 100 (< 120), B brings 150: found, C not needed
    # euros saved × score: A 330, C 162, B 150 -> A then C (160): found
    assert list(r.value_for_money) == [True, False, True]


def test_an_empty_round_and_a_round_without_scores_give_empty_results():
    empty = result(np.zeros((0, 0, 2)), WEIGHTS, [], 100, SPEND, [])
    assert len(empty.rank) == 0 and empty.participants == 0
    unscored = result(np.zeros((0, 3, 2)), WEIGHTS, AMOUNTS, 100, SPEND, [False] * 3)
    assert unscored.participants == 0 and list(unscored.scored.score) == [0, 0, 0]
    s = sensitivity(unscored, WEIGHTS, AMOUNTS, 100, SPEND)
    assert list(s.top_down_share) == [0, 0, 0]
    assert sensitivity(empty, WEIGHTS, [], 100, SPEND).swaps == []


def test_weights_must_be_whole_points_that_sum_to_100():
    assert weight_problems([60, 40]) == []
    assert [p.message for p in weight_problems([60, 30])] == ["The weights add up to {total}%, not 100%."]
    assert str(weight_problems([60, 30])[0]) == "The weights add up to 90%, not 100%."
    assert len(weight_problems([110, -10])) == 2
    assert weight_problems([50.5, 49.5]) and weight_problems([])


def test_a_score_must_be_a_whole_number_on_the_scale():
    assert check_score(" 4 ", 5) == 4
    for bad in ("0", "6", "2.5", "", "vier"):
        with pytest.raises(RoundProblem):
            check_score(bad, 5)


def test_a_weight_moved_by_10_points_rescales_the_others_to_100():
    assert np.allclose(shifted_weights([50, 30, 20], 0, 10), [60, 24, 16])
    assert np.allclose(shifted_weights([95, 5, 0], 0, 10), [100, 0, 0])
    assert np.allclose(shifted_weights([100, 0, 0], 0, -10), [90, 5, 5])


def test_the_smallest_swap_between_neighbours_is_computed_by_hand():
    r = result(SCORES, WEIGHTS, AMOUNTS, 120, SPEND, [False] * 3)
    # A − B per criterion (means): (4.5 − 3, 1.5 − 3) = (1.5, −1.5); gap = 1.5×60 − 1.5×40 = 30;
    # moving t points from the first criterion to the second closes 3t: t = 10 (50/50: both 3.0)
    swaps = smallest_swaps(r, WEIGHTS)
    assert [(s.upper, s.lower, s.points, s.source, s.target) for s in swaps] == [(0, 1, 10.0, 0, 1), (1, 2, 10.0, 0, 1)]
    assert not swaps[0].small


def test_a_ranking_that_flips_on_a_small_change_says_so():
    scores = np.array([[[4, 2], [3, 3]]])  # A − B per criterion: (1, −1); moving t points closes 2t
    [swap] = smallest_swaps(result(scores, WEIGHTS, (10, 10), 10, SPEND, [False, False]), WEIGHTS)
    assert swap.points == 10.0 and not swap.small  # at 60/40 the gap is 60 − 40 = 20: t = 10
    [swap] = smallest_swaps(result(scores, (55, 45), (10, 10), 10, SPEND, [False, False]), (55, 45))
    assert swap.points == 5.0 and swap.small  # at 55/45 the gap is 10: t = 5, and 50/50 ties them


def test_plus_minus_ten_points_reports_rank_changes():
    r = result(SCORES, WEIGHTS, AMOUNTS, 120, SPEND, [False] * 3)
    s = sensitivity(r, WEIGHTS, AMOUNTS, 120, SPEND)
    down = next(x for x in s.scenarios if x.criterion == 0 and x.delta == -10)
    assert np.allclose(down.weights, [50, 50])  # A = B = C = 3.0: the tie goes to the cheapest: B, C, A
    assert list(down.position) == [3, 1, 2] and down.moved.all()
    up = next(x for x in s.scenarios if x.criterion == 0 and x.delta == 10)
    assert not up.moved.any()


def test_random_weights_are_seeded_centred_and_sum_to_one():
    draws = weight_draws([50, 30, 20, 0], 20000, seed=1)
    assert np.allclose(draws.sum(axis=1), 1) and (draws[:, 3] == 0).all()
    assert np.allclose(draws.mean(axis=0), [0.5, 0.3, 0.2, 0], atol=0.005)
    assert np.array_equal(draws, weight_draws([50, 30, 20, 0], 20000, seed=1))


def test_selection_shares_say_which_options_are_stable():
    r = result(SCORES, WEIGHTS, AMOUNTS, 120, SPEND, [False] * 3)
    s = sensitivity(r, WEIGHTS, AMOUNTS, 120, SPEND)
    assert s.top_down_share[0] > 0.9 and s.stable[0]  # A is first unless weights move 10 points
    assert list(s.value_share[1:]) == [1.0, 1.0]
