"""``/api/v1/decision-rounds/...``: decision rounds, their yardstick, scores, result and sensitivity.

Read only, like the rest of the API (rounds are changed through the council site's forms). The same
rules as the pages, applied in ``queries.decisions``: the public site answers published rounds only
(anything else is 404) and hides participants' names unless the round was published with them; on the
council site scores, result and sensitivity answer 403 until the visitor has submitted their own
scores or the round is closed. CSV cells are formula-escaped by ``common.respond``.
"""

from __future__ import annotations

from flask import Blueprint, current_app, g, jsonify, request

from dashboard.api.common import BadRequest, allowed, home_municipality, output_format, respond
from dashboard.domain.decision_rounds import TOTAL_WEIGHT
from dashboard.queries.context import EXTENSION_KEY
from dashboard.queries.decisions import RoundView, list_rounds, result_records, round_view, score_records
from dashboard.queries.service import NotFound
from dashboard.store.decisions import RoundMissing

ROUND = {"round", "format"}


class _Hidden(Exception):
    """The visitor has not submitted their own scores and the round is still open: 403."""


def register(api: Blueprint, endpoints: dict) -> None:
    endpoints["/api/v1/decision-rounds?format=json|csv"] = (
        "decision rounds of the home municipality (the public site: published ones only): id, title, spend or saving, amount, phase, "
        "when the yardstick was locked and the round closed, the decision, illustrative=true for the demo's made-up round"
    )
    endpoints["/api/v1/decision-rounds/yardstick?round=!&format=json|csv"] = (
        "the yardstick of one round: per criterion its weight in points (summing to 100), with the scale and the leading principles; "
        "and per option its cost or saving and the principles it conflicts with"
    )
    endpoints["/api/v1/decision-rounds/scores?round=!&format=json|csv"] = (
        "every score of one round: participant (a number on the public site unless published with names), option, criterion, score, reason"
    )
    endpoints["/api/v1/decision-rounds/result?round=!&format=json|csv"] = (
        "per option in rank order: weighted score (mean over participants of sum(weight x score)/100), spread, ruled out by, "
        "in the top-down pick, in the value-for-money pick, and its share of 10,000 random weight draws in each pick"
    )
    endpoints["/api/v1/decision-rounds/sensitivity?round=!&format=json|csv"] = (
        "per option in rank order: the smallest weight change (points moved between two criteria) that makes the next option equal, "
        "small_change=true when it is 5 points or fewer, the ranks it takes when any weight moves 10 points, and whether it is stable"
    )

    @api.errorhandler(_Hidden)
    def hidden(_error):
        return jsonify({"error": "you see the scores of a round after you have submitted your own, or once it is closed"}), 403

    @api.get("/decision-rounds")
    def decision_rounds():
        allowed({"format"})
        output = output_format()
        rows = list_rounds(_engine(), home_municipality(), public=_public())
        keep = ("id", "title", "kind", "amount_eur", "status", "locked_at", "closed_at", "decision", "illustrative")
        return respond([{k: (row[k].isoformat() if hasattr(row[k], "isoformat") else row[k]) for k in keep} for row in rows], output, "decision-rounds")

    @api.get("/decision-rounds/yardstick")
    def decision_yardstick():
        allowed(ROUND)
        output = output_format()
        view = _view(with_sensitivity=False, need_scores=False)
        y = view.round.yardstick
        criteria = [{"round": view.round.id, "criterion": c.name, "description": c.description, "weight": c.weight} for c in y.criteria]
        options = [{"round": view.round.id, "option": o.name, "description": o.description, "amount_eur": o.amount_eur,
                    "conflicts_with": "; ".join(y.principles[p] for p in o.conflicts)} for o in y.options]
        if output == "csv":
            return respond(criteria, output, f"round-{view.round.id}-yardstick")
        locked = view.round.locked_at.isoformat() if view.round.locked_at else None
        return jsonify({"round": view.round.id, "title": y.title, "kind": y.kind, "amount_eur": y.amount_eur, "locked_at": locked,
                        "total_weight": TOTAL_WEIGHT, "scale": [{"score": i, "means": s} for i, s in enumerate(y.steps, 1)],
                        "principles": list(y.principles), "criteria": criteria, "options": options})

    @api.get("/decision-rounds/scores")
    def decision_scores():
        return _round_answer(score_records, "scores", with_sensitivity=False)

    @api.get("/decision-rounds/result")
    def decision_result():
        return _round_answer(result_records, "result")

    @api.get("/decision-rounds/sensitivity")
    def decision_sensitivity():
        return _round_answer(_sensitivity_rows, "sensitivity")


def _round_answer(records_of, part: str, with_sensitivity: bool = True):
    """One round's rows as JSON or CSV: the parameters checked, the round read as the visitor may see it."""
    allowed(ROUND)
    output = output_format()
    view = _view(with_sensitivity=with_sensitivity)
    return respond(records_of(view), output, f"round-{view.round.id}-{part}")


def _engine():
    return current_app.extensions[EXTENSION_KEY].service.repository.engine


def _public() -> bool:
    return current_app.extensions[EXTENSION_KEY].settings.mode == "public"


def _view(with_sensitivity: bool = True, need_scores: bool = True) -> RoundView:
    text = request.args.get("round", "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        raise BadRequest(f"round must be the number of a decision round, not {text[:20]!r}; see /api/v1/decision-rounds")
    visitor = g.get("visitor")
    try:
        view = round_view(_engine(), home_municipality(), int(text), visitor.name if visitor else None, _public(), "participant", with_sensitivity)
    except RoundMissing:
        raise NotFound(f"no decision round {text}; see /api/v1/decision-rounds") from None
    if need_scores and not view.visible:
        raise _Hidden()
    return view




def _sensitivity_rows(view: RoundView) -> list[dict]:
    record, outcome, robust = view.round, view.result, view.sensitivity
    names = [o.name for o in record.yardstick.options]
    criteria = [c.name for c in record.yardstick.criteria]
    place = outcome.position()
    swap_of = {s.upper: s for s in robust.swaps}
    rows = []
    for index in outcome.rank:
        ranks = sorted({int(s.position[index]) for s in robust.scenarios})
        swap = swap_of.get(index)
        rows.append({
            "round": record.id, "rank": int(place[index]), "option": names[index],
            "next_option": names[swap.lower] if swap else None,
            "points_to_equal_next": swap.points if swap else None,
            "from_criterion": criteria[swap.source] if swap and swap.source is not None else None,
            "to_criterion": criteria[swap.target] if swap and swap.target is not None else None,
            "small_change": bool(swap.small) if swap else False,
            "ranks_with_weights_10_points_off": " ".join(map(str, ranks)),
            "share_in_top_down_pick": round(float(robust.top_down_share[index]), 3),
            "share_in_value_pick": round(float(robust.value_share[index]), 3),
            "stable": bool(robust.stable[index]),
        })
    return rows

