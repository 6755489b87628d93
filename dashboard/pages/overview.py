"""Overview: the social domain of the home municipality split into the four themes."""
from __future__ import annotations

import json

from dash import dcc, html

from dashboard.components.charts import chart_block, data_table
from dashboard.components.glossary import term
from dashboard.components.shell import dutch_name, page_shell
from dashboard.components.traffic_light import theme_results_block
from dashboard.components.variance import variance_mark
from dashboard.domain import formatting as fmt
from dashboard.domain.iv3 import BEGROTING, DOCUMENT_KINDS, JAARREKENING
from dashboard.domain.themes import THEME_SLUGS, THEMES
from dashboard.figures.overview import theme_share_figure, theme_trend_figure
from dashboard.navigation import ids
from dashboard.navigation.addresses import PageRequest, href
from dashboard.pages import Page
from dashboard.pages.common import cbs_about, document_label, download, draft_notice, not_available, resolve_document, resolve_municipality, source_line
from dashboard.queries.context import AppContext
from dashboard.queries.indicators import IndicatorQueries


def render(ctx: AppContext, request: PageRequest) -> Page:
    t, lang = request.t, request.lang
    municipality = resolve_municipality(ctx, request)
    year, kind = resolve_document(ctx, request)
    overview = ctx.service.theme_overview(municipality, year, kind)
    trend = ctx.service.theme_trend(municipality)
    summary = overview.summary
    social_total = int(summary["lasten_eur"].sum())
    title = t("Social domain {municipality} – {document} {year}", municipality=municipality, document=t(kind), year=year)

    indicators = IndicatorQueries(ctx.service, municipality)
    reference = indicators.reference_date(year)
    counts = indicators.counts_by_theme(reference)
    results_status = "draft" if any(r.info.status == "draft" for r in indicators.results(reference)) else "published"
    comparison = ctx.service.theme_comparison(municipality, year).set_index("theme")
    missing = not_available(request, ctx.service.public)
    cards = html.Div(
        [
            html.Div(
                theme_card(
                    row, request, year, kind,
                    results=theme_results_block(counts[row["theme"]], request, reference, t(row["theme"])),
                    variance=_theme_variance(comparison, row["theme"], request, year, missing),
                ),
                className="col-12 col-md-6 col-xl-3 mb-3",
            )
            for row in summary.to_dict("records")
        ],
        className="row theme-cards",
    )
    key_figures = html.Dl(
        className="key-figures",
        children=[
            *_key(t("Social domain"), fmt.euro_compact(social_total, lang)),
            *_key(municipal_share_label(t, kind, long=True), fmt.percent(overview.social_domain_share, lang)),
            *_key(t("Total municipal spending"), fmt.euro_compact(overview.total_lasten_eur, lang)),
            *_key(t("Inhabitants"), fmt.number(overview.inhabitants, lang)),
        ],
    )
    content = [
        html.H1([t("Social domain"), " ", municipality]),
        html.P(document_label(t, kind, year), className="lead document-label"),
        *draft_notice(request, overview.status),
        html.P(
            [
                t("Spending"), " (", term(request, "lasten", "lasten"), ") ", t("on the"), " ", term(request, "social-domain", t("social domain")), " ",
                t("in four themes, from the"), " ", term(request, "iv3"), " ", t("figures that {municipality} reports to", municipality=municipality), " ",
                term(request, "cbs"), ". ",
                t("Choose a"), " ", term(request, "begroting", t("budget")), " ", t("or"), " ", term(request, "jaarrekening", t("annual accounts")), ":",
            ],
            className="intro",
        ),
        selectors(ctx, request, municipality, year, kind),
        key_figures,
        html.H2(t("The four themes"), className="visually-hidden"),
        cards,
        *draft_notice(request, results_status, t("The indicator statuses on the cards are a draft: not yet published on the public site.")),
        html.Div(
            [
                html.Div(share_chart(summary, request, overview), className="col-lg-5"),
                html.Div(trend_chart(trend, request, municipality, overview), className="col-lg-7"),
            ],
            className="row",
        ),
        source_line(request, overview),
    ]
    return Page(title=title, children=page_shell(request, municipality, content, contact_email=ctx.settings.contact_email))


def _key(label: str, value: str) -> list:
    return [html.Div([html.Dt(label), html.Dd(value)], className="key-figure")]


