"""``/provider/<slug>``: everything the municipality pays one provider for, across programmes and themes.

``?via=<programme>`` records the programme the reader came from, so the breadcrumbs (and a copied
link) lead back through that theme and programme.
"""
from __future__ import annotations

from dash import html

from dashboard.components.charts import chart_block, data_table, figure_footer
from dashboard.components.shell import breadcrumb, page_shell
from dashboard.domain import formatting as fmt
from dashboard.domain.themes import THEME_SLUGS, THEMES
from dashboard.figures.drilldown import ranked_bars, trend_figure
from dashboard.navigation.addresses import BadParameter, PageRequest, href
from dashboard.pages import Page
from dashboard.pages.common import document_label, download
from dashboard.pages.drilldown_common import (
    by_document,
    clean,
    clients_cell,
    comparison_pairs,
    cost_cell,
    document_of,
    drill_about,
    drill_source_line,
    drilldown,
    graph_id,
    instruments_text,
    key_figures,
    link,
    money,
    notices,
    percent,
    programme_name,
    suppression_note,
    variance_cell,
)
from dashboard.pages.overview import selectors
from dashboard.queries.context import AppContext
from dashboard.queries.service import NotFound


def PROGRAMMES_DEFINITION(t) -> str:  # noqa: N802 - a translated constant
    return t("What the municipality pays this provider per programme, summed over taakvelden and funding instruments; share = of the programme's amount; cost per client = amount / clients.")


def render(ctx: AppContext, request: PageRequest, slug: str) -> Page:
    t, lang = request.t, request.lang
    municipality, year, kind = document_of(ctx, request)
    drill = drilldown(ctx)
    view = drill.provider_view(municipality, year, kind, slug)
    info = view.info
    trail = [(t("Overview"), "/")]
    via = request.get("via")
    if via:
        try:
            programme = drill.programme_info(via)
        except NotFound:
            raise BadParameter(t("There is no programme “{value}” to come from.", value=via)) from None
        trail += [(t(programme["theme"]), f"/theme/{THEME_SLUGS[programme['theme']]}"), (programme_name(programme, lang), f"/programme/{via}")]
    trail.append((info["name"], None))
    title = t("{provider} – {document} {year}", provider=info["name"], document=t(kind), year=year)
    themes = [th for th in THEMES if th in set(view.programmes["theme"])]
    facts = [t("Kind"), ": ", t(info["kind"])]
    if clean(info.get("kvk")):
        facts += [" · ", t("Chamber of Commerce (KvK)"), ": ", info["kvk"]]

    content = [
        html.H1(info["name"]),
        html.P(document_label(t, kind, year), className="lead document-label"),
        html.P(facts, className="programme-facts"),
        notices(request, view.layer, "provider"),
        selectors(ctx, request, municipality, year, kind),
        key_figures(
            [
                (t("Paid in total"), fmt.euro_compact(view.amount_eur, lang)),
                (t("Programmes"), fmt.number(len(view.programmes), lang)),
                (t("Themes"), ", ".join(t(th) for th in themes) or fmt.MISSING),
                (t("Share of the social domain"), percent(view.amount_eur / view.social_total_eur if view.social_total_eur else None, lang)),
                *comparison_pairs(request, view.comparison, year),
            ]
        ),
        programme_section(request, view, year, kind),
        programme_chart(request, view, year),
        trend_chart(request, view, municipality),
        drill_source_line(request, municipality, year, kind, view.layer),
    ]
    return Page(title=title, children=page_shell(request, municipality, content, breadcrumbs=breadcrumb(request, trail)))


