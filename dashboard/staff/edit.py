"""Edit one thing of the home municipality's results layer (editors and admins): a story's text, a value, a target.

Each form changes one cell of the stored layer and sends the whole layer through the import's own checks
and write (``ingest.edit``): first a check that shows every problem or the change, then, confirmed, the
layer stored as a draft (the admin publishes it on /publish) with an audit event "edit" in that transaction.
"""

from __future__ import annotations

from flask import Blueprint, request

from dashboard.domain.access import require
from dashboard.importers.indicators import INDICATORS, STORIES, TARGETS, VALUES
from dashboard.importers.problems import ImportFailed
from dashboard.ingest.edit import CellEdit, EditRefused, edit_results_layer, stored_cells
from dashboard.staff.page import app_context, render, translator
from dashboard.staff.session import client_address, current_role, current_visitor
from dashboard.store.audit import record
from dashboard.store.writing import WriterBusy

FORMS = """
<p>{{ t("Change one story, value or target of the results layer of {municipality}. First you see the problems or the change; saving makes the whole results layer a draft until the griffie publishes it.", municipality=municipality) }}</p>
{% if not tables %}<p>{{ t("{municipality} has no results layer yet; upload it first.", municipality=municipality) }}</p>{% else %}
<h2>{{ t("A story") }}</h2>
<form method="get" action="/edit">{% if lang_arg %}<input type="hidden" name="lang" value="{{ lang_arg }}">{% endif %}
<p><label for="story">{{ t("Story") }}</label><br><select id="story" name="story" required>{% for s in tables[STORIES] %}<option value="{{ loop.index0 }}"{% if form.story == loop.index0|string %} selected{% endif %}>{{ s.date }} · {{ s.title }} ({{ s.indicator or s.programme }})</option>{% endfor %}</select>
<button type="submit" class="btn btn-secondary">{{ t("Show its text") }}</button></p></form>
{% if form.story %}<form method="post" action="/edit{{ lang_query }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}"><input type="hidden" name="form" value="story"><input type="hidden" name="story" value="{{ form.story }}">
<p><label for="text">{{ t("Text of the story {title}", title=tables[STORIES][form.story|int].title) }}</label><br><textarea id="text" name="text" rows="5" cols="80" required>{{ form.text }}</textarea></p>
<p><button type="submit" class="btn btn-primary">{{ t("Check the change") }}</button></p></form>{% endif %}
<h2>{{ t("A value") }}</h2>
<form method="post" action="/edit{{ lang_query }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}"><input type="hidden" name="form" value="value">
<p><label for="value-indicator">{{ t("Indicator") }}</label><br><select id="value-indicator" name="indicator" required>{% for i in tables[INDICATORS] %}<option value="{{ i.indicator }}"{% if form.indicator == i.indicator %} selected{% endif %}>{{ i.name_nl or i.name if lang == "nl" else i.name }} ({{ t(i.frequency) }})</option>{% endfor %}</select></p>
<p><label for="period">{{ t("Period (2025, or 2025-Q3 for a quarterly indicator)") }}</label><br><input id="period" name="period" value="{{ form.period }}" required></p>
<p><label for="value">{{ t("Value (a decimal point, e.g. 12.5)") }}</label><br><input id="value" name="value" value="{{ form.value }}" required></p>
<p><label for="note">{{ t("Note (optional)") }}</label><br><input id="note" name="note" value="{{ form.note }}" size="60"></p>
<p><button type="submit" class="btn btn-primary">{{ t("Check the change") }}</button></p></form>
<h2>{{ t("A target") }}</h2>
<form method="post" action="/edit{{ lang_query }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}"><input type="hidden" name="form" value="target">
<p><label for="target-indicator">{{ t("Indicator") }}</label><br><select id="target-indicator" name="indicator" required>{% for i in tables[INDICATORS] %}<option value="{{ i.indicator }}"{% if form.indicator == i.indicator %} selected{% endif %}>{{ i.name_nl or i.name if lang == "nl" else i.name }} ({{ t(i.direction) }})</option>{% endfor %}</select></p>
<p><label for="year">{{ t("Year") }}</label><br><input id="year" name="year" value="{{ form.year }}" required></p>
<p><label for="minimum">{{ t("Minimum (empty: none)") }}</label><br><input id="minimum" name="minimum" value="{{ form.minimum }}"></p>
<p><label for="maximum">{{ t("Maximum (empty: none)") }}</label><br><input id="maximum" name="maximum" value="{{ form.maximum }}"></p>
<p><button type="submit" class="btn btn-primary">{{ t("Check the change") }}</button></p></form>
{% endif %}
"""

PREVIEW = """
<p>{{ t("No problems found. This is the change:") }}</p>
<p>{{ what }}</p>
<p>{{ t("Saving makes the whole results layer a draft until the griffie publishes it.") }}</p>
<form method="post" action="/edit{{ lang_query }}"><input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}"><input type="hidden" name="confirm" value="1">
{% for name, value in form.items() %}<input type="hidden" name="{{ name }}" value="{{ value }}">{% endfor %}
<p><button type="submit" class="btn btn-primary">{{ t("Save as draft") }}</button> <a href="/edit">{{ t("Cancel") }}</a></p></form>
"""

