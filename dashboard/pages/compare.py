"""Compare: is that a lot? One municipality against its peers, the national figure and the fund.

``/compare?municipality=&year=&document=&group=``: the peers (statistical neighbours with their reasons,
or a ready-made group), per theme the figure per inhabitant and per unit of the theme's target group
against the peers' median, interquartile band, rank and Nederland, and what the gemeentefonds pays per
theme beside the lasten.
"""
from __future__ import annotations

from dash import dcc, html

from dashboard.components.charts import chart_block, data_table
from dashboard.components.shell import breadcrumb, page_shell
from dashboard.domain import formatting as fmt
from dashboard.domain.compare import unit_of
from dashboard.domain.fund import THEME_CLUSTERS
from dashboard.domain.peers import VARIABLES
from dashboard.domain.themes import THEME_BY_SLUG, THEME_SLUGS, THEMES
from dashboard.figures.compare import band_figure, band_panels_figure, trend_figure
from dashboard.navigation.addresses import CARRIED_PARAMS, BadParameter, PageRequest, href
from dashboard.pages import Page
from dashboard.pages.common import document_label, resolve_document, resolve_municipality
from dashboard.pages.overview import selectors
from dashboard.queries.compare import DEFAULT_GROUP, GROUPS, CompareQueries
from dashboard.queries.context import AppContext

GROUP_LABELS = {
    "neighbours": "Statistical neighbours",
    "size": "Same size class",
    "urbanity": "Same urbanity",
    "province": "Same province",
    "youth-region": "Same youth-care region",
    "labour-region": "Same labour-market region",
    "all": "All municipalities",
}
ALLOWED_PARAMS = frozenset(CARRIED_PARAMS) | {"group", "trend"}


def ordinal(rank: int, lang: str) -> str:
    if lang == "nl":
        return f"{rank}e"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def render(ctx: AppContext, request: PageRequest) -> Page:
    t = request.t
    unknown = sorted(set(request.params) - ALLOWED_PARAMS)
    if unknown:
        raise BadParameter(t("This page does not know the parameter “{name}”.", name=unknown[0]))
    group = request.get("group") or DEFAULT_GROUP
    if group not in GROUPS:
        raise BadParameter(t("“{value}” is not a peer group.", value=group))
    trend_slug = request.get("trend") or ""
    if trend_slug and trend_slug not in THEME_BY_SLUG:
        raise BadParameter(t("“{value}” is not a theme.", value=trend_slug))
    municipality = resolve_municipality(ctx, request)
    year, kind = resolve_document(ctx, request)
    queries = CompareQueries(ctx.service)
    comparison = queries.comparison(municipality, year, kind, group)
    peers = comparison.peers
    title = t("Compare {municipality} – {document} {year}", municipality=municipality, document=t(kind), year=year)

    group_nav = choice_nav(
        t("Peer group"), "group-nav", group,
        [(g, t(GROUP_LABELS[g]), href("/compare", request, group=g, trend=request.get("trend") or None)) for g in GROUPS],
    )
    content = [
        html.H1(t("Compare {municipality}", municipality=municipality)),
        html.P(document_label(t, kind, year), className="lead document-label"),
        html.P(t("Is that a lot? {municipality}'s spending per theme beside similar municipalities, the national figure and what the municipal fund pays.", municipality=municipality), className="intro"),
        selectors(ctx, request, municipality, year, kind),
        html.H2(t("Compare with"), id="group-heading"),
        group_nav,
        *theme_section(comparison, request),
        trend_section(queries.trend(municipality, year, kind, group, THEME_BY_SLUG.get(trend_slug, "")), comparison, request),
        taakveld_section(queries, comparison, request),
        fund_section(comparison, request),
        peers_section(comparison, request, peers),
        html.P(t("Sources: CBS StatLine, Iv3 (CC BY 4.0); CBS Gebieden in Nederland 2022 (CC BY 4.0); BZK, gemeentefonds circulars. The comparison uses the rolled-up Iv3 task fields of CBS's ten-year file for every municipality."), className="source-line"),
    ]
    crumbs = breadcrumb(request, [(t("Overview"), "/"), (t("Compare"), None)])
    return Page(title=title, children=page_shell(request, municipality, content, crumbs))


def _rank(standing, lang, t) -> str:
    if standing.rank is None:
        return t("no figure")
    return t("{rank} of {count}", rank=ordinal(standing.rank, lang), count=standing.of)


