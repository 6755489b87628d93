"""Indicator pages: ``/indicator/<slug>`` (trend against target, status, stories) and ``/indicators`` (all, and the rule).

"Tellen en vertellen": the number is shown with the story that explains it — the stories sit beside
the chart and appear on it as numbered markers.
"""
from __future__ import annotations

from dash import dcc, html

from dashboard.components.charts import About, chart_block, data_table, figure_footer
from dashboard.components.indicator_text import (
    arrow,
    direction_words,
    frequency_word,
    level_explained,
    level_word,
    number,
    period_label,
    risk_text,
    status_reason,
    status_word,
    target_text,
    trend_sentence,
    trend_word,
    value_with_unit,
)
from dashboard.components.results_chain import results_panel
from dashboard.components.shell import breadcrumb, page_shell
from dashboard.components.traffic_light import status_badge, status_counts
from dashboard.domain import formatting as fmt
from dashboard.domain.indicators import LEVELS, IndicatorResult, history
from dashboard.domain.themes import THEME_SLUGS, THEMES
from dashboard.domain.traffic_light import NO_DATA, OUTDATED, PUBLICATION_ALLOWANCE_MONTHS, QUARTERLY, STATUSES, YEARLY, target_for
from dashboard.figures.indicators import ChartLabels, indicator_figure
from dashboard.navigation.addresses import PageRequest, href, parse_year
from dashboard.pages import Page
from dashboard.pages.common import download, draft_notice, resolve_municipality
from dashboard.queries.context import AppContext
from dashboard.queries.indicators import IndicatorQueries


def render(ctx: AppContext, request: PageRequest, slug: str) -> Page:
    t, lang = request.t, request.lang
    queries = IndicatorQueries(ctx.service, resolve_municipality(ctx, request))  # that municipality's layer (the home one by default)
    reference = queries.reference_date(parse_year(request))
    result = queries.result(slug, reference)
    info, a = result.info, result.assessment
    name = info.label(lang)
    stories = queries.stories_for(info)
    programmes, providers = queries.programmes(), queries.providers()
    theme_slug = THEME_SLUGS[info.theme]
    crumbs = breadcrumb(request, [(t("Overview"), "/"), (t(info.theme), f"/theme/{theme_slug}"), (name, None)])

    badges = []
    if info.illustrative:
        badges += [html.Span(t("Illustrative"), className="illustrative-badge"), " ", t("Demo figures, not measurements."), " "]
    if info.status == "draft":
        badges += [html.Span(t("Draft"), className="draft-badge"), " ", t("These indicator figures are a draft: not yet published on the public site."), " "]
    lead = html.P(
        [
            html.Span(level_explained(info.level, request)), " · ", t("Theme"), " ",
            dcc.Link(t(info.theme), href=href(f"/theme/{theme_slug}", request)),
        ],
        className="lead document-label",
    )
    status_panel = html.Section(
        className=f"indicator-status status-panel-{a.status.replace(' ', '-')}",
        **{"aria-labelledby": "status-heading"},
        children=[
            html.H2(t("Status on {date}", date=fmt.long_date(reference, lang)), id="status-heading"),
            html.Div(
                [
                    status_badge(a.status, request, large=True),
                    html.Span(
                        [html.Span(arrow(result), className="trend-arrow", **{"aria-hidden": "true"}), " ", trend_sentence(result, request)],
                        className="trend-text",
                    ),
                ],
                className="status-line",
            ),
            html.P(status_reason(result, request), className="status-reason"),
            html.P(badges, className="status-flags") if badges else None,
        ],
    )
    story_numbers = {id(s): n for n, s in enumerate(stories, start=1)}
    content = [
        html.H1(name),
        lead,
        status_panel,
        html.Div(
            [
                html.Div(_chart(result, queries, stories, request), className="col-lg-8"),
                html.Div(_stories(stories, story_numbers, programmes, request), className="col-lg-4"),
            ],
            className="row",
        ),
        _about(result, queries, programmes, providers, request),
    ]
    return Page(title=t("{indicator} – indicator", indicator=name), children=page_shell(request, resolve_municipality(ctx, request), content, crumbs, contact_email=ctx.settings.contact_email))


