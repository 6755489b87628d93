"""Meeting mode (``/present``): one screen per theme, readable from the back of a council chamber.

Every slide is its own address (``?slide=N``), so the arrow keys, space and Page Up/Down move by
following links (assets/30-present.js), the browser's back button works, and a presentation for a
fixed document and year can be opened by link. Every slide carries the "figures as of" stamp.
"""

from __future__ import annotations

from datetime import date

from dash import dcc, html

from dashboard.components.charts import GRAPH_CONFIG
from dashboard.components.shell import dutch_name
from dashboard.components.traffic_light import status_counts
from dashboard.domain import formatting as fmt
from dashboard.domain.finance import year_on_year
from dashboard.domain.indicators import status_counts as status_counts_of
from dashboard.domain.themes import THEME_SLUGS, THEMES
from dashboard.domain.traffic_light import OFF_TRACK
from dashboard.figures.overview import single_theme_trend_figure
from dashboard.navigation import ids
from dashboard.navigation.addresses import BadParameter, PageRequest, href
from dashboard.pages import Page
from dashboard.pages.common import document_label, resolve_document, resolve_municipality
from dashboard.queries.context import AppContext
from dashboard.queries.indicators import IndicatorQueries
from dashboard.queries.savings import SavingsQueries

#: The title slide, one per theme, and the savings slide (target, realised, gap, flags).
SLIDE_COUNT = 1 + len(THEMES) + 1
SAVINGS_SLIDE = SLIDE_COUNT - 1


def render(ctx: AppContext, request: PageRequest) -> Page:
    t, lang = request.t, request.lang
    municipality = resolve_municipality(ctx, request)
    year, kind = resolve_document(ctx, request)
    slide = _slide_number(request)
    overview = ctx.service.theme_overview(municipality, year, kind)
    trend = ctx.service.theme_trend(municipality)
    pinned = request.with_params(year=year, document=kind)
    indicators = IndicatorQueries(ctx.service, municipality)
    reference = indicators.reference_date(year)

    if slide == 0:
        results = {theme: indicators.theme_results(theme, reference) for theme in THEMES}
        title, body = _title_slide(overview, trend, pinned, results, reference)
    elif slide == SAVINGS_SLIDE:
        title, body = _savings_slide(ctx, municipality, pinned)
    else:
        theme = THEMES[slide - 1]
        title, body = _theme_slide(overview, trend, theme, pinned, indicators.theme_results(theme, reference), reference)

    stamp = t(
        "Figures as of: {document}, imported {imported}. Source: CBS StatLine, Iv3 (CC BY 4.0).",
        document=document_label(t, kind, year),
        imported=fmt.long_date(overview.imported_at, lang),
    )
    deck = html.Div(
        className="deck",
        children=[
            html.A(t("Skip to main content"), href=f"#{ids.MAIN}", className="skip-link"),
            html.Main(id=ids.MAIN, tabIndex="-1", className="slide", children=body),
            html.Footer(
                className="deck-footer",
                children=[
                    html.P(stamp, className="deck-stamp"),
                    html.Nav(
                        **{"aria-label": t("Slides")},
                        className="deck-nav",
                        children=[
                            _nav_link("first", t("First"), "«", 0, slide, pinned),
                            _nav_link("prev", t("Previous"), "←", slide - 1, slide, pinned),
                            html.Span(t("Slide {n} of {total}", n=slide + 1, total=SLIDE_COUNT), className="deck-position", **{"aria-live": "polite"}),
                            _nav_link("next", t("Next"), "→", slide + 1, slide, pinned),
                            _nav_link("last", t("Last"), "»", SLIDE_COUNT - 1, slide, pinned),
                            html.Button(t("Full screen"), type="button", className="deck-fullscreen"),
                            dcc.Link(t("Leave presentation"), href=href("/", pinned), className="deck-leave"),
                        ],
                    ),
                    html.P(t("Keys: → or space for next, ← for previous, Home and End for first and last."), className="deck-hint"),
                ],
            ),
        ],
    )
    return Page(title=f"{title} – {t('Presentation')}", children=[deck])


