"""Does it work for what it costs? The page parts: per programme of a theme (cost per client against the
worst outcome's distance to target, now and over the years) and per provider (what it receives, for
which programmes and instruments, and how those programmes' outcome indicators stand).

Every status is an icon and a word (``status_badge``), the off-track outcomes are named, and a cost
per client whose count is not published is "–" (it would give the count back).
"""

from __future__ import annotations

from dash import html

from dashboard.components.charts import chart_block, data_table, figure_footer
from dashboard.components.traffic_light import STATUS_STYLE, status_badge
from dashboard.domain import formatting as fmt
from dashboard.domain.cost_effectiveness import ProgrammeEffect, TrendPoint, change
from dashboard.domain.traffic_light import OFF_TRACK
from dashboard.figures.savings import cost_effect_figure, cost_trend_figure
from dashboard.navigation.addresses import PageRequest
from dashboard.pages.common import document_label, download
from dashboard.pages.drilldown_common import drill_about, instruments_text, link, percent, programme_name, suppression_note


def name_of(names: dict, slug: str, lang: str) -> str:
    return names[slug].label(lang) if slug in names else slug


def _distance(value, lang: str) -> str:
    return percent(float(value), lang) if value is not None else fmt.MISSING


def cost_block(request: PageRequest, effects: tuple[ProgrammeEffect, ...], names: dict, year: int, kind: str) -> html.Section:
    """Cost per client against the worst outcome's distance to target, per programme of the theme."""
    t, lang = request.t, request.lang
    plotted = [e for e in effects if e.cost_per_client_eur is not None and e.distance is not None]
    rows = []
    for e in effects:
        worst = e.worst
        rows.append(
            [
                name_of(names, e.programme, lang),
                fmt.euro(e.amount_eur, lang),
                fmt.euro(e.cost_per_client_eur, lang) if e.cost_per_client_eur is not None else t("not shown"),
                html.Span([worst.info.label(lang), " ", status_badge(worst.status, request)]) if worst else t("no outcome indicator"),
                _distance(e.distance, lang),
            ]
        )
    table = data_table([t("Programme"), t("Amount"), t("Cost per client"), t("Outcome (worst)"), t("Distance to target")], rows, numeric={1, 2, 4})
    heading = t("Does it work for what it costs?")
    if not plotted:
        return html.Section([html.H2(heading), html.P(document_label(t, kind, year)), table], className="cost-effectiveness")
    figure = cost_effect_figure(
        [name_of(names, e.programme, lang) for e in plotted],
        [e.cost_per_client_eur for e in plotted],
        [float(e.distance) for e in plotted],
        [t(e.worst.status) for e in plotted],
        (t("Cost per client (€)"), t("Distance to target")),
        lang,
    )
    summary = t(
        "{document}: cost per client against how far the worst outcome indicator misses its target, for {count} programmes; 0 % is on target.",
        document=document_label(t, kind, year),
        count=len(plotted),
    )
    return chart_block(heading, summary, figure, table, "savings-cost-effect", t("Show the figures as a table"))


def trend_block(request: PageRequest, trends: dict[str, tuple[TrendPoint, ...]], names: dict, kind: str) -> html.Section:
    """Per programme over the years: cost per client (in every ``kind`` document) and the worst outcome's distance to target."""
    t, lang = request.t, request.lang
    heading = t("Cost and result over the years")
    shown = {slug: points for slug, points in trends.items() if any(p.cost_per_client_eur is not None or p.distance is not None for p in points)}
    if not shown:
        return html.Section([html.H3(heading), html.P(t("No programme has figures over the years yet."))], className="cost-trend")
    years = sorted({p.year for points in shown.values() for p in points})
    series = []
    for slug, points in shown.items():
        by_year = {p.year: p for p in points}
        series.append(
            (
                name_of(names, slug, lang),
                years,
                [by_year[y].cost_per_client_eur if y in by_year else None for y in years],
                [float(by_year[y].distance) if y in by_year and by_year[y].distance is not None else None for y in years],
            )
        )
    figure = cost_trend_figure(series, (t("Cost per client (€)"), t("Distance to target")), lang)
    sentences = [trend_sentence(request, name_of(names, slug, lang), points) for slug, points in shown.items()]
    summary = " ".join(
        [t("Per programme over {first}–{last}, above the cost per client in the {document}, below how far the worst outcome indicator misses its target (0 % is on target).",
           first=years[0], last=years[-1], document=t(kind))]
        + sentences
    )
    table = data_table(
        [t("Programme"), t("Year"), t("Cost per client"), t("Distance to target")],
        [
            [name_of(names, slug, lang), str(p.year), fmt.euro(p.cost_per_client_eur, lang) if p.cost_per_client_eur is not None else fmt.MISSING, _distance(p.distance, lang)]
            for slug, points in shown.items()
            for p in points
        ],
        numeric={2, 3},
    )
    return chart_block(heading, summary, figure, table, "savings-cost-trend", t("Show the figures as a table"), heading_level=3)


