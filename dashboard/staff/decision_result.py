"""The result of a decision round and its record: the weighted scores with their spread, the ranking, the
two selections side by side, what the principles rule out, how robust it is — said in words, not only
in figures — and, for a closed round, the printable record and its CSV files.

Council mode: a participant sees the result only after submitting (or once the round is closed).
Public mode (``register_public``): published rounds only, participants' names hidden unless published so.
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from dashboard.domain.access import require
from dashboard.domain.decision_rounds import CLOSED
from dashboard.domain.decision_sensitivity import SMALL_CHANGE, STABLE_SHARE
from dashboard.domain.formatting import number, percent
from dashboard.domain.spreadsheet import csv_text
from dashboard.queries.decisions import list_rounds, result_records, round_view, score_records
from dashboard.staff.decision_round_page import LOCKED_YARDSTICK, common, missing_round
from dashboard.staff.page import app_context, render, translator
from dashboard.staff.session import current_role, current_visitor
from dashboard.store.decisions import RoundMissing

RESULT = """
{% if not v.visible %}<p>{{ t("You see the result after you have submitted your own scores.") }} <a href="/rounds/{{ r.id }}{{ q }}">{{ t("Back to the round") }}</a></p>{% else %}
<p>{{ t("{count} participants scored; {budget_word}: {amount}.", count=v.participants|length, budget_word=t("budget to spend") if y.kind == "spend" else t("saving to find"), amount=money(y.amount_eur)) }}{% if r.illustrative %} <span class="badge text-bg-secondary">{{ t("illustrative") }}</span>{% endif %}</p>
{% if r.status == "closed" %}<p><strong>{{ t("Decision ({date})", date=when(r.closed_at)) }}:</strong> {{ r.decision }}</p>{% endif %}
<h2>{{ t("Ranking") }}</h2>
<p>{{ t("Weighted score: per participant the sum of weight × score, divided by 100, so it stays on the scale of 1 to {top}; then the mean over the participants. Spread: the highest minus the lowest participant. A tie goes to the cheaper option, then to the one entered first.", top=y.steps|length) }}</p>
<div class="table-responsive" tabindex="0" role="region" aria-label="{{ t('Ranking') }}"><table class="table table-sm"><thead><tr>
<th scope="col">{{ t("Rank") }}</th><th scope="col">{{ t("Option") }}</th><th scope="col" class="text-end">{{ t("Cost") if y.kind == "spend" else t("Saving") }}</th><th scope="col" class="text-end">{{ t("Weighted score") }}</th><th scope="col" class="text-end">{{ t("Spread") }}</th><th scope="col">{{ t("Leading principles") }}</th><th scope="col">{{ t("Top-down pick") }}</th><th scope="col">{{ t("Value for money") }}</th></tr></thead><tbody>
{% for row in rows %}<tr><td>{{ row.rank }}</td><td>{{ row.option }}</td><td class="text-end text-nowrap">{{ money(row.amount_eur) }}</td><td class="text-end">{{ num(row.weighted_score, 2) }}</td><td class="text-end">{{ num(row.spread, 2) }}</td>
<td>{% if row.ruled_out_by %}✗ {{ t("ruled out: conflicts with {principle}", principle=row.ruled_out_by) }}{% else %}✓ {{ t("no conflict") }}{% endif %}</td>
<td>{{ "✓ " ~ t("chosen") if row.top_down_pick else "– " ~ t("not chosen") }}</td><td>{{ "✓ " ~ t("chosen") if row.value_for_money_pick else "– " ~ t("not chosen") }}</td></tr>{% endfor %}
</tbody></table></div>
<h2>{{ t("Two selections within the budget") }}</h2>
<div class="row">
<div class="col-md-6"><h3>{{ t("Top-down pick") }}</h3><p>{{ t("Take the options in rank order; skip one that does not fit and go on.") if y.kind == "spend" else t("Take the options in rank order until the saving is found.") }}</p>
<ul>{% for row in rows if row.top_down_pick %}<li>{{ row.option }} ({{ money(row.amount_eur) }})</li>{% else %}<li>{{ t("Nothing fits.") }}</li>{% endfor %}</ul>
<p>{{ t("Together: {total} of {amount}.", total=money(v.top_down_total), amount=money(y.amount_eur)) }}</p></div>
<div class="col-md-6"><h3>{{ t("Value for money") }}</h3><p>{{ t("The same walk, in order of weighted score per euro.") if y.kind == "spend" else t("The same walk, in order of euros saved times weighted score.") }}</p>
<ul>{% for row in rows if row.value_for_money_pick %}<li>{{ row.option }} ({{ money(row.amount_eur) }})</li>{% else %}<li>{{ t("Nothing fits.") }}</li>{% endfor %}</ul>
<p>{{ t("Together: {total} of {amount}.", total=money(v.value_total), amount=money(y.amount_eur)) }}</p></div></div>
{% if ruled_out %}<p>{{ t("Ruled out by the leading principles (in the ranking, never in a selection):") }} {{ ruled_out|join("; ") }}.</p>{% else %}<p>{{ t("No option conflicts with a leading principle.") }}</p>{% endif %}
<h2>{{ t("How robust is it?") }}</h2>
<p><strong>{{ verdict }}</strong></p>
<h3>{{ t("Each option over {draws} random weights around the chosen ones", draws=num(s.draws)) }}</h3>
<div class="table-responsive" tabindex="0" role="region" aria-label="{{ t('Stability per option') }}"><table class="table table-sm"><thead><tr><th scope="col">{{ t("Option") }}</th><th scope="col" class="text-end">{{ t("In the top-down pick") }}</th><th scope="col" class="text-end">{{ t("In the value-for-money pick") }}</th><th scope="col">{{ t("Stable?") }}</th></tr></thead><tbody>
{% for row in rows %}<tr><td>{{ row.option }}</td><td class="text-end">{{ pct(row.share_in_top_down_pick) }}</td><td class="text-end">{{ pct(row.share_in_value_pick) }}</td><td>{{ "✓ " ~ t("stable") if row.stable else "! " ~ t("depends on the weights") }}</td></tr>{% endfor %}</tbody></table></div>
<p>{{ t("Stable: in or out of both selections as in the result in at least {share} of the draws.", share=pct(stable_share)) }}</p>
<h3>{{ t("The smallest change that swaps two neighbours") }}</h3>
<ul>{% for line in swaps %}<li>{{ line }}</li>{% else %}<li>{{ t("Only one option: nothing to swap.") }}</li>{% endfor %}</ul>
<h3>{{ t("Every weight 10 points up and down") }}</h3>
<ul>{% for line in scenarios %}<li>{{ line }}</li>{% endfor %}</ul>
{% endif %}
<p>{% if r.status == "closed" %}<a href="/rounds/{{ r.id }}/record{{ q }}">{{ t("The record (printable)") }}</a> · {% endif %}<a href="/rounds/{{ r.id }}/result.csv">{{ t("Result as CSV") }}</a> · <a href="/rounds/{{ r.id }}{{ q }}">{{ t("Back to the round") }}</a></p>
"""

SCORES = """
<h2>{{ t("The scores") }}</h2>
{% for label in v.participants %}{% set sub = r.submissions[loop.index0] %}<h3>{{ label }} · {{ when(sub.submitted_at) }}</h3>
<div class="table-responsive" tabindex="0" role="region" aria-label="{{ t('Scores of {name}', name=label) }}"><table class="table table-sm"><thead><tr><th scope="col">{{ t("Option") }}</th>{% for c in y.criteria %}<th scope="col" class="text-end">{{ c.name }}</th>{% endfor %}<th scope="col">{{ t("Reason") }}</th></tr></thead><tbody>
{% for o in y.options %}{% set i = loop.index0 %}<tr><td>{{ o.name }}</td>{% for c in y.criteria %}<td class="text-end">{{ sub.scores.get((i, loop.index0), "") }}</td>{% endfor %}<td>{{ sub.reasons.get(i, "") }}</td></tr>{% endfor %}</tbody></table></div>{% endfor %}
"""

RECORD_HEAD = """
<p>{{ t("The record of a closed decision round: the yardstick fixed on {locked}, the scores, the result and the decision taken on {closed}.", locked=when(r.locked_at), closed=when(r.closed_at)) }}
{% if public %}{{ t("Participants' names are shown only when the round was published with them.") }}{% endif %}</p>
<p class="d-print-none"><a href="/rounds/{{ r.id }}/scores.csv">{{ t("Scores as CSV") }}</a> · {{ t("Link to share:") }} <a href="/rounds/{{ r.id }}/record">{{ share }}</a></p>
"""


def register(staff: Blueprint, settings) -> None:
    staff.register_error_handler(RoundMissing, missing_round)

    @staff.get("/rounds/<int:round_id>/result")
    def round_result(round_id: int):
        require(current_role(), "score")
        return result_page(round_id, public=False)

    @staff.get("/rounds/<int:round_id>/record")
    def round_record(round_id: int):
        require(current_role(), "score")
        return record_page(round_id, public=False)

    @staff.get("/rounds/<int:round_id>/result.csv")
    def round_result_csv(round_id: int):
        require(current_role(), "score")
        return csv_download(round_id, "result", public=False)

    @staff.get("/rounds/<int:round_id>/scores.csv")
    def round_scores_csv(round_id: int):
        require(current_role(), "score")
        return csv_download(round_id, "scores", public=False)


def register_public(site: Blueprint) -> None:
    """The public site: the list of published rounds, their results and records (no login)."""
    site.register_error_handler(RoundMissing, missing_round)
    site.add_url_rule("/rounds", "rounds", lambda: _public_list())
    site.add_url_rule("/rounds/<int:round_id>", "round", lambda round_id: record_page(round_id, public=True))
    site.add_url_rule("/rounds/<int:round_id>/record", "record", lambda round_id: record_page(round_id, public=True))
    site.add_url_rule("/rounds/<int:round_id>/result", "result", lambda round_id: result_page(round_id, public=True))
    site.add_url_rule("/rounds/<int:round_id>/result.csv", "result_csv", lambda round_id: csv_download(round_id, "result", public=True))
    site.add_url_rule("/rounds/<int:round_id>/scores.csv", "scores_csv", lambda round_id: csv_download(round_id, "scores", public=True))


PUBLIC_LIST = """
<p>{{ t("Decision rounds the council has closed and published: the yardstick fixed before scoring, the scores, the result and the decision.") }}</p>
<ul>{% for r in rounds %}<li><a href="/rounds/{{ r.id }}/record{{ q }}">{{ r.title }}</a>{% if r.illustrative %} ({{ t("illustrative") }}){% endif %}</li>{% else %}<li>{{ t("No decision round has been published yet.") }}</li>{% endfor %}</ul>
"""


def _public_list():
    t = translator()
    rows = list_rounds(app_context().service.repository.engine, app_context().settings.municipality, public=True)
    return render(t("Decision rounds"), PUBLIC_LIST, rounds=rows, **common(t))


def _view(round_id: int, public: bool, with_sensitivity: bool = True):
    t = translator()
    visitor = current_visitor()
    return round_view(app_context().service.repository.engine, app_context().settings.municipality, round_id, visitor.name if visitor else None,
                      public, t("Participant"), with_sensitivity)


def _values(view, t) -> dict:
    """What the result template needs, the robustness said in sentences."""
    r, y = view.round, view.round.yardstick
    values = {"v": view, "r": r, "y": y, "public": False, "num": lambda x, d=0: number(x, t.lang, d), "pct": lambda f: percent(f, t.lang, 0), **common(t)}
    if not view.visible:
        return values
    rows = result_records(view)
    names = [o.name for o in y.options]
    criteria = [c.name for c in y.criteria]
    place = view.result.position()
    swaps = []
    for swap in view.sensitivity.swaps:
        pair = {"upper": names[swap.upper], "lower": names[swap.lower]}
        if swap.points == 0:
            swaps.append(t("{upper} and {lower} are level now; the tie rule puts {upper} first.", **pair))
        elif swap.points is None:
            swaps.append(t("{upper} stays above {lower}: no shift of weight between two criteria swaps them.", **pair))
        else:
            line = t("{upper} and {lower}: moving {points} points from {source} to {target} makes them equal.", points=number(swap.points, t.lang, 1),
                     source=criteria[swap.source], target=criteria[swap.target], **pair)
            swaps.append(line + " " + (t("A small change flips this.") if swap.small else t("That is not a small change.")))
    scenarios = []
    for scenario in view.sensitivity.scenarios:
        label = t("{criterion} {delta} points", criterion=criteria[scenario.criterion], delta=f"{scenario.delta:+d}")
        moved = [t("{option} becomes {new} (was {old})", option=names[i], new=int(scenario.position[i]), old=int(place[i]))
                 for i in view.result.rank if scenario.moved[i]]
        scenarios.append(f"{label}: " + ("; ".join(moved) if moved else t("the ranking stays the same")) + ".")
    small = sum(s.small for s in view.sensitivity.swaps)
    unstable = int((~view.sensitivity.stable).sum())
    if small:
        verdict = t("Careful: the ranking flips on a small change. Neighbouring pairs that swap when {points} points or fewer move between two criteria: {count}.",
                    count=small, points=number(SMALL_CHANGE, t.lang))
    elif unstable:
        verdict = t("The ranking holds on small changes, but options that are in or out of a selection depending on the weights: {count}.", count=unstable)
    else:
        verdict = t("The result is stable: no neighbours swap on a small change and every option is in or out of the selections as in the result.")
    changed = sum(bool(s.moved.any()) for s in view.sensitivity.scenarios)
    if changed:
        verdict += " " + t("With one weight 10 points higher or lower, the ranking changes in {count} of the {total} cases (see below).",
                           count=changed, total=len(view.sensitivity.scenarios))
    else:
        verdict += " " + t("With any weight 10 points higher or lower, the ranking stays the same.")
    ruled_out = [f"{row['option']} ({row['ruled_out_by']})" for row in rows if row["ruled_out_by"]]
    return values | {"rows": rows, "s": view.sensitivity, "swaps": swaps, "scenarios": scenarios, "verdict": verdict, "ruled_out": ruled_out,
                     "stable_share": STABLE_SHARE}


def result_page(round_id: int, public: bool):
    t = translator()
    view = _view(round_id, public)
    return render(t("Result: {title}", title=view.round.yardstick.title), RESULT, **_values(view, t))


def record_page(round_id: int, public: bool):
    t = translator()
    view = _view(round_id, public)
    if view.round.status != CLOSED:
        return render(view.round.yardstick.title, "<p>{{ t('The record exists once the round is closed.') }} <a href=\"/rounds/{{ id }}\">{{ t('Back to the round') }}</a></p>",
                      status=409, id=round_id)
    body = RECORD_HEAD + LOCKED_YARDSTICK + RESULT + SCORES
    return render(t("Record: {title}", title=view.round.yardstick.title), body, **(_values(view, t) | {"public": public}),
                  share=f"{request.host_url.rstrip('/')}/rounds/{round_id}/record",
                  conflict_names=lambda o: ", ".join(view.round.yardstick.principles[p] for p in o.conflicts))


def csv_download(round_id: int, what: str, public: bool):
    view = _view(round_id, public, with_sensitivity=what == "result")
    if not view.visible:
        return {"error": "you see the scores after you have submitted your own", "status": 403}, 403
    records = result_records(view) if what == "result" else score_records(view)
    return Response(csv_text(records) or "\n", mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="round-{round_id}-{what}.csv"', "Cache-Control": "no-store"})
