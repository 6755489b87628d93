"""``/savings`` and ``/savings/<theme>``: the savings tracker (taakstelling) of a municipality, what the
measures do to results, where the cuts land, the learning loop and the review list.

Why: councils found that a savings target pushed the content aside. These pages keep the money and
the results on one screen: target against planned and realised, with the traffic lights of what a
measure must not harm beside it, and what the council decided to continue, adjust or stop.
"""

from __future__ import annotations

from datetime import date

from dash import dcc, html

from dashboard.components.charts import chart_block, data_table
from dashboard.components.shell import breadcrumb, page_shell
from dashboard.components.traffic_light import status_badge
from dashboard.domain import formatting as fmt
from dashboard.domain.themes import THEME_BY_SLUG, THEME_SLUGS, THEMES
from dashboard.navigation.addresses import PageRequest, href
from dashboard.pages import Page
from dashboard.pages.common import resolve_document, resolve_municipality
from dashboard.pages.cost_effectiveness import cost_block, name_of, trend_block
from dashboard.pages.learning_loop import learning_loop
from dashboard.pages.savings_sections import baseline_block, cumulative_block, cuts_block, measures_block, notices, review_block, summary_figures, themes_table
from dashboard.queries.context import AppContext
from dashboard.queries.savings import SavingsQueries
from dashboard.queries.service import NotFound


def queries(ctx: AppContext, request: PageRequest) -> SavingsQueries:
    return SavingsQueries(ctx.service, resolve_municipality(ctx, request))


def _no_target(ctx: AppContext, request: PageRequest, municipality: str) -> Page:
    t = request.t
    content = [html.H1(t("Savings target")), html.P(t("There is no savings target for {municipality} yet.", municipality=municipality))]
    return Page(title=t("Savings target – {municipality}", municipality=municipality), children=page_shell(request, municipality, content))


def render(ctx: AppContext, request: PageRequest) -> Page:
    t, lang = request.t, request.lang
    q = queries(ctx, request)
    target = q.target()
    if target is None:
        return _no_target(ctx, request, q.municipality)
    today = date.today()
    progress = q.progress()
    cuts, reference = q.cuts()
    names = q.indicators.programmes()
    crumbs = breadcrumb(request, [(t("Overview"), "/"), (t("Savings target"), None)])
    content = [
        html.H1(t("Savings target: {name}", name=target.label(lang))),
        html.P(
            t(
                "{municipality}, {start}–{end}: {total} to save across the four themes.",
                municipality=q.municipality,
                start=target.start_year,
                end=target.end_year,
                total=fmt.euro(target.total_eur, lang),
            ),
            className="lead",
        ),
        *notices(request, target),
        summary_figures(request, progress, None),
        cumulative_block(request, progress, None, "savings-cumulative", q.municipality),
        themes_table(request, progress),
        measures_block(request, q.checks(today), "savings-measures", q.municipality, _providers(q)),
        cuts_block(request, cuts, reference, "savings-cuts"),
        baseline_block(request, q.baseline(), list(THEMES)),
        review_block(request, q.review(today), names),
        html.P(
            [
                t("Per theme: the learning loop and cost-effectiveness."),
                " ",
                *(part for theme in THEMES for part in (dcc.Link(t(theme), href=href(f"/savings/{THEME_SLUGS[theme]}", request)), " ")),
            ]
        ),
    ]
    return Page(title=t("Savings target – {municipality}", municipality=q.municipality), children=page_shell(request, q.municipality, content, crumbs))


def render_theme(ctx: AppContext, request: PageRequest, slug: str) -> Page:
    t, lang = request.t, request.lang
    if slug not in THEME_BY_SLUG:
        raise NotFound(f"there is no theme “{slug}”")
    theme = THEME_BY_SLUG[slug]
    q = queries(ctx, request)
    target = q.target()
    if target is None:
        return _no_target(ctx, request, q.municipality)
    today = date.today()
    year, kind = resolve_document(ctx, request)
    ctx.service.require(q.municipality, year, kind)
    progress = q.progress()
    names = q.indicators.programmes()
    results = q.indicators.theme_results(theme, q.indicators.reference_date())
    effects = q.cost_effectiveness(theme, year, kind, today)
    own = {e.programme for e in effects}
    checks = tuple(c for c in q.checks(today) if c.measure.theme == theme)
    stories = [s for s in q.indicators.stories() if any(s.indicator == r.info.slug for r in results) or s.programme in own]
    crumbs = breadcrumb(request, [(t("Overview"), "/"), (t("Savings target"), "/savings"), (t(theme), None)])
    content = [
        html.H1(t("{theme}: savings and results", theme=t(theme))),
        html.P(t("{municipality}, savings target {start}–{end}.", municipality=q.municipality, start=target.start_year, end=target.end_year), className="lead"),
        *notices(request, target),
        summary_figures(request, progress, theme),
        cumulative_block(request, progress, theme, "savings-theme-cumulative", q.municipality),
        measures_block(request, checks, "savings-theme-measures", q.municipality, _providers(q)),
        baseline_block(request, q.baseline(), [theme]),
        cost_block(request, effects, names, year, kind),
        trend_block(request, q.cost_trends(theme, kind, today), names, kind),
        learning_loop(request, theme, q.learning(), results, [(e.programme, name_of(names, e.programme, lang), e.amount_eur) for e in effects], stories, names),
        review_block(request, tuple(i for i in q.review(today) if i.programme in own), names),
        html.P(dcc.Link(t("{theme}: programmes and providers", theme=t(theme)), href=href(f"/theme/{slug}", request))),
    ]
    title = t("{theme}: savings and results – {municipality}", theme=t(theme), municipality=q.municipality)
    return Page(title=title, children=page_shell(request, q.municipality, content, crumbs))


def _providers(q: SavingsQueries) -> dict:
    return {slug: named.label("en") for slug, named in q.indicators.providers().items()}