def _slide_number(request: PageRequest) -> int:
    text = request.get("slide") or "1"
    if not text.isdigit() or not 1 <= int(text) <= SLIDE_COUNT:
        raise BadParameter(request.t("There is no slide “{value}”: choose 1 to {total}.", value=text, total=SLIDE_COUNT))
    return int(text) - 1


def _nav_link(role: str, label: str, symbol: str, target: int, current: int, request: PageRequest):
    if target < 0 or target >= SLIDE_COUNT or target == current:
        return html.Span([html.Span(symbol, **{"aria-hidden": "true"}), " ", label], className=f"deck-{role} disabled", **{"aria-disabled": "true"})
    return dcc.Link(
        [html.Span(symbol, **{"aria-hidden": "true"}), " ", label],
        href=href("/present", request, slide=target + 1),
        className=f"deck-{role}",
        id=f"deck-{role}",
    )


def _title_slide(overview, trend, request: PageRequest, results: dict, reference):
    """The whole picture on one screen: where the money goes and, per theme, how its indicators stand
    and which are off track."""
    t, lang = request.t, request.lang
    results_label = t("Indicator status on {date}", date=fmt.long_date(reference, lang))
    summary = overview.summary
    social_total = int(summary["lasten_eur"].sum())
    title = t("Social domain {municipality}", municipality=overview.municipality)
    tiles = [
        html.Li(
            className=f"deck-tile theme-{THEME_SLUGS[row['theme']]}",
            children=[
                html.Span(t(row["theme"]), className="deck-tile-name"),
                html.Span(fmt.euro_compact(row["lasten_eur"], lang), className="deck-tile-amount"),
                html.Span(t("{share} of the social domain", share=fmt.percent(row["share_of_social_domain"], lang)), className="deck-tile-share"),
                *_change_line(trend, row["theme"], overview, request),
                status_counts(status_counts_of(results[row["theme"]]), request, f"{results_label}: {t(row['theme'])}"),
                *_off_track(results[row["theme"]], request, named=2),
            ],
        )
        for row in summary.to_dict("records")
    ]
    return title, [
        html.H1(title),
        html.P(document_label(t, overview.kind, overview.year), className="deck-subtitle"),
        html.P(
            t(
                "{amount} for the social domain: {share} of all municipal spending, {per} per inhabitant.",
                amount=fmt.euro_compact(social_total, lang),
                share=fmt.percent(overview.social_domain_share, lang),
                per=fmt.euro(social_total / overview.inhabitants, lang) if overview.inhabitants else fmt.MISSING,
            ),
            className="deck-lead",
        ),
        html.H2(t("The four themes"), className="visually-hidden"),
        html.Ul(tiles, className="deck-tiles"),
        html.P(results_label, className="deck-results-date"),
    ]


def _theme_slide(overview, trend, theme: str, request: PageRequest, results, reference):
    """Where the theme's money goes (figures and the trend) and whether it works (its indicators)."""
    t, lang = request.t, request.lang
    row = overview.summary.set_index("theme").loc[theme]
    change = year_on_year(trend, theme, overview.year, overview.kind)
    facts = [
        (t("Spending"), fmt.euro_compact(row["lasten_eur"], lang)),
        (t("Share of social domain"), fmt.percent(row["share_of_social_domain"], lang)),
        (t("Per inhabitant"), fmt.euro(row["per_inhabitant_eur"], lang) if row["per_inhabitant_eur"] is not None else fmt.MISSING),
    ]
    if change is not None:
        previous_year, _previous, relative = change
        facts.append((t("Change since {kind} {year}", kind=t(overview.kind), year=previous_year), _signed_percent(relative, lang)))
    title = t(theme)
    years = sorted(trend["year"].unique())
    sentence = t(
        "Spending on {theme} in {municipality}, {first}–{last}: budget (solid line) and realised (dashed line).",
        theme=title,
        municipality=overview.municipality,
        first=years[0],
        last=years[-1],
    )
    return title, [
        html.H1([title, *dutch_name(theme, request)], className=f"deck-theme-title theme-{THEME_SLUGS[theme]}"),
        html.Div(
            className="deck-theme-body",
            children=[
                html.Div(
                    className="deck-theme-figures",
                    children=[
                        html.Dl([html.Div([html.Dt(label), html.Dd(value)], className="deck-fact") for label, value in facts], className="deck-facts"),
                        _results(results, request, reference, title),
                    ],
                ),
                html.Div(
                    role="img",
                    className="deck-chart-box",
                    **{"aria-label": sentence},
                    children=dcc.Graph(
                        figure=single_theme_trend_figure(trend, theme, lambda k: t({"begroting": "Budget", "jaarrekening": "Realised"}[k]), lang),
                        config=GRAPH_CONFIG, className="deck-chart", style={"height": "100%"},
                    ),
                ),
            ],
        ),
        html.P(sentence, className="visually-hidden"),
    ]


