"""How robust a round's result is when the weights had been a little different. Pure, vectorised numpy.

The weighted score is linear in the weights, so every question below is a matrix product of weights
with the options' mean score per criterion (``Scored.criterion_means``):

* **±10 points**: each weight in turn 10 points up and 10 down (at most to 0 or 100); the other
  weights are scaled so the total stays 100 (when they are all 0, the rest is shared equally). Per
  scenario, which options change rank.
* **random weights** around the chosen ones: Dirichlet draws with mean equal to the chosen weights
  (concentration ``CONCENTRATION``: a weight of 20 points varies by about ±4 points), seeded, so the
  same round always gives the same figures. Per option: the share of draws in which it is in each
  selection. An option is *stable* when its place in or out of the selection is the same as in the
  result in at least ``STABLE_SHARE`` of the draws. A criterion with weight 0 stays 0.
* **smallest swap**: for each pair of neighbours in the ranking, the fewest points moved from one
  criterion to another that makes the lower option draw level (one point more and it passes).
  At most ``SMALL_CHANGE`` points is "a small change flips this".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dashboard.domain.decision_rounds import TOTAL_WEIGHT, Result, ranking, value_order, walk

STEP = 10
CONCENTRATION = 100.0
DRAWS = 10_000
SEED = 2027
STABLE_SHARE = 0.9
SMALL_CHANGE = 5.0


@dataclass(frozen=True)
class Scenario:
    criterion: int
    delta: int  # +10 or -10 (what was asked; the weight stops at 0 and 100)
    weights: np.ndarray  # points, summing to 100
    position: np.ndarray  # 1-based rank per option under these weights
    moved: np.ndarray  # bool per option: its rank differs from the result's


@dataclass(frozen=True)
class Swap:
    upper: int  # option index ranked above
    lower: int
    points: float | None  # None: no move of weight between two criteria swaps them
    source: int | None  # the criterion the points come from
    target: int | None  # ... and go to

    @property
    def small(self) -> bool:
        return self.points is not None and self.points <= SMALL_CHANGE


@dataclass(frozen=True)
class Sensitivity:
    scenarios: list[Scenario]
    top_down_share: np.ndarray  # per option: share of draws in the top-down pick
    value_share: np.ndarray  # ... in the value-for-money pick
    stable: np.ndarray  # bool per option (both picks)
    swaps: list[Swap]
    draws: int


def shifted_weights(weights, criterion: int, delta: int) -> np.ndarray:
    """``weights`` with one moved by ``delta`` points (kept within 0..100), the others rescaled to total 100."""
    w = np.asarray(weights, dtype=float)
    new = min(max(w[criterion] + delta, 0.0), float(TOTAL_WEIGHT))
    rest = np.delete(w, criterion)
    others = rest * (TOTAL_WEIGHT - new) / rest.sum() if rest.sum() > 0 else np.full(len(rest), (TOTAL_WEIGHT - new) / max(len(rest), 1))
    return np.insert(others, criterion, new)


def _positions(scores: np.ndarray, amounts) -> np.ndarray:
    order = ranking(scores, amounts)
    place = np.empty(len(order), dtype=int)
    place[order] = np.arange(1, len(order) + 1)
    return place


def scenarios(result: Result, weights, amounts) -> list[Scenario]:
    means = result.scored.criterion_means
    base = result.position()
    out = []
    for criterion in range(len(weights)):
        for delta in (STEP, -STEP):
            w = shifted_weights(weights, criterion, delta)
            place = _positions(means @ (w / TOTAL_WEIGHT), amounts)
            out.append(Scenario(criterion, delta, w, place, place != base))
    return out


def weight_draws(weights, draws: int = DRAWS, seed: int = SEED) -> np.ndarray:
    """draws × criteria, each row summing to 1, centred on ``weights`` (zero weights stay zero)."""
    w = np.asarray(weights, dtype=float) / TOTAL_WEIGHT
    rng = np.random.default_rng(seed)
    out = np.zeros((draws, len(w)))
    positive = w > 0
    if positive.any():
        out[:, positive] = rng.dirichlet(w[positive] * CONCENTRATION, size=draws)
    return out


def _weighted_totals(draws: np.ndarray, means: np.ndarray) -> np.ndarray:
    """draws × options: a few multiply-adds over the criteria. A BLAS matrix product of this shape
    took 50 ms on a busy 2-core machine (its threads waited for cores); this takes 2."""
    totals = np.zeros((draws.shape[0], means.shape[0]))
    for criterion in range(means.shape[1]):
        totals += draws[:, criterion, None] * means[None, :, criterion]
    return totals


def selection_shares(result: Result, weights, amounts, budget: int, kind: str, draws: int = DRAWS, seed: int = SEED):
    """(top-down share, value-for-money share) per option over random weights around ``weights``."""
    options = len(result.rank)
    if options == 0 or result.participants == 0:
        return np.zeros(options), np.zeros(options)
    totals = _weighted_totals(weight_draws(weights, draws, seed), result.scored.criterion_means)
    top_order, value_order_ = ranking(totals, amounts), value_order(totals, amounts, kind)
    top = walk(top_order, amounts, budget, kind, result.ruled_out).mean(axis=0)
    value = walk(value_order_, amounts, budget, kind, result.ruled_out).mean(axis=0)
    return top, value


def smallest_swaps(result: Result, weights) -> list[Swap]:
    """For each neighbouring pair in the ranking: the fewest points moved between two criteria that
    makes the lower one draw level with the upper one."""
    means = result.scored.criterion_means
    w = np.asarray(weights, dtype=float)
    swaps = []
    for upper, lower in zip(result.rank[:-1], result.rank[1:], strict=True):
        gap = float((means[upper] - means[lower]) @ w)  # in score × points
        diff = means[upper] - means[lower]  # per criterion: how much more the upper option scores
        # Moving t points from i to j changes the gap by t × (diff[j] − diff[i]); it closes when
        # diff[i] > diff[j] and t = gap / (diff[i] − diff[j]), and only t ≤ w[i] can be moved.
        closing = diff[:, None] - diff[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            needed = np.where(closing > 1e-12, max(gap, 0.0) / closing, np.inf)
        needed = np.where(needed <= w[:, None] + 1e-9, needed, np.inf)
        np.fill_diagonal(needed, np.inf)
        if gap <= 1e-9:
            swaps.append(Swap(int(upper), int(lower), 0.0, None, None))
            continue
        i, j = np.unravel_index(np.argmin(needed), needed.shape)
        points = float(needed[i, j])
        swaps.append(Swap(int(upper), int(lower), round(points, 1), int(i), int(j)) if np.isfinite(points) else Swap(int(upper), int(lower), None, None, None))
    return swaps


def sensitivity(result: Result, weights, amounts, budget: int, kind: str, draws: int = DRAWS, seed: int = SEED) -> Sensitivity:
    top, value = selection_shares(result, weights, amounts, budget, kind, draws, seed)
    agree_top = np.where(result.top_down, top, 1 - top)
    agree_value = np.where(result.value_for_money, value, 1 - value)
    stable = (agree_top >= STABLE_SHARE) & (agree_value >= STABLE_SHARE)
    return Sensitivity(scenarios(result, weights, amounts), top, value, stable, smallest_swaps(result, weights), draws)
