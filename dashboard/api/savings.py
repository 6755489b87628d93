"""``/api/v1/savings/...``: a municipality's savings target, measures, progress, review list and learning notes.

The numbers come from ``queries.savings`` (the same as the pages); on the public site only published
layers exist, so a draft target is a 404 like a missing one. CSV text cells are formula-escaped by
``common.respond``.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, request

from dashboard.api.common import BadRequest, allowed, document_params, municipality_param, output_format, respond, service, theme_param
from dashboard.domain.iv3 import BEGROTING, parse_document_kind
from dashboard.domain.themes import THEME_BY_SLUG, THEME_SLUGS
from dashboard.queries.drilldown import Drilldown
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

    endpoints["/api/v1/savings/provider-effects?provider=!&municipality=&year=&document=&format=json|csv"] = (
        "does it work for what it costs, per provider: each programme it is paid for in one document with the euros, funding instruments "
        "and cost per client (null where the client count is not published), and the programme's outcome indicators with their status; "
        "off_track names those off track"
    )
    endpoints["/api/v1/savings/cost-trends?theme=!&municipality=&document=&format=json|csv"] = (
        "per programme of a theme and year: cost per client in that year's document (begroting by default) and the worst outcome "
        "indicator's distance to target as a share of the target (0: on target; null: not measured that year)"
    )

    @api.get("/savings/provider-effects")
    def provider_effects():
        allowed({"provider", "municipality", "year", "document", "format"})
        output = output_format()
        slug = request.args.get("provider", "").strip()
        if not slug:
            raise BadRequest("provider is required, e.g. provider=<slug>; the providers of a theme: /api/v1/programme-providers?theme=young")
        municipality, year, kind = document_params()
        q = SavingsQueries(service(), municipality)
        rows = {str(r["programme"]): r for r in Drilldown(service()).provider_view(municipality, year, kind, slug).programmes.to_dict("records")}
        records = []
        for e in q.provider_effects(slug, year, kind, date.today()):
            r = rows[e.programme]
            lights = [f"{o.info.slug}: {o.status}" for o in e.outcomes]
            off = [o.info.slug for o in e.off_track]
            records.append(
                {
                    "municipality": municipality,
                    "year": year,
                    "document": kind,
                    "provider": slug,
                    "programme": e.programme,
                    "theme": r["theme"],
                    "instruments": list(r["instruments"] or ()) if output == "json" else " ".join(r["instruments"] or ()),
                    "amount_eur": e.amount_eur,
                    "cost_per_client_eur": None if e.cost_per_client_eur is None else round(e.cost_per_client_eur, 2),
                    "outcome_indicators": lights if output == "json" else "; ".join(lights),
                    "off_track": off if output == "json" else " ".join(off),
                }
            )
        return respond(records, output, f"provider_effects_{municipality}_{slug}_{year}_{kind}")

    @api.get("/savings/cost-trends")
    def cost_trends():
        allowed({"theme", "municipality", "document", "format"})
        output = output_format()
        theme = theme_param()
        if theme is None:
            raise BadRequest(f"theme is required, one of {', '.join(THEME_BY_SLUG)}")
        kind = request.args.get("document", "").strip().lower() or BEGROTING
        try:
            kind = parse_document_kind(kind)
        except ValueError as problem:
            raise BadRequest(str(problem)) from None
        q = _queries()
        records = [
            {
                "municipality": q.municipality,
                "theme": theme,
                "programme": slug,
                "year": p.year,
                "document": kind,
                "cost_per_client_eur": None if p.cost_per_client_eur is None else round(p.cost_per_client_eur, 2),
                "distance_share": None if p.distance is None else round(float(p.distance), 4),
            }
            for slug, points in q.cost_trends(theme, kind, date.today()).items()
            for p in points
        ]
        return respond(records, output, f"cost_trends_{q.municipality}_{THEME_SLUGS[theme]}_{kind}")

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
        q, theme = _queries(), theme_param()
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
        q, theme = _queries(), theme_param()
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
        q, theme = _queries(), theme_param()
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
