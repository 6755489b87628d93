"""The pages of decision rounds on the council site: the list with "open a round", and one round's page,
which shows what its phase allows — the yardstick form (editors, before locking), the locked yardstick,
the scoring form (a participant who has not scored yet), closing, copying and publishing."""

from __future__ import annotations

from flask import Blueprint, request

from dashboard.domain.access import require
from dashboard.domain.decision_record import Criterion, Option
from dashboard.domain.decision_rounds import CLOSED, YARDSTICK
from dashboard.domain.formatting import euro
from dashboard.queries.decisions import list_rounds
from dashboard.staff.decision_forms import EXTRA_ROWS
from dashboard.staff.decision_text import PHASE_NAMES, say, when
from dashboard.staff.page import app_context, render, translator
from dashboard.staff.session import current_role, current_visitor
from dashboard.store.decisions import RoundMissing, read_round

LIST = """
<p>{{ t("Agree before choosing which criteria count and how much: a round's yardstick is locked before anyone scores, so the choice is transparent and the debate stays about content.") }}</p>
{% if rounds %}<div class="table-responsive" tabindex="0" role="region" aria-label="{{ t('Decision rounds') }}"><table class="table table-sm"><thead><tr><th scope="col">{{ t("Round") }}</th><th scope="col">{{ t("Phase") }}</th><th scope="col">{{ t("Opened") }}</th><th scope="col">{{ t("Public") }}</th></tr></thead><tbody>
{% for r in rounds %}<tr><td><a href="/rounds/{{ r.id }}{{ q }}">{{ r.title }}</a>{% if r.illustrative %} <span class="badge text-bg-secondary">{{ t("illustrative") }}</span>{% endif %}</td><td>{{ phase(r.status) }}</td><td>{{ when(r.created_at) }}</td><td>{{ t("yes") if r.published else t("no") }}</td></tr>{% endfor %}
</tbody></table></div>{% else %}<p>{{ t("There are no decision rounds yet.") }}</p>{% endif %}
{% if may_decide %}<h2>{{ t("Open a round") }}</h2>
<form method="post" action="/rounds{{ q }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}">
<p><label for="title">{{ t("Title (e.g. Poverty approach 2027)") }}</label><br><input id="title" name="title" class="form-control" value="{{ form.title or '' }}" required maxlength="200"></p>
<fieldset class="mb-3"><legend class="fs-6">{{ t("What the round divides") }}</legend>
<div class="form-check"><input class="form-check-input" type="radio" name="kind" id="kind-spend" value="spend"{% if form.kind != "saving" %} checked{% endif %}><label class="form-check-label" for="kind-spend">{{ t("A budget to spend") }}</label></div>
<div class="form-check"><input class="form-check-input" type="radio" name="kind" id="kind-saving" value="saving"{% if form.kind == "saving" %} checked{% endif %}><label class="form-check-label" for="kind-saving">{{ t("A saving to find") }}</label></div></fieldset>
<p><label for="amount">{{ t("Amount in euros") }}</label><br><input id="amount" name="amount" class="form-control" inputmode="numeric" value="{{ form.amount or '' }}" required></p>
<p><button type="submit" class="btn btn-primary">{{ t("Open the round") }}</button></p></form>{% endif %}
"""

HEAD = """
<p><strong>{{ t("Phase") }}:</strong> {{ phase(r.status) }}{% if r.illustrative %} · <span class="badge text-bg-secondary">{{ t("illustrative") }}</span> {{ t("An illustrative round: made-up options and scores to show how a round works.") }}{% endif %}</p>
<p>{{ t("Budget to spend") if y.kind == "spend" else t("Saving to find") }}: <strong>{{ money(y.amount_eur) }}</strong>.
{{ t("Opened on {date} by {name}.", date=when(r.created_at), name=r.created_by) }}
{% if r.locked_at %}{{ t("Yardstick locked on {date}.", date=when(r.locked_at)) }}{% endif %}
{% if r.closed_at %}{{ t("Closed on {date}.", date=when(r.closed_at)) }}{% endif %}
{% if r.copied_from_id %}<a href="/rounds/{{ r.copied_from_id }}{{ q }}">{{ t("Copied from an earlier round") }}</a>.{% endif %}</p>
"""