def municipal_share_label(t, kind: str, long: bool = False) -> str:
    """A begroting is a budget; a jaarrekening is what was spent: the label follows the document."""
    if kind == BEGROTING:
        return t("of the municipal budget") if long else t("Share of municipal budget")
    return t("of municipal spending") if long else t("Share of municipal spending")


def _theme_variance(comparison, theme: str, request: PageRequest, year: int, missing: str):
    """Realised against budget of the overview's year, for a theme card."""
    t = request.t
    row = comparison.loc[theme] if theme in comparison.index else None
    mark = variance_mark(
        None if row is None else row["variance_eur"], None if row is None else row["variance_pct"], request, missing=missing, compact=True,
    )
    return [html.Dt(t("Realised against budget {year}", year=year), className="theme-variance-label"), html.Dd(mark, className="theme-variance")]


def theme_page(theme: str, request: PageRequest, year: int, kind: str) -> str:
    """The address of a theme's page for this document (the card's link and its bar in the share chart)."""
    return href(f"/theme/{THEME_SLUGS[theme]}", request, year=year, document=kind)


def theme_card(row: dict, request: PageRequest, year: int, kind: str, results=None, variance=None):
    t, lang = request.t, request.lang
    theme = row["theme"]
    name = t(theme)
    return html.Article(
        className=f"theme-card theme-{THEME_SLUGS[theme]}",
        **{"aria-labelledby": f"card-{THEME_SLUGS[theme]}"},
        children=[
            html.H3([name, *dutch_name(theme, request)], id=f"card-{THEME_SLUGS[theme]}"),
            html.P(fmt.euro_compact(row["lasten_eur"], lang), className="theme-amount"),
            html.Dl(
                [
                    html.Dt(t("Share of social domain")), html.Dd(fmt.percent(row["share_of_social_domain"], lang)),
                    html.Dt(municipal_share_label(t, kind)), html.Dd(fmt.percent(row["share_of_total_lasten"], lang)),
                    html.Dt(t("Per inhabitant")), html.Dd(fmt.euro_per_inhabitant(row["per_inhabitant_eur"], lang)),
                    *(variance or []),
                ],
                className="theme-facts",
            ),
            *([results] if results is not None else []),  # indicator status counts (issue 4)
            dcc.Link(
                [t("Open theme"), html.Span(f" {name}", className="visually-hidden"), " →"],
                href=theme_page(theme, request, year, kind),
                className="theme-link",
            ),
        ],
    )


def selectors(ctx: AppContext, request: PageRequest, municipality: str, year: int, kind: str):
    """Year and document as a form with a submit button (WCAG 3.2.2): moving through the options with
    the keyboard changes nothing until "Show" is pressed. Plain selects, read and narrowed in the
    browser (``assets/35-selectors.js``, ``assets/34-navigation.js``): every year is an option, each
    naming the documents it has (``data-kinds``); choosing a document hides the years it lacks and,
    when the chosen year had to change, says so (``data-notes``, one per document, {year} and {nearest}
    filled in there)."""
    t = request.t
    docs = ctx.service.available_documents(municipality)
    kinds = [k for k in DOCUMENT_KINDS if any(d[1] == k for d in docs)]
    kinds_of_year: dict[int, list[str]] = {}
    for y, k in docs:
        kinds_of_year.setdefault(y, []).append(k)
    notes = {
        k: t("There is no {document} {year}; the year is now {nearest}. Press “Show” to see it.", document=t(k), year="{year}", nearest="{nearest}")
        for k in kinds
    }
    year_choices = [
        html.Option(str(y), value=str(y), selected=y == year, hidden=kind not in has, disabled=kind not in has,
                    disable_n_clicks=True, **{"data-kinds": " ".join(sorted(has))})
        for y, has in sorted(kinds_of_year.items(), reverse=True)
    ]
    return html.Form(
        className="selectors",
        role="search",
        **{"aria-label": t("Choose year and document")},
        children=[
            html.Div(
                [
                    html.Label(t("Document"), htmlFor=ids.DOCUMENT_SELECT, className="form-label"),
                    html.Select(
                        [html.Option(t(document_kind_name(k)), value=k, selected=k == kind, disable_n_clicks=True) for k in kinds],
                        id=ids.DOCUMENT_SELECT, name="document", className="form-select", disable_n_clicks=True,
                        **{"data-notes": json.dumps(notes, ensure_ascii=False)},
                    ),
                ],
                className="selector",
            ),
            html.Div(
                [
                    html.Label(t("Year"), htmlFor=ids.YEAR_SELECT, className="form-label"),
                    html.Select(year_choices, id=ids.YEAR_SELECT, name="year", className="form-select", disable_n_clicks=True),
                ],
                className="selector",
            ),
            # data-shown: the view shown now, so pressing "Show" without a change adds no history entry
            # submitted in the browser (assets/34-navigation.js): no Dash callback counts its clicks
            html.Button(t("Show"), id=ids.DOCUMENT_APPLY, type="submit", className="btn btn-primary selector-apply", disable_n_clicks=True,
                        **{"data-shown": f"{year}|{kind}"}),
            html.P(id=ids.DOCUMENT_NOTE, className="selector-note", role="status", **{"aria-live": "polite"}),
        ],
    )