def theme_section(comparison, request: PageRequest) -> list:
    t, lang = request.t, request.lang
    blocks = []
    for measure, heading in (("per_inhabitant", t("Spending per inhabitant")), ("per_unit", t("Spending per unit of the target group"))):
        rows, bands, units = [], [], []
        for c in comparison.themes:
            s = getattr(c, measure)
            unit = t("per inhabitant") if measure == "per_inhabitant" else _unit(c.theme, request)
            rows.append([
                t(c.theme), unit, fmt.euro(s.value, lang), fmt.euro(s.median, lang),
                f"{fmt.euro(s.q1, lang)} – {fmt.euro(s.q3, lang)}", fmt.euro(s.national, lang), _rank(s, lang, t),
            ])
            bands.append((t(c.theme), s))
            units.append(unit)
        table = data_table(
            [t("Theme"), t("Unit"), comparison.municipality, t("Peers' median"), t("Peers' middle half"), "Nederland", t("Rank (1 = highest)")],
            rows, numeric={2, 3, 4, 5},
        )
        first = comparison.themes[0]
        s = getattr(first, measure)
        summary = t(
            "{municipality} against {count} peers: {theme} {value} against a median of {median} ({rank}). The band is the middle half of the peers; the diamond is Nederland.",
            municipality=comparison.municipality, count=len(comparison.peers), theme=t(first.theme), value=fmt.euro(s.value, lang),
            median=fmt.euro(s.median, lang), rank=_rank(s, lang, t),
        )
        if measure == "per_unit":  # each theme its own axis: €40k per benefit recipient beside €2k per young person
            panels = [(name, unit, s) for (name, s), unit in zip(bands, units)]
            figure = band_panels_figure(panels, comparison.municipality, t("Peers' middle half"), t("Peers' median"), "Nederland", lang)
        else:
            figure = band_figure(bands, comparison.municipality, t("Peers' middle half"), t("Peers' median"), "Nederland", lang)
        blocks.append(chart_block(heading, summary, figure, table, f"compare-{measure.replace('_', '-')}", t("Show the figures as a table")))
    return blocks


def _unit(theme: str, request: PageRequest, code: str | None = None) -> str:
    _, en, nl, fund_measure = unit_of(theme, code)
    text = nl if request.lang == "nl" else en
    return f"{text}, {request.t('gemeentefonds measure')}" if fund_measure else text


def trend_section(trend, comparison, request: PageRequest):
    """The social domain (or one theme: ``?trend=work``) per inhabitant over the years against the same
    peers' band and median; links above the chart choose the line, keeping the rest of the address."""
    t, lang = request.t, request.lang
    subject = t(trend.key) if trend.key else t("Social domain")
    points = [(p.year, p.standing) for p in trend.points]
    rows = [
        [str(year), fmt.euro(s.value, lang), fmt.euro(s.median, lang), f"{fmt.euro(s.q1, lang)} – {fmt.euro(s.q3, lang)}", fmt.euro(s.national, lang), _rank(s, lang, t)]
        for year, s in points
    ]
    table = data_table([t("Year"), comparison.municipality, t("Peers' median"), t("Peers' middle half"), "Nederland", t("Rank (1 = highest)")], rows, numeric={1, 2, 3, 4})
    with_value = [(year, s) for year, s in points if s.value is not None]
    if with_value:
        (first_year, first), (last_year, last) = with_value[0], with_value[-1]
        summary = t(
            "{municipality} spent {first} per inhabitant on {subject} in {first_year} and {last} in {last_year}; the peers' median went from {first_median} to {last_median}.",
            municipality=comparison.municipality, subject=subject if trend.key else t("the social domain"), first=fmt.euro(first.value, lang),
            first_year=first_year, last=fmt.euro(last.value, lang), last_year=last_year, first_median=fmt.euro(first.median, lang),
            last_median=fmt.euro(last.median, lang),
        )
    else:
        summary = t("No figures for {municipality} in these years.", municipality=comparison.municipality)
    extra = [_trend_nav(trend.key, request)]
    if trend.starts_late:
        extra.append(html.P(t("{municipality} was formed by a merger: its line starts in {year}, its first year with figures.", municipality=comparison.municipality, year=trend.first_year), className="merger-note"))
    figure = trend_figure(points, comparison.municipality, t("Peers' middle half"), t("Peers' median"), "Nederland", lang)
    heading = t("{subject} per inhabitant over the years: {document}", subject=subject, document=t(trend.kind))
    return chart_block(heading, summary, figure, table, "compare-trend", t("Show the figures as a table"), extra=html.Div(extra))


def _trend_nav(key: str, request: PageRequest):
    """Which line the trend shows: the social domain or one theme (the choice lives in the address)."""
    t = request.t
    choices = [("", t("Social domain"))] + [(theme, t(theme)) for theme in THEMES]
    return choice_nav(t("Line for"), "group-nav trend-nav", key, [
        (theme, label, href("/compare", request, group=request.get("group") or None, trend=THEME_SLUGS[theme] if theme else None))
        for theme, label in choices
    ])


def choice_nav(label: str, class_name: str, current: str, choices: list[tuple[str, str, str]]):
    """A row of links of which one, ``current``, is the page shown: marked (aria-current), not a link.
    ``choices``: (key, text, href)."""
    return html.Nav(
        **{"aria-label": label},
        className=class_name,
        children=html.Ul([
            html.Li(
                html.Span(text, className="group-link active", **{"aria-current": "true"}) if key == current
                else dcc.Link(text, href=address, className="group-link")
            )
            for key, text, address in choices
        ]),
    )