def _chart(result: IndicatorResult, queries: IndicatorQueries, stories, request: PageRequest):
    t, lang = request.t, request.lang
    info = result.info
    notes = queries.notes(info.slug)
    observations = result.observations
    if not observations:
        return html.Section([html.H2(t("Values and targets")), html.P(t("No value has been measured yet."))], className="chart-block")
    labels = ChartLabels(
        value=t("Measured value"), target=t("Target"), target_zone=t("Target met"), risk_zone=t("At risk (within the tolerance)"),
        stories=t("Story (number as in the list)"), unit=info.unit_label(lang),
        statuses={s: status_word(s, request) for s in ("on track", "at risk", "off track")},
        period=lambda p: period_label(p, request), number=lambda v: number(info, v, request),
    )
    story_points = [(n, s.date, s.title) for n, s in enumerate(stories, start=1)]
    figure = indicator_figure(info.direction, info.tolerance, result.targets, observations, story_points, labels, lang)
    first, last = observations[0], observations[-1]
    sentence = t(
        "{name} from {first} ({first_value}) to {last} ({last_value}), against the target band of each year; the chart marks each period on track, at risk or off track.",
        name=info.label(lang), first=period_label(first.period, request), first_value=number(info, first.value, request),
        last=period_label(last.period, request), last_value=value_with_unit(info, last.value, request),
    )
    if stories:
        sentence += " " + (t("A numbered marker shows when the story beside the chart was told.") if len(stories) == 1 else t("Numbered markers show when the {count} stories beside the chart were told.", count=len(stories)))
    rows = []
    for o, (_, status) in reversed(list(zip(observations, history(result)))):
        target = target_for(result.targets, o.period.year)
        rows.append([period_label(o.period, request), number(info, o.value, request), target_text(info, target, request), status_badge(status, request), notes.get(o.period, "")])
    table = data_table([t("Period"), t("Value"), t("Target"), t("Status"), t("Note")], rows, numeric={1})
    return chart_block(
        t("Values and targets"), sentence, figure, table, "indicator-chart", t("Show the figures as a table"),
        download=download(request, "/api/v1/indicators/values", t("Values and targets"), indicator=info.slug),
        about=indicator_about(request, queries, [info], observations),
    )


def _stories(stories, numbers, programmes, request: PageRequest):
    t, lang = request.t, request.lang
    voices = {"municipality": t("Municipality"), "provider": t("Provider"), "resident": t("Resident")}
    items = []
    for story in stories:
        about = []
        if story.programme and not story.indicator:
            name = programmes[story.programme].label(lang) if story.programme in programmes else story.programme
            about = [html.P([t("About the programme"), " ", dcc.Link(name, href=href(f"/programme/{story.programme}", request))], className="story-about")]
        items.append(
            html.Li(
                html.Article(
                    lang=story.language if story.language != lang else None,
                    className=f"story story-{story.voice}",
                    children=[
                        html.H3([html.Span(str(numbers[id(story)]), className="story-number"), " ", story.title]),
                        html.P(
                            [html.Time(fmt.long_date(story.date, lang), dateTime=story.date.isoformat()), " · ", story.author, " · ", voices[story.voice]],
                            className="story-meta", lang=lang if story.language != lang else None,
                        ),
                        html.P(story.text),
                        *about,
                    ],
                )
            )
        )
    body = html.Ol(items, className="story-list") if items else html.P(t("No stories have been told about this indicator yet."))
    return html.Section(
        [html.H2(t("The story behind the numbers"), id="stories-heading"), body],
        className="stories", **{"aria-labelledby": "stories-heading"},
    )