def programme_section(request: PageRequest, view, year: int, kind: str):
    t, lang = request.t, request.lang
    rows = [
        [
            html.Span([link(programme_name(r, lang), f"/programme/{r['programme']}", request), html.Br(),
                       html.Span([t("Theme"), ": ", link(t(r["theme"]), f"/theme/{THEME_SLUGS[r['theme']]}", request)], className="cell-note")]),
            instruments_text(request, r["instruments"]), money(r["amount_eur"], lang), percent(r["share"], lang),
            clients_cell(request, r["clients"], r["clients_disclosure"]), cost_cell(request, r["cost_per_client_eur"], r["clients_disclosure"]),
            money(r["budget_eur"], lang),
            money(r["realised_eur"], lang), variance_cell(r["variance_eur"], r["variance_pct"], lang),
        ]
        for r in view.programmes.to_dict("records")
    ]
    rows.append([html.Strong(t("Total")), "", html.Strong(money(view.amount_eur, lang)), "", "", "",
                 money(view.comparison.budget_eur, lang), money(view.comparison.realised_eur, lang),
                 variance_cell(view.comparison.variance_eur, view.comparison.variance_pct, lang)])
    table = data_table(
        [t("Programme"), t("Funding instrument"), t("Amount"), t("Share of programme"), t("Clients"), t("Cost per client"),
         t("Budget {year}", year=year), t("Realised {year}", year=year), t("Variance")],
        rows, numeric={2, 3, 4, 5, 6, 7, 8},
        caption=t("What the municipality pays this provider for in the {document} {year}, per programme.", document=t(kind), year=year),
    )
    footer = figure_footer(
        download(request, "/api/v1/programme-providers", t("Programmes"), municipality=view.municipality, year=year, document=kind, provider=view.info["slug"]),
        drill_about(request, view.layer, kind, year, PROGRAMMES_DEFINITION(t)),
    )
    note = suppression_note(request, view.programmes["clients_disclosure"])
    return html.Section(
        [html.H2(t("Programmes"), id="provider-programmes-heading"), table, *([note] if note else []), footer],
        className="chart-block", **{"aria-labelledby": "provider-programmes-heading"},
    )


def programme_chart(request: PageRequest, view, year: int):
    t, lang = request.t, request.lang
    table_frame = view.programmes
    if table_frame.empty:
        return html.Section([html.H2(t("Amount per programme")), html.P(t("This provider receives nothing in this document."))], className="chart-block")
    labels = [programme_name(r, lang) for r in table_frame.to_dict("records")]
    paths = [href(f"/programme/{p}", request) for p in table_frame["programme"]]
    figure = ranked_bars(labels, [int(v) for v in table_frame["amount_eur"]], paths, lambda v: fmt.euro_compact(v, lang), lang)
    sentence = t(
        "{name} is paid for {count} programmes; the largest is {programme} with {amount}.",
        name=view.info["name"], count=len(labels), programme=labels[0], amount=fmt.euro_compact(table_frame.iloc[0]["amount_eur"], lang),
    )
    table = data_table(
        [t("Programme"), t("Amount"), t("Funding instrument")],
        [[link(label, f"/programme/{p}", request), money(a, lang), instruments_text(request, i)]
         for label, p, a, i in zip(labels, table_frame["programme"], table_frame["amount_eur"], table_frame["instruments"])],
        numeric={1},
    )
    return chart_block(
        t("Amount per programme"), sentence, figure, table, graph_id("provider-programmes"), t("Show the figures as a table"),
        download=download(request, "/api/v1/programme-providers", t("Amount per programme"), municipality=view.municipality, year=year, document=view.kind, provider=view.info["slug"]),
        about=drill_about(request, view.layer, view.kind, year, PROGRAMMES_DEFINITION(t)),
    )


def trend_chart(request: PageRequest, view, municipality: str):
    t, lang = request.t, request.lang
    trend = view.trend.rename(columns={"theme": "series"})
    if trend.empty:
        return html.Section([html.H2(t("Paid per year")), html.P(t("No programme figures for this provider."))], className="chart-block")
    series = [th for th in THEMES if th in set(trend["series"])]
    figure = trend_figure(trend, series, t, lambda k: t(k), lang)
    years = sorted(trend["year"].unique())
    sentence = t(
        "What {municipality} pays {name} per theme, {first}–{last}. Solid lines: budget (begroting); dashed lines with open markers: realised (jaarrekening).",
        municipality=municipality, name=view.info["name"], first=years[0], last=years[-1],
    )
    rows = [
        [f"{year} {t(kind)}"] + [money(cells.get(s), lang) for s in series] + [money(sum(int(cells[s]) for s in series if s in cells), lang)]
        for year, kind, cells in by_document(trend, "series")
    ]
    table = data_table([t("Year")] + [t(s) for s in series] + [t("Total")], rows, numeric=set(range(1, len(series) + 2)))
    return chart_block(
        t("Paid per year"), sentence, figure, table, graph_id("provider-trend"), t("Show the figures as a table"),
        download=download(request, "/api/v1/programmes/trend", t("Paid per year"), municipality=municipality, provider=view.info["slug"]),
        about=drill_about(request, view.layer, None, None, t("What the municipality pays this provider per theme, for every loaded document with programme figures.")),
    )