def taakveld_section(queries, comparison, request: PageRequest):
    """Per theme its taakvelden, each per inhabitant and per unit of its own target group, behind a disclosure."""
    t, lang = request.t, request.lang
    parts = []
    for c in comparison.themes:
        rows = []
        for tv in queries.taakvelden(comparison.municipality, comparison.year, comparison.kind, c.theme, comparison.group):
            rows.append([
                f"{tv.code} {tv.name}", fmt.euro(tv.lasten_eur, lang),
                fmt.euro(tv.per_inhabitant.value, lang), fmt.euro(tv.per_inhabitant.median, lang), _rank(tv.per_inhabitant, lang, t),
                _unit(c.theme, request, tv.code), fmt.euro(tv.per_unit.value, lang), fmt.euro(tv.per_unit.median, lang), _rank(tv.per_unit, lang, t),
            ])
        table = data_table(
            [t("Task field"), t("Spending"), t("Per inhabitant"), t("Peers' median"), t("Rank"), t("Unit"), t("Per unit"), t("Peers' median"), t("Rank")],
            rows, numeric={1, 2, 3, 6, 7},
        ) if rows else html.P(t("No task field figures for this theme."))
        parts.append(html.Details([html.Summary(t("{theme}: {count} task fields", theme=t(c.theme), count=len(rows))), table], className="taakveld-details"))
    return html.Section(
        [html.H2(t("Per task field"), id="taakveld-heading"),
         html.P(t("Each theme's task fields against the same peers: per inhabitant and per unit of the task field's own target group (rank 1 = highest).")), *parts],
        className="taakveld-section", **{"aria-labelledby": "taakveld-heading"},
    )


def fund_section(comparison, request: PageRequest):
    t, lang = request.t, request.lang
    if comparison.circular is None:
        body = [html.P(t("No gemeentefonds circular covers {year}: the fund comparison is available for 2024 and 2025.", year=comparison.year))]
    else:
        rows = []
        for c in comparison.themes:
            gap = c.fund_difference_per_inhabitant
            rows.append([
                t(c.theme), THEME_CLUSTERS[c.theme], fmt.euro(c.fund_eur, lang), fmt.euro(c.lasten_eur, lang),
                fmt.euro(c.fund_difference_eur, lang), fmt.euro(gap.value, lang), fmt.euro(gap.median, lang), fmt.euro(gap.national, lang),
            ])
        body = [
            html.P(t("The fund is not earmarked: a municipality decides itself what it spends. This comparison is an indication, not a rule. A negative difference means the municipality spends more on the theme than the cluster brings in."), className="fund-note"),
            data_table(
                [t("Theme"), t("Fund cluster"), t("Fund pays"), t("Spending"), t("Difference"), t("Difference per inhabitant"), t("Peers' median per inhabitant"), "Nederland"],
                rows, numeric={2, 3, 4, 5, 6, 7}, region_label=t("What the fund pays beside what is spent"),
            ),
            html.P(t("Circular used: {circular} (volumes × weights × payment factor, plus the integration and decentralisation payments of the cluster).", circular=comparison.circular), className="source-line"),
        ]
    return html.Section([html.H2(t("What the fund pays beside what is spent"), id="fund-heading"), *body], className="fund-section", **{"aria-labelledby": "fund-heading"})


def peers_section(comparison, request: PageRequest, peers):
    t, lang = request.t, request.lang
    labels = {column: (nl if lang == "nl" else en) for column, en, nl in VARIABLES}
    if comparison.group == "neighbours":
        intro = t("The {count} municipalities most alike in population and area (not in spending): seven structural variables standardised as z-scores, Euclidean distance. Smaller distance = more alike.", count=len(peers))
        rows = [
            [dcc.Link(p.municipality, href=href("/compare", request, municipality=p.municipality)), fmt.number(p.distance, lang, 2),
             ", ".join(labels[c] for c in p.close), ", ".join(labels[c] for c in p.far)]
            for p in peers
        ]
        table = data_table([t("Municipality"), t("Distance"), t("Alike in"), t("Differs most in")], rows, numeric={1})
    else:
        intro = t("{count} municipalities in this group besides {municipality}.", count=len(peers), municipality=comparison.municipality)
        table = html.Ul([html.Li(dcc.Link(p.municipality, href=href("/compare", request, municipality=p.municipality))) for p in peers], className="peer-list")
    return html.Section(
        [html.H2(t("The peers"), id="peers-heading"), html.P(intro), html.Details([html.Summary(t("Show the peers")), table], open=len(peers) <= 20)],
        className="peers-section", **{"aria-labelledby": "peers-heading"},
    )