YARDSTICK_FORM = """
<h2>{{ t("Set the yardstick") }}</h2>
<p>{{ t("Criteria and weights are fixed before any score is given. Weights are whole points and together make 100%. After locking nothing of this can change; a change means a new round.") }}</p>
<form method="post" action="/rounds/{{ r.id }}/yardstick{{ q }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}">
<p><label for="title">{{ t("Title") }}</label><br><input id="title" name="title" class="form-control" value="{{ y.title }}" required maxlength="200"></p>
<fieldset class="mb-3"><legend class="fs-6">{{ t("What the round divides") }}</legend>
<div class="form-check"><input class="form-check-input" type="radio" name="kind" id="kind-spend" value="spend"{% if y.kind == "spend" %} checked{% endif %}><label class="form-check-label" for="kind-spend">{{ t("A budget to spend") }}</label></div>
<div class="form-check"><input class="form-check-input" type="radio" name="kind" id="kind-saving" value="saving"{% if y.kind == "saving" %} checked{% endif %}><label class="form-check-label" for="kind-saving">{{ t("A saving to find") }}</label></div></fieldset>
<p><label for="amount">{{ t("Amount in euros") }}</label><br><input id="amount" name="amount" class="form-control" inputmode="numeric" value="{{ y.amount_eur }}" required></p>
<fieldset class="mb-3"><legend class="fs-5">{{ t("Criteria and weights") }}</legend>
<div class="table-responsive" tabindex="0" role="region" aria-label="{{ t('Criteria and weights') }}"><table class="table table-sm"><thead><tr><th scope="col">{{ t("Criterion") }}</th><th scope="col">{{ t("What it means") }}</th><th scope="col">{{ t("Weight (%)") }}</th></tr></thead><tbody>
{% for c in criteria_rows %}<tr>
<td><label class="visually-hidden" for="criterion-name-{{ loop.index0 }}">{{ t("Name of criterion {n}", n=loop.index) }}</label><input id="criterion-name-{{ loop.index0 }}" name="criterion-name-{{ loop.index0 }}" class="form-control" value="{{ c.name }}" maxlength="200"></td>
<td><label class="visually-hidden" for="criterion-description-{{ loop.index0 }}">{{ t("What criterion {n} means", n=loop.index) }}</label><input id="criterion-description-{{ loop.index0 }}" name="criterion-description-{{ loop.index0 }}" class="form-control" value="{{ c.description }}"></td>
<td><label class="visually-hidden" for="criterion-weight-{{ loop.index0 }}">{{ t("Weight of criterion {n} in points", n=loop.index) }}</label><input id="criterion-weight-{{ loop.index0 }}" name="criterion-weight-{{ loop.index0 }}" class="form-control" inputmode="numeric" size="4" value="{{ c.weight }}"></td></tr>{% endfor %}
</tbody></table></div>
<p>{{ t("Together now: {total}%.", total=weight_total) }}{% if weight_total != 100 %} <strong>{{ t("Not yet 100%: the yardstick cannot be locked like this.") }}</strong>{% endif %}</p></fieldset>
<fieldset class="mb-3"><legend class="fs-5">{{ t("The scale: what each score means") }}</legend>
{% for step in y.steps %}<p><label for="step-{{ loop.index }}">{{ t("Score {n}", n=loop.index) }}</label><input id="step-{{ loop.index }}" name="step-{{ loop.index }}" class="form-control" value="{{ step }}" required></p>{% endfor %}</fieldset>
<fieldset class="mb-3"><legend class="fs-5">{{ t("Leading principles (yes/no tests)") }}</legend>
<p>{{ t("An option that conflicts with a leading principle is marked and left out of both selections.") }}</p>
{% for p in principle_rows %}<p><label for="principle-{{ loop.index0 }}">{{ t("Principle {n}", n=loop.index) }}</label><input id="principle-{{ loop.index0 }}" name="principle-{{ loop.index0 }}" class="form-control" value="{{ p }}" maxlength="200"></p>{% endfor %}</fieldset>
<fieldset class="mb-3"><legend class="fs-5">{{ t("Options") }}</legend>
<p>{{ t("New initiatives, programmes to expand or shrink, savings measures: each with its cost (or the saving it brings). Leave a name empty to leave the row out.") }}</p>
{% for o in option_rows %}{% set i = loop.index0 %}<fieldset class="border rounded p-2 mb-2"><legend class="fs-6">{{ t("Option {n}", n=loop.index) }}</legend>
<p><label for="option-name-{{ i }}">{{ t("Name") }}</label><input id="option-name-{{ i }}" name="option-name-{{ i }}" class="form-control" value="{{ o.name }}" maxlength="200"></p>
<p><label for="option-description-{{ i }}">{{ t("Description") }}</label><input id="option-description-{{ i }}" name="option-description-{{ i }}" class="form-control" value="{{ o.description }}"></p>
<p><label for="option-amount-{{ i }}">{{ t("Cost or saving in euros") }}</label><input id="option-amount-{{ i }}" name="option-amount-{{ i }}" class="form-control" inputmode="numeric" value="{{ o.amount_eur if o.name else '' }}"></p>
{% for p in y.principles %}<div class="form-check"><input class="form-check-input" type="checkbox" id="option-conflict-{{ i }}-{{ loop.index0 }}" name="option-conflict-{{ i }}-{{ loop.index0 }}" value="1"{% if loop.index0 in o.conflicts %} checked{% endif %}><label class="form-check-label" for="option-conflict-{{ i }}-{{ loop.index0 }}">{{ t("Conflicts with: {principle}", principle=p) }}</label></div>{% endfor %}
</fieldset>{% endfor %}</fieldset>
<p><button type="submit" class="btn btn-primary">{{ t("Save the yardstick") }}</button></p></form>
<h2>{{ t("Lock the yardstick") }}</h2>
<p>{{ t("Locking fixes criteria, weights, scale, principles and options, with today's date and time. Only then can participants score.") }}</p>
<form method="post" action="/rounds/{{ r.id }}/lock{{ q }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}"><p><button type="submit" class="btn btn-warning">{{ t("Lock the yardstick") }}</button></p></form>
"""