def document_kind_name(kind: str) -> str:
    return {BEGROTING: "Budget", JAARREKENING: "Realised"}[kind]


def share_chart(summary, request: PageRequest, overview):
    t, lang = request.t, request.lang
    largest = summary.sort_values("lasten_eur", ascending=False).iloc[0]
    sentence = t(
        "{largest} is the largest theme with {share} of the social domain; {rest}.",
        largest=t(largest["theme"]),
        share=fmt.percent(largest["share_of_social_domain"], lang),
        rest=", ".join(
            f"{t(r['theme'])} {fmt.percent(r['share_of_social_domain'], lang)}"
            for r in summary.to_dict("records") if r["theme"] != largest["theme"]
        ),
    )
    table = data_table(
        [t("Theme"), t("Spending"), t("Income"), t("Net"), t("Share of social domain"), municipal_share_label(t, overview.kind), t("Per inhabitant")],
        [
            [
                t(r["theme"]), fmt.euro(r["lasten_eur"], lang), fmt.euro(r["baten_eur"], lang), fmt.euro(r["net_eur"], lang),
                fmt.percent(r["share_of_social_domain"], lang), fmt.percent(r["share_of_total_lasten"], lang),
                fmt.euro_per_inhabitant(r["per_inhabitant_eur"], lang),
            ]
            for r in summary.to_dict("records")
        ],
        numeric={1, 2, 3, 4, 5, 6},
    )
    figure = theme_share_figure(
        summary, t, lambda v: fmt.percent(v, lang), lang,
        lambda theme: theme_page(theme, request, overview.year, overview.kind),
    )
    heading = t("Share of the social domain per theme")
    return chart_block(
        heading, sentence, figure, table, ids.SHARE_CHART, t("Show the figures as a table"),
        download=download(request, "/api/v1/themes", heading, municipality=overview.municipality, year=overview.year, document=overview.kind),
        about=cbs_about(
            request, overview.kind, overview.year, overview.imported_at,
            t("Spending per theme as a share of all social-domain spending; Iv3 task fields are assigned to themes by the mapping in data/theme_mapping.csv. Per inhabitant: spending divided by CBS's inhabitant count for the year."),
        ),
    )


def trend_chart(trend, request: PageRequest, municipality: str, overview):
    t, lang = request.t, request.lang
    years = sorted(trend["year"].unique())
    sentence = t(
        "Spending per theme in {municipality}, {first}–{last}. Solid lines: budget; dashed lines with open markers: realised (annual accounts).",
        municipality=municipality, first=years[0], last=years[-1],
    )
    pivot = trend.pivot_table(index=["year", "kind"], columns="theme", values="lasten_eur", aggfunc="sum").reset_index()
    rows = [
        [f"{int(r['year'])} {t(r['kind'])}"] + [fmt.euro(r.get(theme), lang) for theme in THEMES]
        for r in pivot.sort_values(["year", "kind"]).to_dict("records")
    ]
    table = data_table([t("Year")] + [t(th) for th in THEMES], rows, numeric={1, 2, 3, 4})
    figure = theme_trend_figure(trend, t, lambda k: t(document_kind_name(k)), lang)
    heading = t("Spending per theme over the years")
    return chart_block(
        heading, sentence, figure, table, "trend-chart", t("Show the figures as a table"),
        download=download(request, "/api/v1/themes/trend", heading, municipality=municipality),
        about=cbs_about(
            request, None, None, overview.imported_at,
            t("Spending per theme for every loaded document. Budget and realised (annual accounts) are separate lines, never joined."),
        ),
    )