def trend_sentence(request: PageRequest, name: str, points: tuple[TrendPoint, ...]) -> str:
    """"Re-integration: cost per client from €2,100 (2019) to €2,600 (2026); distance to target from 0 % (2022) to 22 % (2025).\""""
    t, lang = request.t, request.lang
    parts = []
    cost = change(points, "cost_per_client_eur")
    if cost:
        parts.append(t("cost per client from {first} ({first_year}) to {last} ({last_year})", first=fmt.euro(cost[0].cost_per_client_eur, lang),
                       first_year=cost[0].year, last=fmt.euro(cost[1].cost_per_client_eur, lang), last_year=cost[1].year))
    distance = change(points, "distance")
    if distance:
        parts.append(t("distance to target from {first} ({first_year}) to {last} ({last_year})", first=_distance(distance[0].distance, lang),
                       first_year=distance[0].year, last=_distance(distance[1].distance, lang), last_year=distance[1].year))
    return f"{name}: {'; '.join(parts) if parts else t('too few years to compare')}."


PROVIDER_EFFECT_DEFINITION = (
    "Per programme: what this provider is paid in this document and its cost per client, beside the newest traffic "
    "lights of the programme's outcome indicators (the municipality's results layer)."
)


def provider_block(request: PageRequest, view, effects: tuple[ProgrammeEffect, ...], year: int, kind: str) -> html.Section:
    """On the provider page: per programme it is paid for, what it receives and through which instruments,
    its cost per client, and the traffic lights of the programme's outcome indicators, off-track ones named."""
    t, lang = request.t, request.lang
    heading_id = "provider-effect-heading"
    heading = html.H2(t("Does it work for what it costs?"), id=heading_id)
    records = {str(r["programme"]): r for r in view.programmes.to_dict("records")}
    if not effects:
        return html.Section([heading, html.P(t("This provider receives nothing in this document."))], className="chart-block provider-effect",
                            **{"aria-labelledby": heading_id})
    rows = []
    for e in effects:
        r = records[e.programme]
        lights = [html.Li([link(o.info.label(lang), f"/indicator/{o.info.slug}", request), " ", status_badge(o.status, request)]) for o in e.outcomes]
        rows.append(
            [
                link(programme_name(r, lang), f"/programme/{e.programme}", request),
                fmt.euro(e.amount_eur, lang),
                off_track_text(request, e),
                html.Ul(lights, className="measure-lights") if lights else html.Em(t("no outcome indicator")),
                fmt.euro(e.cost_per_client_eur, lang) if e.cost_per_client_eur is not None else fmt.MISSING,
                instruments_text(request, r["instruments"]),
            ]
        )
    off = [e for e in effects if e.off_track]
    measured = [e for e in effects if e.outcomes]
    summary = t(
        "{document}: {name} is paid for {count} programmes: {measured} with outcome indicators, {off} with one off track.",
        document=document_label(t, kind, year), name=view.info["name"], count=len(effects), measured=len(measured), off=len(off),
    )
    table = data_table(
        [t("Programme"), t("Paid"), t("Off track"), t("Outcome indicators of the programme"), t("Cost per client"), t("Funding instrument")],
        rows, numeric={1, 4},
        caption=t("What the provider receives per programme, beside how the programme's results stand."),
    )
    note = suppression_note(request, view.programmes["clients_disclosure"])
    footer = figure_footer(
        download(request, "/api/v1/savings/provider-effects", t("Does it work for what it costs?"), municipality=view.municipality, year=year,
                 document=kind, provider=view.info["slug"]),
        drill_about(request, view.layer, kind, year, t(PROVIDER_EFFECT_DEFINITION)),
    )
    return html.Section(
        [heading, html.P(summary, className="chart-summary"),
         html.P(t("The traffic lights belong to the programme as a whole: the provider is one of those who deliver it.")), table,
         *([note] if note else []), footer],
        className="chart-block provider-effect", **{"aria-labelledby": heading_id},
    )


def off_track_text(request: PageRequest, effect: ProgrammeEffect):
    t, lang = request.t, request.lang
    if not effect.off_track:
        return t("none") if effect.outcomes else fmt.MISSING
    return html.Span(
        [html.Span(STATUS_STYLE[OFF_TRACK][1], className="status-icon", **{"aria-hidden": "true"}), " ",
         t("Off track: {names}", names=", ".join(r.info.label(lang) for r in effect.off_track))],
        className="status-badge status-off-track",
    )