LOCKED_YARDSTICK = """
<h2>{{ t("The yardstick") }}</h2>
<div class="table-responsive" tabindex="0" role="region" aria-label="{{ t('The yardstick') }}"><table class="table table-sm"><caption>{{ t("Criteria and weights") }}</caption><thead><tr><th scope="col">{{ t("Criterion") }}</th><th scope="col">{{ t("What it means") }}</th><th scope="col" class="text-end">{{ t("Weight") }}</th></tr></thead><tbody>
{% for c in y.criteria %}<tr><td>{{ c.name }}</td><td>{{ c.description }}</td><td class="text-end">{{ c.weight }}%</td></tr>{% endfor %}</tbody></table></div>
<p>{{ t("Scale") }}: {% for step in y.steps %}{{ loop.index }} = {{ step }}{% if not loop.last %}; {% endif %}{% endfor %}.</p>
<p>{{ t("Leading principles") }}: {{ y.principles|join(", ") }}.</p>
<div class="table-responsive" tabindex="0" role="region" aria-label="{{ t('Options') }}"><table class="table table-sm"><caption>{{ t("Options") }}</caption><thead><tr><th scope="col">{{ t("Option") }}</th><th scope="col">{{ t("Description") }}</th><th scope="col" class="text-end">{{ t("Cost") if y.kind == "spend" else t("Saving") }}</th><th scope="col">{{ t("Leading principles") }}</th></tr></thead><tbody>
{% for o in y.options %}<tr><td>{{ o.name }}</td><td>{{ o.description }}</td><td class="text-end text-nowrap">{{ money(o.amount_eur) }}</td><td>{% if o.conflicts %}✗ {{ t("Conflicts with: {principle}", principle=conflict_names(o)) }}{% else %}✓ {{ t("No conflict") }}{% endif %}</td></tr>{% endfor %}</tbody></table></div>
"""

SCORING = """
<h2>{{ t("Scores") }}</h2>
<p>{{ t("{count} participants have submitted their scores.", count=r.submissions|length) }}{% if r.submissions %} ({{ participants|join(", ") }}){% endif %}</p>
{% if submitted or r.status == "closed" %}<p><a class="btn btn-primary" href="/rounds/{{ r.id }}/result{{ q }}">{{ t("See the result") }}</a></p>
{% elif may_score and r.status != "closed" %}<p>{{ t("You see the others' scores after you have submitted your own.") }}</p>
<p><a class="btn btn-primary" href="/rounds/{{ r.id }}/score{{ q }}">{{ t("Score the options") }}</a></p>{% endif %}
{% if may_decide and r.status != "closed" %}<h2>{{ t("Close the round") }}</h2>
<form method="post" action="/rounds/{{ r.id }}/close{{ q }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}">
<p><label for="decision">{{ t("The decision taken (kept with today's date)") }}</label><textarea id="decision" name="decision" class="form-control" rows="3" required></textarea></p>
<p><button type="submit" class="btn btn-warning">{{ t("Close the round") }}</button></p></form>{% endif %}
{% if r.status == "closed" %}<h2>{{ t("The decision") }}</h2><p>{{ r.decision }}</p>
<p><a href="/rounds/{{ r.id }}/record{{ q }}">{{ t("The record (printable)") }}</a> · <a href="/rounds/{{ r.id }}/result.csv">{{ t("Result as CSV") }}</a> · <a href="/rounds/{{ r.id }}/scores.csv">{{ t("Scores as CSV") }}</a></p>{% endif %}
{% if may_publish and r.status == "closed" %}<h2>{{ t("Public site") }}</h2>
<form method="post" action="/rounds/{{ r.id }}/publish{{ q }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}">
{% if r.published %}<input type="hidden" name="published" value="0"><p>{{ t("This round is on the public site.") }} <button type="submit" class="btn btn-secondary">{{ t("Withdraw") }}</button></p>
{% else %}<input type="hidden" name="published" value="1"><div class="form-check"><input class="form-check-input" type="checkbox" id="names" name="names" value="1"><label class="form-check-label" for="names">{{ t("Show the participants' names") }}</label></div>
<p><button type="submit" class="btn btn-primary">{{ t("Publish") }}</button></p>{% endif %}</form>{% endif %}
"""

