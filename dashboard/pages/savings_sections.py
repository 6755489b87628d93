"""The parts of the savings pages (``/savings``, ``/savings/<theme>``): key figures, the cumulative chart,
measures with their traffic lights and flags, where the cuts land, the accounts, the review list and
the learning loop. Plain functions returning Dash components; every status is a word and an icon."""

from __future__ import annotations

from dash import dcc, html

from dashboard.components.charts import chart_block, data_table
from dashboard.components.traffic_light import status_badge
from dashboard.domain import formatting as fmt
from dashboard.domain.learning import ReviewItem
from dashboard.domain.savings import Progress, SavingsTarget
from dashboard.domain.savings_effects import BaselineRow, CutsLanding, MeasureCheck
from dashboard.domain.themes import THEME_SLUGS
from dashboard.figures.savings import SeriesLabels, cumulative_figure, cuts_figure, measures_figure
from dashboard.navigation.addresses import PageRequest, href
from dashboard.pages.common import download, draft_notice
from dashboard.pages.drilldown_common import key_figures, percent, signed_money, signed_percent


def labels(request: PageRequest, cumulative: bool = True) -> SeriesLabels:
    t, lang = request.t, request.lang
    return SeriesLabels(
        target=t("Target"),
        planned=t("Planned"),
        realised=t("Realised"),
        axis=t("€ thousand, cumulative") if cumulative else t("€ thousand over the period"),
        money=lambda v: fmt.euro(v, lang),
    )


def notices(request: PageRequest, target: SavingsTarget) -> list:
    t = request.t
    items = []
    if target.illustrative:
        items.append(
            html.P(
                [
                    html.Span(t("Illustrative"), className="illustrative-badge"),
                    " ",
                    t(
                        "The savings target, measures and learning notes are made up for this demo, after Kampen's story from the field. The CBS figures are real."
                    ),
                ],
                className="drilldown-notices",
            )
        )
    return items + draft_notice(request, target.status, t("This savings target is a draft: not yet published on the public site."))


def summary_figures(request: PageRequest, progress: Progress, theme: str | None) -> html.Dl:
    t, lang = request.t, request.lang
    last = progress.last(theme)
    gap = last.gap_eur
    return key_figures(
        [
            (t("Target {start}–{end}", start=progress.target.start_year, end=progress.target.end_year), fmt.euro_compact(last.target_cumulative_eur, lang)),
            (t("Planned by measures"), fmt.euro_compact(last.planned_cumulative_eur, lang)),
            (t("Realised so far"), fmt.euro_compact(last.realised_cumulative_eur, lang)),
            (t("Gap still to find") if gap >= 0 else t("Planned beyond the target"), fmt.euro_compact(abs(gap), lang)),
        ]
    )


def cumulative_block(request: PageRequest, progress: Progress, theme: str | None, graph: str, municipality: str) -> html.Section:
    t, lang = request.t, request.lang
    rows = progress.of(theme)
    last = rows[-1]
    figure = cumulative_figure(
        [r.year for r in rows],
        [r.target_cumulative_eur for r in rows],
        [r.planned_cumulative_eur for r in rows],
        [r.realised_cumulative_eur for r in rows],
        labels(request),
        lang,
    )
    summary = t(
        "Cumulative over {start}–{end}: target {target}, planned by measures {planned}, realised {realised}; still to find {gap}.",
        start=rows[0].year,
        end=last.year,
        target=fmt.euro(last.target_cumulative_eur, lang),
        planned=fmt.euro(last.planned_cumulative_eur, lang),
        realised=fmt.euro(last.realised_cumulative_eur, lang),
        gap=fmt.euro(last.gap_eur, lang),
    )
    table = data_table(
        [
            t("Year"),
            t("Target"),
            t("Planned"),
            t("Realised"),
            t("Target, cumulative"),
            t("Planned, cumulative"),
            t("Realised, cumulative"),
            t("Gap still to find"),
        ],
        [
            [str(r.year)]
            + [
                fmt.euro(v, lang)
                for v in (r.target_eur, r.planned_eur, r.realised_eur, r.target_cumulative_eur, r.planned_cumulative_eur, r.realised_cumulative_eur, r.gap_eur)
            ]
            for r in rows
        ],
        numeric=set(range(1, 8)),
    )
    return chart_block(
        t("Target, planned and realised"),
        summary,
        figure,
        table,
        graph,
        t("Show the figures as a table"),
        download=download(request, "/api/v1/savings/progress", t("Target, planned and realised"), municipality=municipality),
    )


