"""``/provider/<slug>``: everything the municipality pays one provider for, across programmes and themes.

``?via=<programme>`` records the programme the reader came from, so the breadcrumbs (and a copied
link) lead back through that theme and programme.
"""
from __future__ import annotations

from datetime import date

from dash import html

from dashboard.components.charts import chart_block, data_table, figure_footer
from dashboard.components.shell import breadcrumb, page_shell
from dashboard.domain import formatting as fmt
from dashboard.domain.themes import THEME_SLUGS, THEMES
from dashboard.figures.drilldown import ranked_bars, trend_figure
from dashboard.navigation.addresses import BadParameter, PageRequest, href
from dashboard.pages import Page
from dashboard.pages.common import document_label, download
from dashboard.pages.cost_effectiveness import provider_block
from dashboard.pages.drilldown_common import (
    amount_header,
    by_document,
    clean,
    clients_cell,
    comparison_cells,
    comparison_headers,
    comparison_pairs,
    cost_cell,
    document_of,
    drill_about,
    drill_source_line,
    drilldown,
    highlight_sentence,
    instruments_text,
    key_figures,
    layer_amount,
    link,
    money,
    newest_layer_document,
    no_layer_section,
    notices,
    percent,
    programme_name,
    series_label,
    suppression_note,
)
from dashboard.pages.overview import selectors
from dashboard.queries.context import AppContext
from dashboard.queries.savings import SavingsQueries
from dashboard.queries.service import NotFound


def PROGRAMMES_DEFINITION(t) -> str:  # noqa: N802 - a translated constant
    return t("What the municipality pays this provider per programme, summed over task fields and funding instruments; share = of the programme's amount; cost per client = amount / clients.")


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
    else:
        trail += _own_trail(request, view.programmes)  # opened directly: where it belongs, without history
    trail.append((info["name"], None))
    title = t("{provider} – {document} {year}", provider=info["name"], document=t(kind), year=year)

    def shown(value, text):
        return layer_amount(view.layer, value, text, request, ctx.service.public)
    themes = [th for th in THEMES if th in set(view.programmes["theme"])]
    facts = [t("Kind"), ": ", t(info["kind"])]
    if clean(info.get("kvk")):
        facts += [" · ", t("Chamber of Commerce (KvK)"), ": ", info["kvk"]]
    belongs = _belongs_to(request, view.programmes, themes)

    content = [
        html.H1(info["name"]),
        html.P(document_label(t, kind, year), className="lead document-label"),
        html.P(facts, className="programme-facts"),
        *belongs,
        notices(request, view.layer, "provider", None if view.layer.present else newest_layer_document(ctx, municipality)),
        selectors(ctx, request, municipality, year, kind),
        key_figures(
            [
                (t("Paid in total"), shown(view.amount_eur, fmt.euro_compact(view.amount_eur, lang))),
                (t("Programmes"), shown(view.amount_eur, fmt.number(len(view.programmes), lang))),
                (t("Themes"), shown(view.amount_eur, ", ".join(t(th) for th in themes) or fmt.MISSING)),
                (t("Share of the social domain"), shown(view.amount_eur, percent(view.amount_eur / view.social_total_eur if view.social_total_eur else None, lang))),
                *comparison_pairs(request, view.comparison, year, ctx.service.public),
            ]
        ),
        programme_section(request, view, year, kind, ctx.service.public),
        *effect_section(ctx, request, view, municipality, year, kind),
        programme_chart(request, view, year),
        trend_chart(request, view, municipality),
        drill_source_line(request, municipality, year, kind, view.layer),
    ]
    return Page(title=title, children=page_shell(request, municipality, content, breadcrumbs=breadcrumb(request, trail), contact_email=ctx.settings.contact_email))


def effect_section(ctx: AppContext, request: PageRequest, view, municipality: str, year: int, kind: str) -> list:
    """"Does it work for what it costs?": the programmes it is paid for beside their outcome indicators;
    nothing without a programme layer (the programme section already says so)."""
    if not view.layer.present:
        return []
    effects = SavingsQueries(ctx.service, municipality).provider_effects(view.info["slug"], year, kind, date.today())
    return [provider_block(request, view, effects, year, kind)]


def _own_trail(request: PageRequest, programmes) -> list[tuple[str, str]]:
    """Breadcrumbs of a provider opened by a link or typed address: its theme, and its programme when
    it has one; a provider in several themes has only the overview above it (its themes are listed)."""
    records = programmes.to_dict("records")
    themes = {r["theme"] for r in records}
    if len(themes) != 1:
        return []
    theme = themes.pop()
    trail = [(request.t(theme), f"/theme/{THEME_SLUGS[theme]}")]
    if len({r["programme"] for r in records}) == 1:
        trail.append((programme_name(records[0], request.lang), f"/programme/{records[0]['programme']}"))
    return trail


