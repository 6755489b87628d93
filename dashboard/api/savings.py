"""``/api/v1/savings/...``: a municipality's savings target, measures, progress, review list and learning notes.

The numbers come from ``queries.savings`` (the same as the pages); on the public site only published
layers exist, so a draft target is a 404 like a missing one. CSV text cells are formula-escaped by
``common.respond``.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, request

from dashboard.api.common import BadRequest, allowed, municipality_param, output_format, respond, service
from dashboard.domain.themes import THEME_BY_SLUG
from dashboard.queries.savings import SavingsQueries
from dashboard.queries.service import NotFound

MUNICIPALITY_THEME = {"municipality", "theme", "format"}


def register(api: Blueprint, endpoints: dict) -> None:
    endpoints["/api/v1/savings/targets?municipality=&format=json|csv"] = (
        "the savings target (taakstelling): total, period and the split per theme and year in whole euros; illustrative=true marks demo figures"
    )
    endpoints["/api/v1/savings/measures?municipality=&theme=&format=json|csv"] = (
        "measures that fill the target: theme, programmes, provider, kind, status, expected and realised savings, "
        "the indicators they must not harm with their status, and flagged=true when one of them is off track"
    )
    endpoints["/api/v1/savings/progress?municipality=&theme=&format=json|csv"] = (
        "per year (and theme, or all themes): target, planned and realised savings, cumulative, and the gap still to find"
    )
    endpoints["/api/v1/savings/review?municipality=&format=json|csv"] = (
        "the review list: programmes off track for two or more periods while their money did not fall, with only output indicators, "
        "or with no indicator; each with the latest decision (continue | adjust | stop) or none"
    )
    endpoints["/api/v1/savings/learning-notes?municipality=&theme=&format=json|csv"] = (
        "learning notes of the learning loop: date, theme, what we saw, learned and decide, the programmes and indicators they are about, author"
    )

    @api.get("/savings/targets")
    def savings_targets():
        allowed({"municipality", "format"})
        output = output_format()
        q = _queries()
        target = q.require_target()
        records = [
            {
                "municipality": q.municipality,
                "name": target.name,
                "start_year": target.start_year,
                "end_year": target.end_year,
                "total_eur": target.total_eur,
                "theme": theme,
                "year": year,
                "amount_eur": euros,
                "illustrative": target.illustrative,
            }
            for (theme, year), euros in sorted(target.split.items(), key=lambda item: (item[0][1], item[0][0]))
        ]
        return respond(records, output, f"savings_targets_{q.municipality}")

    @api.get("/savings/measures")
    def savings_measures():
        allowed(MUNICIPALITY_THEME)
        output = output_format()
        q, theme = _queries(), _theme()
        q.require_target()
        records = []
        for check in q.checks(date.today()):
            m = check.measure
            if theme is not None and m.theme != theme:
                continue
            lights = [f"{r.info.slug}: {r.status}" for r in check.indicators]
            records.append(
                {
                    "municipality": q.municipality,
                    "slug": m.slug,
                    "name": m.name,
                    "theme": m.theme,
                    "programmes": " ".join(m.programmes),
                    "provider": m.provider,
                    "kind": m.kind,
                    "status": m.status,
                    "owner": m.owner,
                    "expected_eur": m.expected_total,
                    "realised_eur": m.realised_total,
                    "must_not_harm": lights if output == "json" else "; ".join(lights),
                    "flagged": check.flagged,
                    "illustrative": m.illustrative,
                }
            )
        return respond(records, output, f"savings_measures_{q.municipality}")

    @api.get("/savings/progress")
    def savings_progress():
        allowed(MUNICIPALITY_THEME)
        output = output_format()
        q, theme = _queries(), _theme()
        q.require_target()
        records = [
            {
                "municipality": q.municipality,
                "theme": r.theme or "all",
                "year": r.year,
                "target_eur": r.target_eur,
                "planned_eur": r.planned_eur,
                "realised_eur": r.realised_eur,
                "target_cumulative_eur": r.target_cumulative_eur,
                "planned_cumulative_eur": r.planned_cumulative_eur,
                "realised_cumulative_eur": r.realised_cumulative_eur,
                "gap_eur": r.gap_eur,
            }
            for r in q.progress().of(theme)
        ]
        return respond(records, output, f"savings_progress_{q.municipality}")

    @api.get("/savings/review")
    def savings_review():
        allowed({"municipality", "format"})
        output = output_format()
        q = _queries()
        q.require_target()
        records = [
            {
                "municipality": q.municipality,
                "programme": i.programme,
                "reason": i.reason,
                "indicators": list(i.indicators) if output == "json" else " ".join(i.indicators),
                "decision": i.decision.decision if i.decision else None,
                "decided_on": i.decision.date.isoformat() if i.decision else None,
            }
            for i in q.review(date.today())
        ]
        return respond(records, output, f"savings_review_{q.municipality}")

    @api.get("/savings/learning-notes")
    def learning_notes():
        allowed(MUNICIPALITY_THEME)
        output = output_format()
        q, theme = _queries(), _theme()
        learning = q.learning()
        if learning.status is None:
            raise NotFound(f"there is no learning loop for {q.municipality}")
        records = [
            {
                "municipality": q.municipality,
                "date": n.date.isoformat(),
                "theme": n.theme,
                "saw": n.saw,
                "learned": n.learned,
                "decision": n.decision,
                "author": n.author,
                "programmes": " ".join(n.programmes),
                "indicators": " ".join(n.indicators),
                "language": n.language,
                "illustrative": learning.illustrative,
            }
            for n in learning.notes
            if theme is None or n.theme == theme
        ]
        return respond(records, output, f"learning_notes_{q.municipality}")


def _queries() -> SavingsQueries:
    return SavingsQueries(service(), municipality_param())


def _theme() -> str | None:
    text = request.args.get("theme", "").strip().lower()
    if not text:
        return None
    if text not in THEME_BY_SLUG:
        raise BadRequest(f"theme must be one of {', '.join(THEME_BY_SLUG)}, not {text!r}")
    return THEME_BY_SLUG[text]
