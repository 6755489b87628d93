"""Publish and withdraw (admins): per document and layer what is draft and what is published, and before
each change exactly which layers it touches (rows, themes, programmes); each change is an audit event.

A CBS document (year, document) is published with the programme layers of that document
(``publishing.set_document_status``); a programme layer can be published or withdrawn on its own, which
leaves the CBS figures of its document as they are. Results, savings and learning layers go per municipality.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, request

from dashboard.domain.access import require
from dashboard.domain.iv3 import DOCUMENT_KINDS
from dashboard.staff.page import app_context, render, translator
from dashboard.staff.session import client_address, current_role, current_visitor
from dashboard.store import publishing
from dashboard.store.audit import record
from dashboard.store.layers import CBS, INDICATORS, LEARNING, PROGRAMMES, SAVINGS, StoredLayer, stored_layers
from dashboard.store.writing import WriterBusy

#: What a change asks for -> the new status.
STATUS_OF = {"publish": "published", "withdraw": "draft"}
#: Layers changed per municipality: layer -> (table, what the change reports).
MUNICIPALITY_LAYERS = {
    INDICATORS: ("indicator_import", "results layers (indicators)"),
    SAVINGS: ("savings_target", "savings targets"),
    LEARNING: ("learning_layer", "learning loops"),
}

OVERVIEW = """
<p>{{ t("Draft data is seen only on this council site; published data also on the public site. Choose what to publish or withdraw; you see what it touches before you confirm.") }}</p>
<div class="table-responsive" tabindex="0"><table class="table table-sm"><thead><tr><th scope="col">{{ t("Layer") }}</th><th scope="col">{{ t("Municipality") }}</th><th scope="col">{{ t("Document") }}</th>
<th scope="col">{{ t("Publication status") }}</th><th scope="col">{{ t("Rows") }}</th><th scope="col">{{ t("Themes") }}</th><th scope="col"><span class="visually-hidden">{{ t("Action") }}</span></th></tr></thead>
<tbody>{% for l in layers %}<tr><td>{{ t(l.layer) }}</td><td>{{ l.municipality or t("all municipalities") }}</td><td>{{ (t(l.kind) ~ " " ~ l.year) if l.year else "" }}</td>
<td>{{ t(l.status) }}</td><td>{{ l.rows }}</td><td>{% for th in l.themes %}{{ t(th) }}{% if not loop.last %}, {% endif %}{% endfor %}</td>
<td><form method="post" action="/publish{{ lang_query }}" class="d-inline">
<input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}"><input type="hidden" name="layer" value="{{ l.layer }}">
<input type="hidden" name="municipality" value="{{ l.municipality or '' }}"><input type="hidden" name="year" value="{{ l.year or '' }}"><input type="hidden" name="kind" value="{{ l.kind or '' }}">
{% if l.status == "draft" %}<button class="btn btn-sm btn-primary" name="change" value="publish">{{ t("Publish…") }}</button>
{% else %}<button class="btn btn-sm btn-secondary" name="change" value="withdraw">{{ t("Withdraw…") }}</button>{% endif %}
</form></td></tr>{% endfor %}</tbody></table></div>
"""

CONFIRM = """
<p>{{ question }}</p>
<div class="table-responsive" tabindex="0"><table class="table table-sm"><thead><tr><th scope="col">{{ t("Layer") }}</th><th scope="col">{{ t("Municipality") }}</th><th scope="col">{{ t("Document") }}</th>
<th scope="col">{{ t("Publication status") }}</th><th scope="col">{{ t("Rows") }}</th><th scope="col">{{ t("Themes") }}</th><th scope="col">{{ t("Programmes") }}</th></tr></thead>
<tbody>{% for l in layers %}<tr><td>{{ t(l.layer) }}</td><td>{{ l.municipality or t("all municipalities") }}</td><td>{{ (t(l.kind) ~ " " ~ l.year) if l.year else "" }}</td>
<td>{{ t(l.status) }}</td><td>{{ l.rows }}</td><td>{% for th in l.themes %}{{ t(th) }}{% if not loop.last %}, {% endif %}{% endfor %}</td><td>{{ l.programmes | join(", ") }}</td></tr>{% endfor %}</tbody></table></div>
<form method="post" action="/publish{{ lang_query }}">
<input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}"><input type="hidden" name="layer" value="{{ wanted.layer }}">
<input type="hidden" name="municipality" value="{{ wanted.municipality or '' }}"><input type="hidden" name="year" value="{{ wanted.year or '' }}"><input type="hidden" name="kind" value="{{ wanted.kind or '' }}">
<input type="hidden" name="change" value="{{ wanted.change }}"><input type="hidden" name="confirm" value="1">
<p><button type="submit" class="btn btn-primary">{{ t("Yes, publish") if wanted.change == "publish" else t("Yes, withdraw") }}</button> <a href="/publish">{{ t("Cancel") }}</a></p>
</form>
"""


@dataclass(frozen=True)
class Change:
    """One publish or withdraw the admin asked for."""

    change: str  # publish | withdraw
    layer: str
    municipality: str | None
    year: int | None
    kind: str | None

    def touches(self, stored: StoredLayer) -> bool:
        """Whether this change sets the status of ``stored`` (a document's change takes its programme layers along)."""
        if self.layer == CBS:
            return stored.layer in (CBS, PROGRAMMES) and (stored.year, stored.kind) == (self.year, self.kind)
        if self.layer == PROGRAMMES:
            return stored.layer == PROGRAMMES and (stored.year, stored.kind) == (self.year, self.kind)
        return stored.layer == self.layer and stored.municipality == self.municipality

    def describe(self) -> str:
        where = f"{self.kind} {self.year}" if self.year else self.municipality
        return f"{self.layer} {where}"


def register(staff: Blueprint, settings) -> None:
    @staff.get("/publish")
    def publish():
        require(current_role(), "publish")
        return _overview()

    @staff.post("/publish")
    def publish_post():
        require(current_role(), "publish")
        t = translator()
        wanted, problem = _wanted()
        if problem:
            return _overview(400, [problem])
        engine = app_context().service.repository.engine
        touched = [layer for layer in stored_layers(engine) if wanted.touches(layer)]
        if not touched:
            return _overview(400, [t("Nothing of that is stored (any more); choose a row of the table.")])
        if request.form.get("confirm") != "1":
            question = t("This makes public:") if wanted.change == "publish" else t("This withdraws from the public site (back to draft):")
            return render(t("Publish") if wanted.change == "publish" else t("Withdraw"), CONFIRM, question=question, layers=touched, wanted=wanted)
        visitor = current_visitor()

        def audit(conn, changes) -> None:
            rows = ", ".join(f"{c.what} ({c.rows})" for c in changes)
            record(conn, visitor.name, wanted.change, f"{wanted.describe()}: {rows}", role=visitor.role, address=client_address())

        try:
            changes = _apply(engine, wanted, audit)
        except WriterBusy:
            return _overview(503, [t("Another import or publish is running; nothing was changed. Try again in a minute.")])
        done = t("Published: {what}", what=wanted.describe()) if wanted.change == "publish" else t("Withdrawn: {what}", what=wanted.describe())
        return _overview(notes=[done + " (" + ", ".join(f"{c.what}: {c.rows}" for c in changes) + ")"])


def _apply(engine, wanted: Change, audit):
    status = STATUS_OF[wanted.change]
    if wanted.layer == CBS:
        return publishing.set_document_status(engine, wanted.year, wanted.kind, status, audit=audit)
    if wanted.layer == PROGRAMMES:
        return publishing.set_programme_layer_status(engine, wanted.year, wanted.kind, status, audit=audit)
    table, what = MUNICIPALITY_LAYERS[wanted.layer]
    return publishing.set_municipality_layer_status(engine, table, what, status, wanted.municipality, audit=audit)


def _wanted() -> tuple[Change | None, str | None]:
    """The change of the posted form, or a friendly reason why it cannot be one."""
    t = translator()
    form = request.form
    change, layer = form.get("change", ""), form.get("layer", "")
    if change not in STATUS_OF or layer not in (CBS, PROGRAMMES, *MUNICIPALITY_LAYERS):
        return None, t("Choose publish or withdraw for a row of the table.")
    if layer in (CBS, PROGRAMMES):
        year, kind = form.get("year", ""), form.get("kind", "")
        if not (year.isascii() and year.isdigit() and len(year) == 4) or kind not in DOCUMENT_KINDS:
            return None, t("Choose publish or withdraw for a row of the table.")
        return Change(change, layer, None, int(year), kind), None
    municipality = form.get("municipality", "").strip()
    if not municipality:
        return None, t("Choose publish or withdraw for a row of the table.")
    return Change(change, layer, municipality[:100], None, None), None


def _overview(status: int = 200, problems=(), notes=()):
    t = translator()
    layers = stored_layers(app_context().service.repository.engine)
    return render(t("Publish"), OVERVIEW, status=status, problems=problems, notes=notes, layers=layers)
