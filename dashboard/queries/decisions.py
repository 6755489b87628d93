"""What a visitor may see of a decision round, computed: the result, the sensitivity, the CSV rows.

The rules come from the domain; this module applies them to one request: on the public site only
published rounds exist (anything else is ``RoundMissing``, a 404) and participants' names are hidden
unless the round was published with them; on the council site someone who has not submitted sees
no one's scores until the round is closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from dashboard.domain.decision_record import Round, participant_labels, scores_visible
from dashboard.domain.decision_rounds import Result, result, selected_total
from dashboard.domain.decision_sensitivity import Sensitivity, sensitivity
from dashboard.store.decisions import RoundMissing, read_round, rounds


@dataclass(frozen=True)
class RoundView:
    round: Round
    visible: bool  # scores, result and sensitivity may be shown
    participants: list[str]  # labels, in submission order
    result: Result | None = None
    sensitivity: Sensitivity | None = None

    @property
    def top_down_total(self) -> int:
        return selected_total(self.result.top_down, self.round.amounts()) if self.result else 0

    @property
    def value_total(self) -> int:
        return selected_total(self.result.value_for_money, self.round.amounts()) if self.result else 0


def list_rounds(engine: Engine, municipality: str, public: bool) -> list[dict]:
    return rounds(engine, municipality, published_only=public)


def round_view(engine: Engine, municipality: str, round_id: int, visitor_name: str | None, public: bool, participant_word: str = "Participant",
               with_sensitivity: bool = True) -> RoundView:
    record = read_round(engine, round_id, municipality)
    if public and not record.published:
        raise RoundMissing(round_id)
    visible = public or scores_visible(record, visitor_name)
    labels = participant_labels(record, public, participant_word)
    if not visible:
        return RoundView(record, False, labels)
    outcome = result(record.scores(), record.weights(), record.amounts(), record.yardstick.amount_eur, record.yardstick.kind, record.ruled_out())
    robust = sensitivity(outcome, record.weights(), record.amounts(), record.yardstick.amount_eur, record.yardstick.kind) if with_sensitivity else None
    return RoundView(record, True, labels, outcome, robust)


def result_records(view: RoundView) -> list[dict]:
    """One row per option, in rank order: the CSV of the result (and of /api/v1/decision-rounds/result)."""
    if not view.visible or view.result is None:
        return []
    record, outcome = view.round, view.result
    options, principles = record.yardstick.options, record.yardstick.principles
    place = outcome.position()
    rows = []
    for index in outcome.rank:
        option = options[index]
        row = {
            "round": record.yardstick.title,
            "rank": int(place[index]),
            "option": option.name,
            "amount_eur": option.amount_eur,
            "weighted_score": round(float(outcome.scored.score[index]), 3),
            "spread": round(float(outcome.scored.spread[index]), 3),
            "ruled_out_by": "; ".join(principles[p] for p in option.conflicts),
            "top_down_pick": bool(outcome.top_down[index]),
            "value_for_money_pick": bool(outcome.value_for_money[index]),
        }
        if view.sensitivity is not None:
            row |= {
                "share_in_top_down_pick": round(float(view.sensitivity.top_down_share[index]), 3),
                "share_in_value_pick": round(float(view.sensitivity.value_share[index]), 3),
                "stable": bool(view.sensitivity.stable[index]),
            }
        rows.append(row)
    return rows


def score_records(view: RoundView) -> list[dict]:
    """Every score with its participant (label) and reason: the CSV of the scores."""
    if not view.visible:
        return []
    record = view.round
    options, criteria = record.yardstick.options, record.yardstick.criteria
    return [
        {
            "round": record.yardstick.title,
            "participant": label,
            "submitted_at": submission.submitted_at.isoformat(),
            "option": options[o].name,
            "criterion": criteria[c].name,
            "weight": criteria[c].weight,
            "score": value,
            "reason": submission.reasons.get(o, ""),
        }
        for label, submission in zip(view.participants, record.submissions, strict=True)
        for (o, c), value in sorted(submission.scores.items())
    ]