def _belongs_to(request: PageRequest, programmes, themes: list[str]) -> list:
    """"Themes: Young · Programmes: A, B", each a link: where the provider belongs, on the page itself."""
    if programmes.empty:
        return []
    t = request.t
    parts: list = [t("Themes"), ": "]
    for index, theme in enumerate(themes):
        parts += ([", "] if index else []) + [link(t(theme), f"/theme/{THEME_SLUGS[theme]}", request)]
    parts += [" · ", t("Programmes"), ": "]
    for index, r in enumerate(programmes.to_dict("records")):
        parts += ([", "] if index else []) + [link(programme_name(r, request.lang), f"/programme/{r['programme']}", request)]
    return [html.P(parts, className="programme-facts provider-belongs")]


def programme_section(request: PageRequest, view, year: int, kind: str, public: bool = False):
    t, lang = request.t, request.lang
    if not view.layer.present:
        return no_layer_section(request, t("Programmes"), "provider-programmes-heading", public)
    rows = [
        [
            html.Span([link(programme_name(r, lang), f"/programme/{r['programme']}", request), html.Br(),
                       html.Span([t("Theme"), ": ", link(t(r["theme"]), f"/theme/{THEME_SLUGS[r['theme']]}", request)], className="cell-note")]),
            instruments_text(request, r["instruments"]), money(r["amount_eur"], lang), percent(r["share"], lang),
            clients_cell(request, r["clients"], r["clients_disclosure"]), cost_cell(request, r["cost_per_client_eur"], r["clients_disclosure"]),
            *comparison_cells(request, kind, r["budget_eur"], r["realised_eur"], r["variance_eur"], r["variance_pct"], public),
        ]
        for r in view.programmes.to_dict("records")
    ]
    c = view.comparison
    rows.append([html.Strong(t("Total")), "", html.Strong(money(view.amount_eur, lang)), "", "", "",
                 *comparison_cells(request, kind, c.budget_eur, c.realised_eur, c.variance_eur, c.variance_pct, public)])
    table = data_table(
        [t("Programme"), t("Funding instrument"), amount_header(request, kind, year), t("Share of programme"), t("Clients"), t("Cost per client"),
         *comparison_headers(request, kind, year)],
        rows, numeric={2, 3, 4, 5, 6, 7},
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
        empty = t("This provider receives nothing in this document.") if view.layer.present else t("No programme figures for this document.")
        return html.Section([html.H2(t("Amount per programme")), html.P(empty)], className="chart-block")
    labels = [programme_name(r, lang) for r in table_frame.to_dict("records")]
    paths = [href(f"/programme/{p}", request) for p in table_frame["programme"]]
    figure = ranked_bars(labels, [int(v) for v in table_frame["amount_eur"]], paths, lambda v: fmt.euro_millions(v, lang), lang)
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
        t("Amount per programme"), sentence, figure, table, "provider-programmes", t("Show the figures as a table"),
        download=download(request, "/api/v1/programme-providers", t("Amount per programme"), municipality=view.municipality, year=year, document=view.kind, provider=view.info["slug"]),
        about=drill_about(request, view.layer, view.kind, year, PROGRAMMES_DEFINITION(t)),
    )


def trend_chart(request: PageRequest, view, municipality: str):
    t, lang = request.t, request.lang
    trend = view.trend.rename(columns={"theme": "series"})
    if trend.empty:
        return html.Section([html.H2(t("Paid per year")), html.P(t("No programme figures for this provider."))], className="chart-block")
    # The theme with the most money is the line in colour (the first); the others grey behind it.
    totals = trend.groupby("series")["amount_eur"].sum()
    series = sorted((th for th in THEMES if th in totals.index), key=lambda th: -totals[th])
    figure = trend_figure(trend, series, series_label(t, t), lambda k: t(k), lang, t("Below the dark zero line: corrections"))
    years = sorted(trend["year"].unique())
    sentence = t(
        "What {municipality} pays {name} per theme, {first}–{last}. Solid lines: budget; dashed lines with open markers: realised (annual accounts).",
        municipality=municipality, name=view.info["name"], first=years[0], last=years[-1],
    )
    if len(series) > 1:
        sentence += " " + highlight_sentence(t, t(series[0]))
    rows = [
        [f"{year} {t(kind)}"] + [money(cells.get(s), lang) for s in series] + [money(sum(int(cells[s]) for s in series if s in cells), lang)]
        for year, kind, cells in by_document(trend, "series")
    ]
    table = data_table([t("Year")] + [t(s) for s in series] + [t("Total")], rows, numeric=set(range(1, len(series) + 2)))
    return chart_block(
        t("Paid per year"), sentence, figure, table, "provider-trend", t("Show the figures as a table"),
        download=download(request, "/api/v1/programmes/trend", t("Paid per year"), municipality=municipality, provider=view.info["slug"]),
        about=drill_about(request, view.layer, None, None, t("What the municipality pays this provider per theme, for every loaded document with programme figures.")),
    )