def _about(result: IndicatorResult, queries: IndicatorQueries, programmes, providers, request: PageRequest):
    t, lang = request.t, request.lang
    info = result.info
    latest_year = max(result.targets) if result.targets else None
    current_target = result.targets.get(latest_year) if latest_year else None
    allowance = PUBLICATION_ALLOWANCE_MONTHS[info.frequency]
    facts = [
        (t("Definition"), info.definition_text(lang)),
        (t("Unit"), info.unit_label(lang)),
        (t("Direction"), direction_words(info.direction, request)),
        (
            t("Target"),
            t("{year}: {target}; {risk}", year=latest_year, target=target_text(info, current_target, request), risk=risk_text(info, current_target, request))
            if current_target else t("no target"),
        ),
        (t("Measured by"), info.owner),
        (t("Source"), info.source),
        (
            t("How often"),
            t("{frequency}; a value counts as too old once the next one is more than {months} months overdue", frequency=frequency_word(info.frequency, request), months=allowance),
        ),
    ]
    if info.programme:
        name = programmes[info.programme].label(lang) if info.programme in programmes else info.programme
        facts.append((t("Programme"), dcc.Link(name, href=href(f"/programme/{info.programme}", request))))
    if info.provider:
        name = providers[info.provider].label(lang) if info.provider in providers else info.provider
        facts.append((t("Provider"), dcc.Link(name, href=href(f"/provider/{info.provider}", request))))
    by_slug = {r.info.slug: r for r in queries.results(result.reference_date)}
    parent = by_slug.get(info.contributes_to or "")
    if parent is not None:
        facts.append((t("Contributes to"), [level_word(parent.info.level, request), ": ", dcc.Link(parent.info.label(lang), href=href(f"/indicator/{parent.info.slug}", request))]))
    children = [r for r in by_slug.values() if r.info.contributes_to == info.slug]
    if children:
        facts.append(
            (
                t("Served by"),
                html.Ul(
                    [
                        html.Li([status_badge(c.status, request), " ", level_word(c.info.level, request), ": ", dcc.Link(c.info.label(lang), href=href(f"/indicator/{c.info.slug}", request))])
                        for c in sorted(children, key=lambda r: r.info.label(lang))
                    ],
                    className="served-by",
                ),
            )
        )
    return html.Section(
        [
            html.H2(t("About this indicator"), id="about-heading"),
            html.Dl([part for label, value in facts for part in (html.Dt(label), html.Dd(value))], className="indicator-facts"),
        ],
        className="indicator-about", **{"aria-labelledby": "about-heading"},
    )


