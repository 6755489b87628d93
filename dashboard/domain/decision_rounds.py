"""A decision round: options scored on criteria whose weights were fixed before any score was given.

Why: councils learned to agree *before* choosing which criteria count and how much, so that a choice
under a tight budget is transparent and the debate stays about content. Pure rules on numpy arrays.

* **weighted score** of an option for one participant: sum over criteria of weight (points, summing to
  100) × score, divided by 100 — a number on the scale itself (1–5 stays 1–5). The option's score is
  the mean over the participants; its **spread** is the highest minus the lowest participant's score.
* **ranking**: highest weighted score first; a tie goes to the cheaper option (lower amount), then to
  the option entered first (its position). Deterministic, and easy to say aloud.
* **ruled out**: an option marked as conflicting with a leading principle is in the ranking, never in
  a selection.
* **selection** within the budget, both greedy and both said in one sentence:
  - *top-down*: take the options in rank order; skip one that does not fit and go on;
  - *value for money*: the same walk, in order of score per euro (spending), or of euros saved times
    score (a saving to find: measures that save much and score well first).
  Spending: the amounts must fit within the budget. Saving: options are taken until the saving is
  found (the last one may save more than was left to find); later ones are not needed.
  Greedy, not an exact knapsack: a council can follow it step by step, and a small change of weights
  changes the pick a little, not the whole set at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dashboard.domain.refusal import Refusal

SPEND, SAVING = "spend", "saving"
KINDS = (SPEND, SAVING)
#: The phases of a round, in order: the yardstick is set, locked (timestamped), scored, closed.
YARDSTICK, LOCKED, SCORING, CLOSED = "yardstick", "locked", "scoring", "closed"
PHASES = (YARDSTICK, LOCKED, SCORING, CLOSED)
TOTAL_WEIGHT = 100
#: Largest scale a round may use (1..SCALE_MAX); 5 is the default.
SCALE_MAX = 10
DEFAULT_SCALE = 5
REASON_LENGTH = 500


class RoundProblem(Refusal):
    """Input that breaks a rule of the round; the message says which, in plain words (English key)."""


def weight_problems(weights) -> list[RoundProblem]:
    """Every problem of a set of weights at locking: whole points from 0 to 100, together exactly 100."""
    problems: list[RoundProblem] = []
    if len(weights) == 0:
        return [RoundProblem("A yardstick needs at least one criterion.")]
    for value in weights:
        if not isinstance(value, int | np.integer) or isinstance(value, bool) or not 0 <= value <= TOTAL_WEIGHT:
            problems.append(RoundProblem("A weight is a whole number of points from 0 to 100, not {value}.", value=value))
    if not problems and sum(int(w) for w in weights) != TOTAL_WEIGHT:
        problems.append(RoundProblem("The weights add up to {total}%, not 100%.", total=sum(int(w) for w in weights)))
    return problems


def check_score(value, scale_max: int) -> int:
    """A score as a whole number on the round's scale (1..scale_max); RoundProblem otherwise."""
    try:
        number = int(str(value).strip())
    except ValueError:
        raise RoundProblem("A score is a whole number from 1 to {top}, not {value}.", top=scale_max, value=str(value)[:20]) from None
    if not 1 <= number <= scale_max:
        raise RoundProblem("A score is a whole number from 1 to {top}, not {value}.", top=scale_max, value=number)
    return number


@dataclass(frozen=True)
class Scored:
    """Per option (in the round's order): the weighted score, the spread between participants, the
    mean score per criterion (options × criteria) and each participant's weighted score."""

    score: np.ndarray
    spread: np.ndarray
    criterion_means: np.ndarray
    per_participant: np.ndarray  # participants × options


def weighted(scores: np.ndarray, weights) -> Scored:
    """``scores``: participants × options × criteria (complete submissions only); ``weights`` in points."""
    scores = np.asarray(scores, dtype=float)
    w = np.asarray(weights, dtype=float) / TOTAL_WEIGHT
    participants, options = scores.shape[0], scores.shape[1] if scores.ndim == 3 else 0
    if participants == 0 or options == 0:
        empty = np.zeros(options)
        return Scored(empty, empty, np.zeros((options, len(w))), np.zeros((participants, options)))
    per_participant = scores @ w
    return Scored(per_participant.mean(axis=0), per_participant.max(axis=0) - per_participant.min(axis=0), scores.mean(axis=0), per_participant)


