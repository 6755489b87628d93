"""The audit log for admins: filter by who, what, text and period; the same selection as a CSV download."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Blueprint, Response, request

from dashboard.domain.spreadsheet import csv_text
from dashboard.queries.administration import audit_events
from dashboard.staff.page import app_context, render, translator
from dashboard.staff.session import current_visitor
from dashboard.store.audit import AuditFilter

ACTIONS = ("login", "failed-login", "logout", "import", "edit", "decide", "score", "publish", "withdraw", "users")
COLUMNS = ("at", "actor", "role", "action", "detail", "address")

PAGE = """
<form method="get" action="/audit" class="row g-2 align-items-end mb-3">{% if lang_arg %}<input type="hidden" name="lang" value="{{ lang_arg }}">{% endif %}
<div class="col-auto"><label for="actor">{{ t("Who") }}</label><input id="actor" name="actor" class="form-control" value="{{ wanted.actor or '' }}"></div>
<div class="col-auto"><label for="action">{{ t("What") }}</label><select id="action" name="action" class="form-select">
<option value="">{{ t("everything") }}</option>{% for a in actions %}<option value="{{ a }}"{% if a == wanted.action %} selected{% endif %}>{{ a }}</option>{% endfor %}</select></div>
<div class="col-auto"><label for="text">{{ t("Text") }}</label><input id="text" name="text" class="form-control" value="{{ wanted.text or '' }}"></div>
<div class="col-auto"><label for="since">{{ t("From") }}</label><input id="since" name="since" type="date" class="form-control" value="{{ since }}"></div>
<div class="col-auto"><label for="until">{{ t("To") }}</label><input id="until" name="until" type="date" class="form-control" value="{{ until }}"></div>
<div class="col-auto"><button class="btn btn-primary" type="submit">{{ t("Filter") }}</button>
<a class="btn btn-secondary" href="/audit.csv?{{ query }}">{{ t("Download CSV") }}</a></div>
</form>
<p>{{ t("{count} events, newest first (at most {limit}).", count=rows|length, limit=wanted.limit) }}</p>
<div class="table-responsive" tabindex="0"><table class="table table-sm"><thead><tr>{% for c in columns %}<th scope="col">{{ t(c) }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in rows %}<tr>{% for c in columns %}<td>{{ row[c] if row[c] is not none else "" }}</td>{% endfor %}</tr>{% endfor %}</tbody></table></div>
"""


def register(staff: Blueprint, settings) -> None:
    @staff.get("/audit")
    def audit():
        t = translator()
        wanted, problems = _filter()
        rows = audit_events(app_context().service.repository.engine, current_visitor(), wanted)
        return render(
            t("Audit log"),
            PAGE,
            status=400 if problems else 200,
            problems=problems,
            rows=rows,
            wanted=wanted,
            actions=ACTIONS,
            columns=COLUMNS,
            since=request.args.get("since", ""),
            until=request.args.get("until", ""),
            query=request.query_string.decode("latin-1"),
        )

    @staff.get("/audit.csv")
    def audit_csv():
        wanted, problems = _filter()
        if problems:
            return {"error": "; ".join(problems), "status": 400}, 400
        rows = audit_events(app_context().service.repository.engine, current_visitor(), wanted)
        records = [{c: (row[c].isoformat() if c == "at" else row[c]) for c in COLUMNS} for row in rows]
        return Response(
            csv_text(records) or ",".join(COLUMNS) + "\n",
            mimetype="text/csv",
            headers={"Content-Disposition": 'attachment; filename="audit-log.csv"', "Cache-Control": "no-store"},
        )


def _filter() -> tuple[AuditFilter, list[str]]:
    """The filter from the query string; unreadable dates are named, not a 500."""
    t = translator()
    args, problems, dates = request.args, [], {}
    for name in ("since", "until"):
        text = args.get(name, "").strip()
        if text:
            try:
                day = datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
            except ValueError:
                problems.append(t("{field}: {value} is not a date such as 2026-03-01", field=t(name), value=text[:40]))
                continue
            dates[name] = day + (timedelta(days=1) if name == "until" else timedelta(0))
    action = args.get("action", "").strip()
    wanted = AuditFilter(
        actor=args.get("actor", "").strip() or None,
        action=action if action in ACTIONS else None,
        text=args.get("text", "").strip() or None,
        since=dates.get("since"),
        until=dates.get("until"),
    )
    return wanted, problems