#: At most this many off-track indicators are named on a slide (the rest are counted), so it fits the screen.
OFF_TRACK_NAMED = 3


def _results(results, request: PageRequest, reference, theme_name: str):
    """Whether it works: the theme's status counts and the indicators that are off track, by name."""
    t, lang = request.t, request.lang
    label = t("Indicator status on {date}", date=fmt.long_date(reference, lang))
    children = [html.H2(t("Results"), className="deck-results-heading"), html.P(label, className="deck-results-date"),
                status_counts(status_counts_of(results), request, f"{label}: {theme_name}"), *_off_track(results, request, OFF_TRACK_NAMED)]
    return html.Section(children, className="deck-results")


def _off_track(results, request: PageRequest, named: int) -> list:
    """The names of the first ``named`` off-track indicators, and how many more there are."""
    t = request.t
    off = [r for r in results if r.status == OFF_TRACK]
    if not off:
        return [html.P(t("No indicator is off track."), className="deck-off-track-label")] if results else []
    children = [
        html.P(t("Off track:"), className="deck-off-track-label"),
        html.Ul([html.Li(r.info.label(request.lang)) for r in off[:named]], className="deck-off-track"),
    ]
    if len(off) > named:
        children.append(html.P(t("and {count} more (see the indicator overview)", count=len(off) - named), className="deck-off-track-more"))
    return children


def _change_line(trend, theme: str, overview, request: PageRequest) -> list:
    change = year_on_year(trend, theme, overview.year, overview.kind)
    if change is None:
        return []
    previous_year, _previous, relative = change
    t = request.t
    return [html.Span(t("{change} since {kind} {year}", change=_signed_percent(relative, request.lang), kind=t(overview.kind), year=previous_year),
                      className="deck-tile-change")]


def _savings_slide(ctx: AppContext, municipality: str, request: PageRequest):
    """Target, realised and the gap in large type, and the measures flagged because an indicator they must not harm is off track."""
    t, lang = request.t, request.lang
    queries = SavingsQueries(ctx.service, municipality)
    title = t("Savings target")
    target = queries.target()
    if target is None:
        return title, [html.H1(title), html.P(t("There is no savings target for {municipality} yet.", municipality=municipality), className="deck-lead")]
    last = queries.progress().last()
    flagged = [c for c in queries.checks(date.today()) if c.flagged]
    facts = [
        (t("Target {start}–{end}", start=target.start_year, end=target.end_year), fmt.euro_compact(last.target_cumulative_eur, lang)),
        (t("Realised so far"), fmt.euro_compact(last.realised_cumulative_eur, lang)),
        (t("Gap still to find"), fmt.euro_compact(last.gap_eur, lang)),
    ]
    flags = [
        html.Li(
            [
                html.Span("⚑", **{"aria-hidden": "true"}),
                " ",
                c.measure.label(lang),
                ": ",
                ", ".join(r.info.label(lang) for r in c.off_track),
                " ",
                t("off track"),
            ]
        )
        for c in flagged
    ]
    return title, [
        html.H1(f"{title}: {target.label(lang)}", className="deck-theme-title"),
        html.Dl([html.Div([html.Dt(label), html.Dd(value)], className="deck-fact") for label, value in facts], className="deck-facts"),
        html.H2(t("Saving and still effective?")),
        html.Ul(flags, className="deck-flags") if flags else html.P(t("Not flagged")),
        html.P(t("Illustrative"), className="illustrative-badge") if target.illustrative else None,
    ]


def _signed_percent(fraction: float | None, lang: str) -> str:
    if fraction is None:
        return fmt.MISSING
    sign = "+" if fraction > 0 else ""
    return sign + fmt.percent(fraction, lang)