COPY = """
{% if may_decide and r.status != "yardstick" %}<h2>{{ t("Change the yardstick") }}</h2>
<p>{{ t("A locked yardstick cannot change. Copy it to a new round and change it there; this round stays as it is.") }}</p>
<form method="post" action="/rounds/{{ r.id }}/copy{{ q }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}"><p><button type="submit" class="btn btn-secondary">{{ t("Copy to a new round") }}</button></p></form>{% endif %}
<p><a href="/rounds{{ q }}">{{ t("All decision rounds") }}</a></p>
"""


def register(staff: Blueprint, settings) -> None:
    @staff.get("/rounds")
    def decision_rounds():
        require(current_role(), "score")
        return rounds_page(200, [], {})

    @staff.get("/rounds/<int:round_id>")
    def decision_round(round_id: int):
        require(current_role(), "score")
        return round_page(round_id)


def lang_query() -> str:
    lang = request.args.get("lang", "")
    return f"?lang={lang}" if lang in ("nl", "en") else ""


def common(t) -> dict:
    """Helpers every decision page's template uses."""
    return {"q": lang_query(), "phase": lambda status: t(PHASE_NAMES[status]), "when": lambda at: when(at, t.lang), "money": lambda v: euro(v, t.lang)}


def rounds_page(status: int, problems, form: dict):
    t = translator()
    visitor = current_visitor()
    rows = list_rounds(app_context().service.repository.engine, app_context().settings.municipality, public=False)
    return render(t("Decision rounds"), LIST, status=status, problems=[say(t, p) for p in problems], rounds=rows, form=form,
                  may_decide=visitor.may("decide"), **common(t))


def round_page(round_id: int, status: int = 200, problems=(), notes=(), draft=None):
    """One round's page; ``draft``: the yardstick as the editor sent it (shown again after a refusal)."""
    t = translator()
    visitor = current_visitor()
    r = read_round(app_context().service.repository.engine, round_id, app_context().settings.municipality)
    y = draft or r.yardstick
    editing = r.status == YARDSTICK and visitor.may("decide")
    body = HEAD + (YARDSTICK_FORM if editing else LOCKED_YARDSTICK + (SCORING if r.status != YARDSTICK else "")) + COPY
    if r.status == YARDSTICK and not editing:
        notes = [*notes, t("The editor is still setting the yardstick; scoring starts when it is locked.")]
    return render(
        r.yardstick.title, body, status=status, problems=[say(t, p) for p in problems], notes=notes, r=r, y=y,
        criteria_rows=list(y.criteria) + [Criterion("", 0)] * EXTRA_ROWS["criterion"],
        principle_rows=list(y.principles) + [""] * EXTRA_ROWS["principle"],
        option_rows=list(y.options) + [Option("", 0)] * EXTRA_ROWS["option"],
        weight_total=sum(c.weight for c in y.criteria),
        conflict_names=lambda o: ", ".join(y.principles[p] for p in o.conflicts),
        participants=[s.participant for s in r.submissions], submitted=r.submitted_by(visitor.name),
        may_score=visitor.may("score"), may_decide=visitor.may("decide"), may_publish=visitor.may("publish") and r.status == CLOSED,
        **common(t),
    )


def missing_round(_error: RoundMissing):
    t = translator()
    return render(t("Not found"), "<p>{{ t('There is no such decision round.') }} <a href=\"/rounds\">{{ t('All decision rounds') }}</a></p>", status=404)