def themes_table(request: PageRequest, progress: Progress) -> html.Section:
    t, lang = request.t, request.lang
    rows = []
    for theme in dict.fromkeys(r.theme for r in progress.rows if r.theme):
        last = progress.last(theme)
        rows.append(
            [
                dcc.Link(t(theme), href=href(f"/savings/{THEME_SLUGS[theme]}", request)),
                fmt.euro(last.target_cumulative_eur, lang),
                fmt.euro(last.planned_cumulative_eur, lang),
                fmt.euro(last.realised_cumulative_eur, lang),
                fmt.euro(last.gap_eur, lang),
            ]
        )
    return html.Section(
        [html.H2(t("Per theme")), data_table([t("Theme"), t("Target"), t("Planned"), t("Realised"), t("Gap still to find")], rows, numeric={1, 2, 3, 4})],
        className="savings-themes",
    )


def flag_text(check: MeasureCheck, request: PageRequest) -> html.Span:
    t = request.t
    if check.flagged:
        names = ", ".join(r.info.label(request.lang) for r in check.off_track)
        return html.Span(
            [html.Span("⚑", className="status-icon", **{"aria-hidden": "true"}), " ", t("Flagged: {names} off track", names=names)],
            className="measure-flag status-badge status-off-track",
        )
    return html.Span(t("Not flagged"), className="measure-flag-none")


def lights(check: MeasureCheck, request: PageRequest) -> list:
    """The traffic lights of the indicators a measure must not harm, each with its name."""
    items = [
        html.Li([dcc.Link(r.info.label(request.lang), href=href(f"/indicator/{r.info.slug}", request)), " ", status_badge(r.status, request)])
        for r in check.indicators
    ]
    items += [html.Li([slug, " ", request.t("(not in the visible results layer)")]) for slug in check.missing]
    return [html.Ul(items, className="measure-lights")] if items else [request.t("none linked")]


def measures_block(request: PageRequest, checks: tuple[MeasureCheck, ...], graph: str, municipality: str, providers: dict) -> html.Section:
    t, lang = request.t, request.lang
    if not checks:
        return html.Section([html.H2(t("Measures")), html.P(t("No measures yet."))])
    flagged = [c for c in checks if c.flagged]
    figure = measures_figure(
        [c.measure.label(lang) for c in checks],
        [c.measure.expected_total if c.measure.counts_as_planned else 0 for c in checks],
        [c.measure.realised_total for c in checks],
        [c.flagged for c in checks],
        labels(request, cumulative=False),
        t("Flagged:"),
        lang,
    )
    summary = t("{count} measures; {flagged} flagged because an indicator they must not harm is off track.", count=len(checks), flagged=len(flagged))
    rows = [
        [
            html.Span([c.measure.label(lang)] + ([html.Br(), html.Small(providers.get(c.measure.provider, c.measure.provider))] if c.measure.provider else [])),
            t(c.measure.theme),
            t(c.measure.kind),
            t(c.measure.status),
            fmt.euro(c.measure.expected_total, lang),
            fmt.euro(c.measure.realised_total, lang),
            html.Div(lights(c, request)),
            flag_text(c, request),
        ]
        for c in checks
    ]
    table = data_table(
        [t("Measure"), t("Theme"), t("Kind"), t("Status"), t("Expected"), t("Realised"), t("Must not harm"), t("Saving and still effective?")],
        rows,
        numeric={4, 5},
    )
    return html.Section(
        [
            html.H2(t("Measures: saving and still effective?"), id="measures-heading"),
            html.P(
                t(
                    "Beside each measure the traffic lights of the indicators it must not harm; a measure is flagged when one of them is off track. A dropped measure counts nothing towards the plan."
                )
            ),
            table,
            # not on paper nor on a phone: the table above carries the same figures, and eight pairs of
            # bars squeezed to a third of an A4 page or beside their names on a 390 px screen cannot
            # carry their names and amounts both
            html.Div(chart_block(
                t("Expected and realised per measure"),
                summary,
                figure,
                html.P(t("The table above holds the same figures.")),
                graph,
                t("About the table"),
                heading_level=3,
                download=download(request, "/api/v1/savings/measures", t("Measures"), municipality=municipality),
            ), className="d-none d-sm-block d-print-none"),
        ],
        className="savings-measures",
        **{"aria-labelledby": "measures-heading"},
    )