def ranking(score, amounts) -> np.ndarray:
    """Option indices, best first: highest score, then the lower amount, then the earlier position.
    Scores are compared to 9 decimals, so sums that differ only by float noise tie. ``score`` may be
    draws × options (one ranking per row)."""
    return _order(np.asarray(score, dtype=float), amounts)


def value_order(score, amounts, kind: str) -> np.ndarray:
    """The order of the value-for-money walk (ties as in ``ranking``); ``score`` may be draws × options.
    The key is scaled to the score's own range (per euro relative to the cheapest option, per euro
    saved relative to the largest saving) so that comparing to 9 decimals means the same in both."""
    score = np.asarray(score, dtype=float)
    amounts = np.asarray(amounts, dtype=float)
    if kind == SPEND:
        cheapest = amounts[amounts > 0].min() if (amounts > 0).any() else 1.0
        key = np.where(amounts > 0, score * cheapest / np.where(amounts > 0, amounts, 1), np.inf)  # a free option is the best value
    else:
        key = score * amounts / max(amounts.max(initial=0.0), 1.0)
    return _order(key, amounts)


def _order(key: np.ndarray, amounts) -> np.ndarray:
    """Indices by ``key`` descending (to 9 decimals), then amount ascending, then position, along the
    last axis. One integer per option makes the order unique, so numpy's fast unstable sort is exact
    (a three-key lexsort of 10,000 draws took 40 ms, this takes 4)."""
    options = key.shape[-1]
    tie = np.empty(options, dtype=np.int64)
    tie[np.lexsort((np.arange(options), np.asarray(amounts, dtype=float)))] = np.arange(options)  # 0 = cheapest, first
    top = np.int64(2**62 // max(options, 1))
    quantised = np.where(np.isfinite(key), np.rint(np.clip(key, -1e8, 1e8) * 1e9), 4.6e17 / max(options, 1)).astype(np.int64)
    composite = np.minimum(quantised, top - 1) * options + (options - 1 - tie)
    return np.argsort(-composite, axis=-1)


def walk(order: np.ndarray, amounts, budget: int, kind: str, excluded=None) -> np.ndarray:
    """Boolean per option: chosen by walking ``order`` within ``budget`` (a ruled-out option is passed
    over). Vectorised over the leading axis of ``order`` (draws × options: one walk per draw); the walk
    itself runs step by step in the order's own space, where each step is one contiguous row."""
    amounts = np.asarray(amounts, dtype=float)
    order = np.atleast_2d(order)
    draws, options = order.shape
    excluded = np.zeros(options, dtype=bool) if excluded is None else np.asarray(excluded, dtype=bool)
    cost = np.ascontiguousarray(amounts[order].T)  # steps × draws
    blocked = np.ascontiguousarray(excluded[order].T)
    taken = np.zeros((options, draws), dtype=bool)
    used = np.zeros(draws)
    for step in range(options):
        fits = (used + cost[step] <= budget) if kind == SPEND else (used < budget)
        take = fits & ~blocked[step]
        taken[step] = take
        used += np.where(take, cost[step], 0.0)
    chosen = np.zeros((draws, options), dtype=bool)
    np.put_along_axis(chosen, order, taken.T, axis=1)
    return chosen


@dataclass(frozen=True)
class Result:
    scored: Scored
    rank: np.ndarray  # option indices, best first
    top_down: np.ndarray  # bool per option
    value_for_money: np.ndarray  # bool per option
    ruled_out: np.ndarray  # bool per option
    participants: int

    def position(self) -> np.ndarray:
        """1-based rank of each option (in the round's order)."""
        place = np.empty(len(self.rank), dtype=int)
        place[self.rank] = np.arange(1, len(self.rank) + 1)
        return place


def result(scores: np.ndarray, weights, amounts, budget: int, kind: str, ruled_out) -> Result:
    """The whole result of a round from its complete submissions."""
    scored = weighted(scores, weights)
    ruled_out = np.asarray(ruled_out, dtype=bool).reshape(len(scored.score))
    rank = ranking(scored.score, amounts)
    top = walk(rank, amounts, budget, kind, ruled_out)[0] if len(rank) else np.zeros(0, dtype=bool)
    value = walk(value_order(scored.score, amounts, kind), amounts, budget, kind, ruled_out)[0] if len(rank) else np.zeros(0, dtype=bool)
    return Result(scored, rank, top, value, ruled_out, int(np.asarray(scores).shape[0]) if np.asarray(scores).ndim == 3 else 0)


def selected_total(chosen: np.ndarray, amounts) -> int:
    return int(np.asarray(amounts, dtype=np.int64)[np.asarray(chosen, dtype=bool)].sum())
