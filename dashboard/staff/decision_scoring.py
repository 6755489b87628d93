"""Scoring a round: every option on every criterion, with a short reason per option, as oneself.

The participant is the logged-in account, never a form field: a form that names someone else is
refused (403). The store refuses scores before the yardstick is locked, after closing, outside the
scale, incomplete ones and a second submission (400, nothing stored).
"""

from __future__ import annotations

from flask import Blueprint, request

from dashboard.domain.access import require
from dashboard.domain.decision_rounds import REASON_LENGTH
from dashboard.staff.decision_forms import read_scores
from dashboard.staff.decision_round_page import common, round_page
from dashboard.staff.decision_text import say
from dashboard.staff.page import app_context, render, translator
from dashboard.staff.session import client_address, current_role, current_visitor
from dashboard.store.audit import record
from dashboard.store.decisions import RoundRefused, read_round, submit

FORM = """
<p>{{ t("Score every option on every criterion: {scale}. Give a short reason per option. You see the others' scores after you have submitted your own; submitted scores cannot be changed.", scale=scale) }}</p>
<form method="post" action="/rounds/{{ r.id }}/scores{{ q }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}">
{% for o in y.options %}{% set i = loop.index0 %}<fieldset class="border rounded p-3 mb-3"><legend class="fs-5">{{ o.name }} · {{ money(o.amount_eur) }}</legend>
{% if o.description %}<p>{{ o.description }}</p>{% endif %}
{% if o.conflicts %}<p>✗ {{ t("Conflicts with: {principle}", principle=conflict_names(o)) }}</p>{% endif %}
<div class="row g-2">{% for c in y.criteria %}<div class="col-sm-6 col-lg-4"><label for="score-{{ i }}-{{ loop.index0 }}">{{ c.name }} ({{ c.weight }}%)</label>
<select id="score-{{ i }}-{{ loop.index0 }}" name="score-{{ i }}-{{ loop.index0 }}" class="form-select" required><option value="">{{ t("choose a score") }}</option>
{% set chosen = sent.get((i, loop.index0), "") %}{% for step in y.steps %}<option value="{{ loop.index }}"{% if chosen == loop.index|string %} selected{% endif %}>{{ loop.index }} – {{ step }}</option>{% endfor %}</select></div>{% endfor %}</div>
<p class="mt-2"><label for="reason-{{ i }}">{{ t("Your reason (short)") }}</label><textarea id="reason-{{ i }}" name="reason-{{ i }}" class="form-control" rows="2" maxlength="{{ limit }}" required>{{ reasons.get(i, "") }}</textarea></p>
</fieldset>{% endfor %}
<p><button type="submit" class="btn btn-primary">{{ t("Submit my scores") }}</button> <a href="/rounds/{{ r.id }}{{ q }}">{{ t("Cancel") }}</a></p></form>
"""


def register(staff: Blueprint, settings) -> None:
    @staff.get("/rounds/<int:round_id>/score")
    def scoring_form(round_id: int):
        require(current_role(), "score")
        return _form(round_id, 200, [], {}, {})

    @staff.post("/rounds/<int:round_id>/scores")
    def submit_scores(round_id: int):
        require(current_role(), "score")
        t = translator()
        visitor = current_visitor()
        named = request.form.get("participant")
        if named is not None and named != visitor.name:
            return round_page(round_id, 403, [t("You can only give your own scores, not someone else's.")])
        scores, reasons = read_scores(request.form)
        address = client_address()

        def audit(conn, what: str) -> None:
            record(conn, visitor.name, "score", what, role=visitor.role, address=address)

        try:
            submit(app_context().service.repository.engine, round_id, visitor.name, visitor.role, scores, reasons, audit=audit)
        except RoundRefused as refusal:
            return _form(round_id, 400, refusal.problems, scores, reasons)
        return round_page(round_id, notes=[t("Your scores are submitted. You can now see the result so far.")])


def _form(round_id: int, status: int, problems, sent: dict, reasons: dict):
    t = translator()
    r = read_round(app_context().service.repository.engine, round_id, app_context().settings.municipality)
    if r.status not in ("locked", "scoring") or r.submitted_by(current_visitor().name):
        return round_page(round_id, status, problems)  # nothing to score (the page says why)
    y = r.yardstick
    scale = "; ".join(f"{i} = {step}" for i, step in enumerate(y.steps, 1))
    return render(t("Score: {title}", title=y.title), FORM, status=status, problems=[say(t, p) for p in problems], r=r, y=y, scale=scale,
                  sent={key: str(value).strip() for key, value in sent.items()}, reasons=reasons, limit=REASON_LENGTH,
                  conflict_names=lambda o: ", ".join(y.principles[p] for p in o.conflicts), **common(t))