def cuts_block(request: PageRequest, cuts: CutsLanding, reference, graph: str) -> html.Section:
    t, lang = request.t, request.lang
    layer_names = [t(layer.layer) for layer in cuts.layers]
    base = cuts.layers[0]
    if cuts.social_base_warning:
        verdict = html.P(
            [
                html.Span("!", className="status-icon", **{"aria-hidden": "true"}),
                " ",
                t(
                    "Warning: the social base carries {savings} of the planned savings but has only {spending} of the spending.",
                    savings=percent(base.savings_share, lang),
                    spending=percent(base.spending_share, lang),
                ),
            ],
            className="status-badge status-at-risk cuts-warning",
            role="alert",
        )
    else:
        verdict = html.P(
            t(
                "The social base carries {savings} of the planned savings against {spending} of the spending: not more than its share.",
                savings=percent(base.savings_share, lang),
                spending=percent(base.spending_share, lang),
            ),
            className="cuts-ok",
        )
    where = (
        t("spending in {document} {year}", document=t(reference.kind), year=reference.year)
        if reference
        else t("no spending figures for the year before the target")
    )
    figure = cuts_figure(
        layer_names,
        [float(x.savings_share) if x.savings_share is not None else None for x in cuts.layers],
        [float(x.spending_share) if x.spending_share is not None else None for x in cuts.layers],
        (t("Share of the planned savings"), t("Share of the spending")),
        lambda v: percent(v, lang),
        lang,
    )
    table = data_table(
        [t("Layer"), t("Planned savings"), t("Share of the planned savings"), t("Spending"), t("Share of the spending")],
        [
            [name, fmt.euro(float(x.savings_eur), lang), percent(x.savings_share, lang), fmt.euro(x.spending_eur, lang), percent(x.spending_share, lang)]
            for name, x in zip(layer_names, cuts.layers)
        ]
        + ([[t("on no layer (no programme)"), fmt.euro(float(cuts.unassigned_eur), lang), "", "", ""]] if cuts.unassigned_eur else []),
        numeric={1, 2, 3, 4},
    )
    summary = t("Per layer its share of the planned savings beside its share of the {where}.", where=where)
    return html.Section(
        [
            html.H2(t("Where do the cuts land?")),
            verdict,
            chart_block(t("Savings and spending per layer"), summary, figure, table, graph, t("Show the figures as a table"), heading_level=3),
        ],
        className="savings-cuts",
    )


def baseline_block(request: PageRequest, rows: tuple[BaselineRow, ...], themes: list[str]) -> html.Section:
    t, lang = request.t, request.lang
    shown = [r for r in rows if r.theme in themes]
    if not shown:
        return html.Section([html.H2(t("Does it show in the accounts?")), html.P(t("There are no jaarrekening figures for the target's years yet."))])
    table = data_table(
        [t("Theme"), t("Year"), t("Realised spending"), t("Against {year}", year=shown[0].baseline_year), t("Change")],
        [
            [
                t(r.theme),
                str(r.year),
                fmt.euro(r.lasten_eur, lang),
                signed_money(r.change_eur, lang),
                signed_percent(float(r.change_share) if r.change_share is not None else None, lang),
            ]
            for r in shown
        ],
        numeric={2, 3, 4},
    )
    return html.Section(
        [
            html.H2(t("Does it show in the accounts?")),
            html.P(
                t(
                    "Each theme's spending in the CBS annual accounts of the target's years against {year}, the year before the target began. Spending can rise while measures save: demand and prices move too.",
                    year=shown[0].baseline_year,
                )
            ),
            table,
        ],
        className="savings-baseline",
    )


def review_block(request: PageRequest, items: tuple[ReviewItem, ...], names: dict, heading_level: int = 2) -> html.Section:
    t, lang = request.t, request.lang
    heading = {2: html.H2, 3: html.H3}[heading_level]
    if not items:
        return html.Section([heading(t("Review list")), html.P(t("No programme meets a review rule."))], className="review-list")
    rows = [
        [
            dcc.Link(names[i.programme].label(lang) if i.programme in names else i.programme, href=href(f"/programme/{i.programme}", request)),
            t(i.reason),
            html.Span([html.Span([dcc.Link(s, href=href(f"/indicator/{s}", request)), " "]) for s in i.indicators]) if i.indicators else "",
            decision_text(i.decision, request),
        ]
        for i in items
    ]
    return html.Section(
        [
            heading(t("Review list")),
            html.P(
                t(
                    "Programmes whose outcome indicators have been off track for two or more periods while their money did not fall, programmes with only output indicators, and programmes with no indicator at all: each with the decision recorded in the learning loop."
                )
            ),
            data_table([t("Programme"), t("Why"), t("Indicators"), t("Decision")], rows),
        ],
        className="review-list",
    )


def decision_text(note, request: PageRequest):
    t, lang = request.t, request.lang
    if note is None:
        return html.Em(t("no decision yet"))
    return html.Span([html.Strong(t(note.decision)), " ", t("({date})", date=fmt.long_date(note.date, lang))])