def render_index(ctx: AppContext, request: PageRequest) -> Page:
    """All indicators by theme and level, with their status, and the traffic-light rule in words."""
    t, lang = request.t, request.lang
    queries = IndicatorQueries(ctx.service, resolve_municipality(ctx, request))  # that municipality's layer (the home one by default)
    reference = queries.reference_date(parse_year(request))
    results = queries.results(reference)
    crumbs = breadcrumb(request, [(t("Overview"), "/"), (t("Indicators"), None)])
    sections = []
    for theme in THEMES:
        part = sorted((r for r in results if r.info.theme == theme), key=lambda r: (LEVELS.index(r.info.level), r.info.label(lang)))
        rows = [
            [
                dcc.Link(r.info.label(lang), href=href(f"/indicator/{r.info.slug}", request)),
                status_badge(r.status, request),  # status and value first: on a phone they are what shows beside the name
                value_with_unit(r.info, r.assessment.latest.value, request) + f" ({period_label(r.assessment.latest.period, request)})" if r.assessment.latest else fmt.MISSING,
                [html.Span(arrow(r), **{"aria-hidden": "true"}), " ", trend_word(r.assessment.trend, request)],
                target_text(r.info, r.assessment.target, request) if r.assessment.target else fmt.MISSING,
                level_word(r.info.level, request),
            ]
            for r in part
        ]
        sections.append(
            html.Section(
                [
                    html.H2(dcc.Link(t(theme), href=href(f"/theme/{THEME_SLUGS[theme]}", request)), id=f"indicators-{THEME_SLUGS[theme]}"),
                    status_counts({s: sum(1 for r in part if r.status == s) for s in STATUSES}, request, t("Indicators of this theme by status")),
                    *(
                        [
                            data_table([t("Indicator"), t("Status"), t("Last value"), t("Trend"), t("Target"), t("Level")], rows),
                            figure_footer(
                                download(request, "/api/v1/indicators", t("Indicators of {theme}", theme=t(theme)), theme=THEME_SLUGS[theme], year=parse_year(request)),
                                indicator_about(request, queries, [r.info for r in part], [r.assessment.latest for r in part if r.assessment.latest]),
                            ),
                        ]
                        if rows else [html.P(t("No indicators have been imported for this theme yet."))]
                    ),
                ],
                className="indicator-index-theme", **{"aria-labelledby": f"indicators-{THEME_SLUGS[theme]}"},
            )
        )
    months = PUBLICATION_ALLOWANCE_MONTHS
    rule = html.Section(
        className="traffic-light-rule", id="rule", **{"aria-labelledby": "rule-heading"},
        children=[
            html.H2(t("How the traffic light works"), id="rule-heading"),
            html.P(t("Every status on this dashboard follows from one rule. Each indicator has a target per year (a minimum, a maximum or a band) and a tolerance in its own unit.")),
            html.Ul(
                [
                    html.Li([status_badge("on track", request), " ", t("the last value meets the target of its year (exactly on target counts as met).")]),
                    html.Li([status_badge("at risk", request), " ", t("the target is missed by no more than the tolerance (exactly on the tolerance is still at risk).")]),
                    html.Li([status_badge("off track", request), " ", t("the target is missed by more than the tolerance.")]),
                    html.Li([status_badge(OUTDATED, request), " ", t("the last value is too old to say how things stand: the next value is overdue by more than {yearly} months (yearly figures) or {quarterly} months (quarterly figures).", yearly=months[YEARLY], quarterly=months[QUARTERLY])]),
                    html.Li([status_badge(NO_DATA, request), " ", t("there is no value yet, or no target to judge it against.")]),
                ],
                className="rule-list",
            ),
            html.P(t("The direction decides what 'met' means: for 'higher is better' the value must be at least the target, for 'lower is better' at most the target, for a band between its two ends.")),
            html.P(t("The arrow compares the last value with the period before it. The arrow shows whether the value went up or down; the word says whether that is better or worse for this indicator. In a band, moving closer to the band is better.")),
        ],
    )
    content = [
        html.H1(t("Indicators")),
        html.P(t("Status on {date}, by the documented rule.", date=fmt.long_date(reference, lang)), className="lead document-label"),
        *([html.P([html.Span(t("Illustrative"), className="illustrative-badge"), " ", t("These indicators are demo figures, not measurements.")])] if any(r.info.illustrative for r in results) else []),
        *draft_notice(request, "draft" if any(r.info.status == "draft" for r in results) else "published", t("These indicator figures are a draft: not yet published on the public site.")),
        rule,
        *sections,
    ]
    return Page(title=t("Indicators"), children=page_shell(request, resolve_municipality(ctx, request), content, crumbs, contact_email=ctx.settings.contact_email))


def results_for_theme(ctx: AppContext, request: PageRequest, theme: str, municipality: str, year: int, kind: str):
    """The results-chain panel of one theme (for the theme page): statuses at the end of ``year`` (or today),
    money of the programmes from the same (year, document) as the rest of the theme page."""
    queries = IndicatorQueries(ctx.service, municipality)
    reference = queries.reference_date(year)
    return results_panel(
        queries.theme_results(theme, reference), request, reference, queries.programmes(), queries.providers(),
        queries.programme_amounts(municipality, year, kind), f"{request.t(kind)} {year}",
    )


def indicator_about(request: PageRequest, queries: IndicatorQueries, infos, observations) -> About:
    """"About this figure" for indicator values: source, definition, the results layer, the periods, date of import."""
    t, lang = request.t, request.lang
    if len(infos) == 1:
        source, definition = infos[0].source, infos[0].definition_text(lang)
    else:
        source = "; ".join(sorted({i.source for i in infos}))
        definition = t("Each indicator's definition is on its own page; the status follows the documented traffic-light rule.")
    periods = sorted(o.period for o in observations)
    facts = [
        (t("Source"), source),
        (t("Definition"), definition),
        (t("Document"), t("Results layer (indicators, targets, values and stories)")),
        (t("Year"), f"{period_label(periods[0], request)} – {period_label(periods[-1], request)}" if periods else fmt.MISSING),
    ]
    if any(i.illustrative for i in infos):
        facts.append((t("Illustrative"), t("Yes: generated demo figures, not measurements.")))
    facts.append((t("Imported"), fmt.long_date(queries.imported_at(), lang)))
    return About(title=t("About this figure"), facts=tuple(facts))