DONE = """
<p>{{ what }}</p>
<p><a href="/edit">{{ t("Edit something else") }}</a>{% if may_publish %} · <a href="/publish">{{ t("Publish") }}</a>{% endif %}</p>
"""

#: The form's label of each cell an edit changes (a problem of the edited row is shown by its field too).
LABELS = {"text": "Text", "period": "Period", "value": "Value", "note": "Note", "year": "Year", "minimum": "Minimum", "maximum": "Maximum"}

FIELDS = {"story": ("story", "text"), "value": ("indicator", "period", "value", "note"), "target": ("indicator", "year", "minimum", "maximum")}


def register(staff: Blueprint, settings) -> None:
    @staff.get("/edit")
    def edit():
        require(current_role(), "edit")
        return _forms(200, [], {"form": "story", "story": request.args.get("story", ""), "text": None})

    @staff.post("/edit")
    def edit_post():
        require(current_role(), "edit")
        t = translator()
        kind = request.form.get("form", "")
        if kind not in FIELDS:
            return _forms(400, [t("Choose one of the three forms.")], {})
        form = {"form": kind, **{name: request.form.get(name, "").strip() for name in FIELDS[kind]}}
        change = _cell_edit(form)
        if change is None:
            return _forms(400, [t("Choose a story that exists.")], form)
        confirmed = request.form.get("confirm") == "1"
        visitor = current_visitor()
        municipality = app_context().settings.municipality

        def audit(conn, result, outcome) -> None:
            record(conn, visitor.name, "edit", f"{municipality}: {_describe(form, outcome)}", role=visitor.role, address=client_address())

        try:
            outcome = edit_results_layer(app_context().service.repository.engine, municipality, change, dry_run=not confirmed, audit=audit)
        except ImportFailed as failure:
            by_field = [f"{t(LABELS.get(p.column, p.column))}: {p.reason(t)}" for p in failure.of_the_edited_row()] if isinstance(failure, EditRefused) else []
            return _forms(400, [t("The change breaks a rule of the import; nothing was stored.")] + by_field + failure.report_lines(t), form)
        except WriterBusy:
            return _forms(503, [t("Another import or publish is running; nothing was stored. Try again in a minute.")], form)
        what = _describe(form, outcome)
        if not confirmed:
            return render(t("Check the change"), PREVIEW, what=what, form=form)
        return render(t("Saved as draft"), DONE, notes=[t("Saved as draft: the results layer is a draft until the griffie publishes it.")],
                      what=what, may_publish=visitor.may("publish"))


def _cell_edit(form: dict) -> CellEdit | None:
    """The one cell change a form asks for; None when it names no existing story."""
    if form["form"] == "story":
        return CellEdit(STORIES, {"text": form["text"]}, row=int(form["story"])) if form["story"].isdigit() else None
    if form["form"] == "value":
        return CellEdit(VALUES, {"value": form["value"], "note": form["note"]}, match={"indicator": form["indicator"], "period": form["period"]})
    return CellEdit(TARGETS, {"minimum": form["minimum"], "maximum": form["maximum"]}, match={"indicator": form["indicator"], "year": form["year"]})


def _describe(form: dict, outcome) -> str:
    """What the edit changes, old -> new, for the preview and the audit log (in the data's own words)."""
    old, row = outcome.old, outcome.row
    if form["form"] == "story":
        return f"story {row['title']!r} ({row['indicator'] or row['programme']}, {row['date']}): text {old['text']!r} -> {form['text']!r}"
    where = f"{form['indicator']} {form.get('period') or form.get('year')}"
    changed = [k for k in ("value", "note", "minimum", "maximum") if k in form]
    if old is None:
        return f"{form['form']} {where}: new, " + ", ".join(f"{k} {form[k] or '-'}" for k in changed)
    return f"{form['form']} {where}: " + ", ".join(f"{k} {old.get(k) or '-'} -> {form[k] or '-'}" for k in changed)


def _forms(status: int, problems: list[str], form: dict):
    t = translator()
    engine = app_context().service.repository.engine
    municipality = app_context().settings.municipality
    with engine.connect() as conn:
        tables = stored_cells(conn, municipality)
    if form.get("form") == "story" and tables is not None:  # a story chosen: its text to change (unless the form sent one)
        chosen = form.get("story", "")
        if not (chosen.isdigit() and int(chosen) < len(tables[STORIES])):
            form = {**form, "story": ""}
        elif form.get("text") is None:
            form = {**form, "text": tables[STORIES][int(chosen)]["text"]}
    return render(t("Edit results"), FORMS, status=status, problems=problems, form=form, tables=tables, municipality=municipality,
                  STORIES=STORIES, INDICATORS=INDICATORS)
