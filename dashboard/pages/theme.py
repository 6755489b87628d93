"""``/theme/<slug>``: one theme's programmes, how they add up to the CBS total, and who carries them out."""
from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.charts import chart_block, data_table, figure_footer
from dashboard.components.shell import breadcrumb, page_shell
from dashboard.domain import formatting as fmt
from dashboard.domain.drilldown import LAYERS, UNALLOCATED
from dashboard.domain.themes import THEME_SLUGS
from dashboard.figures.drilldown import layer_figure, ranked_bars, treemap_figure, trend_figure
from dashboard.figures.style import THEME_COLOURS
from dashboard.navigation.addresses import PageRequest, href
from dashboard.pages import Page
from dashboard.pages.common import document_label, download
from dashboard.pages.drilldown_common import (
    amount_header,
    by_document,
    comparison_cells,
    comparison_headers,
    comparison_pairs,
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
    notices,
    percent,
    programme_name,
    series_label,
)
from dashboard.pages.indicator import results_for_theme
from dashboard.pages.overview import document_kind_name, selectors
from dashboard.queries.context import AppContext


def render(ctx: AppContext, request: PageRequest, slug: str) -> Page:
    t, lang = request.t, request.lang
    municipality, year, kind = document_of(ctx, request)
    drill = drilldown(ctx)
    view = drill.theme_view(municipality, year, kind, slug)
    theme = view.theme
    names = {slug: programme_name(r, lang) for slug, r in drill.programme_catalogue().items()}
    providers = {slug: r["name"] for slug, r in drill.provider_catalogue().items()}
    title = t("{theme}: programmes and providers – {document} {year}", theme=t(theme), document=t(kind), year=year)
    has_realised = view.comparison.realised_eur is not None

    content = [
        html.H1(t("{theme}: programmes and providers", theme=t(theme))),
        html.P(document_label(t, kind, year), className="lead document-label"),
        notices(request, view.layer, "theme", None if view.layer.present else newest_layer_document(ctx, municipality)),
        selectors(ctx, request, municipality, year, kind),
        key_figures(
            [
                (t("Theme total (CBS)"), fmt.euro_compact(view.cbs_total_eur, lang)),
                (t("Share of the social domain"), percent(view.cbs_total_eur / view.social_total_eur if view.social_total_eur else None, lang)),
                (t("Allocated to programmes"), layer_amount(view.layer, view.allocated_eur, fmt.euro_compact(view.allocated_eur, lang), request, ctx.service.public)),
                (t("Not allocated to a programme"), fmt.euro_compact(view.unallocated_eur, lang)),
                *comparison_pairs(request, view.comparison, year, ctx.service.public),
            ]
        ),
        programme_section(request, view, names, year, kind, ctx.service.public),
        results_for_theme(ctx, request, theme, municipality, year, kind),  # indicators: goal → outcome → output (issue 4)
        ranking_chart(request, view, names, year, has_realised, ctx.service.public),
        treemap_chart(request, view, names, providers),
        layer_chart(request, view, kind),
        instrument_chart(request, view, municipality, year, kind),
        trend_chart(request, view, names, municipality),
        reconciliation_section(request, view),
        drill_source_line(request, municipality, year, kind, view.layer),
    ]
    trail = breadcrumb(request, [(t("Overview"), "/"), (t(theme), None)])
    return Page(title=title, children=page_shell(request, municipality, content, breadcrumbs=trail, contact_email=ctx.settings.contact_email))


def programme_section(request: PageRequest, view, names: dict, year: int, kind: str, public: bool = False):
    """The ranked programme table: every figure of the theme page in one place, each name a link."""
    t, lang = request.t, request.lang
    rows = []
    for r in view.programmes.to_dict("records"):
        rows.append(
            [
                link(names.get(r["programme"], r["programme"]), f"/programme/{r['programme']}", request),
                t(r["layer"]), money(r["amount_eur"], lang), percent(r["share"], lang), str(r["providers"]),
                *comparison_cells(request, kind, r["budget_eur"], r["realised_eur"], r["variance_eur"], r["variance_pct"], public),
                instruments_text(request, r["instruments"]),
            ]
        )
    if view.unallocated_eur:
        rows.append([t(UNALLOCATED), "–", money(view.unallocated_eur, lang), percent(view.unallocated_eur / view.cbs_total_eur if view.cbs_total_eur else None, lang), "–", "–", "–", "–"])
    c = view.comparison
    rows.append([html.Strong(t("Total = CBS theme figure")), "", html.Strong(money(view.cbs_total_eur, lang)), percent(1 if view.cbs_total_eur else None, lang), "",
                 *comparison_cells(request, kind, c.budget_eur, c.realised_eur, c.variance_eur, c.variance_pct, public), ""])
    table = data_table(
        [t("Programme"), t("Layer"), amount_header(request, kind, year), t("Share of theme"), t("Providers"),
         *comparison_headers(request, kind, year), t("Funding instruments")],
        rows, numeric={2, 3, 4, 5, 6},
        caption=t("Programmes ranked by amount in the {document} {year}. Budget and realised compare the budget and the annual accounts of {year}.", document=t(kind), year=year),
    )
    if view.programmes.empty:  # no (published) programme figures: the CBS total, all of it not allocated — no empty columns
        table = data_table([t("Programme"), amount_header(request, kind, year), t("Share of theme")], [[r[0], r[2], r[3]] for r in rows], numeric={1, 2})
    footer = figure_footer(
        _download(request, view, "/api/v1/programmes", t("Programmes")),
        drill_about(request, view.layer, kind, year, t("Programmes of the theme ranked by amount, with the remainder of the CBS theme figure that is not allocated to a programme; budget and realised compare the budget and the annual accounts of the year."), cbs=True),
    )
    return html.Section([html.H2(t("Programmes"), id="programmes-heading"), table, footer], className="chart-block", **{"aria-labelledby": "programmes-heading"})


def ranking_chart(request: PageRequest, view, names: dict, year: int, has_realised: bool, public: bool = False):
    t, lang = request.t, request.lang
    ranking = view.programmes
    if ranking.empty:
        return html.Section([html.H2(t("Programmes ranked by amount")), html.P(t("No programme figures for this document."))], className="chart-block")
    labels = [names.get(p, p) for p in ranking["programme"]]
    paths = [href(f"/programme/{p}", request) for p in ranking["programme"]]
    largest = ranking.iloc[0]
    sentence = t(
        "{name} is the largest programme with {amount} ({share} of the theme).",
        name=labels[0], amount=fmt.euro_compact(largest["amount_eur"], lang), share=percent(largest["share"], lang),
    )
    if has_realised:
        figure = ranked_bars(
            labels, [int(v or 0) for v in ranking["budget_eur"].fillna(0)], paths, lambda v: fmt.euro_millions(v, lang), lang,
            realised=[None if pd.isna(v) else int(v) for v in ranking["realised_eur"]],
            names=(t("Budget {year}", year=year), t("Realised {year}", year=year)), colour=THEME_COLOURS[view.theme],
        )
        heading = t("Programmes: budget and realised {year}", year=year)
        sentence += " " + t("Solid bars: budget; hatched bars: realised.")
    else:
        figure = ranked_bars(labels, [int(v) for v in ranking["amount_eur"]], paths, lambda v: fmt.euro_millions(v, lang), lang, colour=THEME_COLOURS[view.theme])
        heading = t("Programmes ranked by amount")
    rows = [[link(label, f"/programme/{r['programme']}", request), money(r["amount_eur"], lang),
             *comparison_cells(request, view.kind, r["budget_eur"], r["realised_eur"], r["variance_eur"], r["variance_pct"], public)]
            for label, r in zip(labels, ranking.to_dict("records"))]
    if view.unallocated_eur:
        rows.append([t(UNALLOCATED), money(view.unallocated_eur, lang), "–", "–"])
    table = data_table([t("Programme"), amount_header(request, view.kind, year), *comparison_headers(request, view.kind, year)], rows, numeric={1, 2, 3})
    return chart_block(
        heading, sentence, figure, table, "theme-ranking", t("Show the figures as a table"),
        download=_download(request, view, "/api/v1/programmes", heading),
        about=drill_about(request, view.layer, view.kind, year, t("The amount each programme of the theme receives in this document, summed over its providers, task fields and funding instruments."), cbs=True),
        print_as="chart",  # its table repeats the programme table printed above
    )


def treemap_chart(request: PageRequest, view, names: dict, providers: dict):
    t, lang = request.t, request.lang
    theme = view.theme
    figure = treemap_figure(
        t(theme), view.tree, lambda p: names.get(p, p), lambda p: providers.get(p, p),
        lambda p: href(f"/programme/{p}", request), lambda p: href(f"/provider/{p}", request),
        view.unallocated_eur, t(UNALLOCATED), lambda v: fmt.euro_millions(v, lang), THEME_COLOURS[theme], lang,
    )
    corrections = view.tree[view.tree["amount_eur"] < 0]
    sentence = t(
        "Each tile is a provider within a programme; its size is the amount. {count} providers carry out the programmes of {theme}.",
        count=view.tree["provider"].nunique(), theme=t(theme),
    )
    if not corrections.empty:
        sentence += " " + t("Negative corrections ({amount}) cannot be drawn as tiles; they are in the table.", amount=money(int(corrections["amount_eur"].sum()), lang))
    rows = [
        [link(names.get(p, p), f"/programme/{p}", request), link(providers.get(v, v), f"/provider/{v}", request, via=p),
         money(a, lang), percent(a / view.cbs_total_eur if view.cbs_total_eur else None, lang)]
        for p, v, a in view.tree.sort_values(["programme", "amount_eur"], ascending=[True, False]).itertuples(index=False)
    ]
    if view.unallocated_eur:
        rows.append([t(UNALLOCATED), "–", money(view.unallocated_eur, lang), percent(view.unallocated_eur / view.cbs_total_eur, lang)])
    table = data_table([t("Programme"), t("Provider"), t("Amount"), t("Share of theme")], rows, numeric={2, 3})
    return chart_block(
        t("From theme to programme to provider"), sentence, figure, table, "theme-treemap", t("Show the figures as a table"),
        download=_download(request, view, "/api/v1/programme-providers", t("From theme to programme to provider")),
        about=drill_about(request, view.layer, view.kind, view.year, t("The amount of each provider within each programme of the theme; the share is of the CBS theme figure."), cbs=True),
        print_as="table",  # tiles shrunk to paper width cannot carry their labels; the table does
    )


def layer_chart(request: PageRequest, view, kind: str):
    t, lang = request.t, request.lang
    part = view.layers[view.layers["kind"] == kind]
    years = sorted(part["year"].unique())
    first, last = (years[0], years[-1]) if years else (view.year, view.year)

    def parts(year) -> str:
        rows = part[(part["year"] == year) & (part["amount_eur"] != 0)]
        return ", ".join(f"{t(r['layer'])} {percent(r['share'], lang)}" for r in rows.to_dict("records")) or fmt.MISSING

    sentence = t(
        "The move to the front: how {theme} is split over the layers. {document} {last}: {last_parts}. {document} {first}: {first_parts}.",
        theme=t(view.theme), document=t(document_kind_name(kind)), first=first, last=last, first_parts=parts(first), last_parts=parts(last),
    )
    figure = layer_figure(view.layers, kind, t, lambda v: fmt.percent(v, lang, digits=0), lang)
    layers = list(LAYERS) + ([UNALLOCATED] if (part["layer"] == UNALLOCATED).any() else [])
    by_year_layer = {(r["year"], r["layer"]): r for r in part.to_dict("records")}  # one pass, not a scan per cell
    rows = []
    for year in years:
        cells = [str(year)]
        for layer in layers:
            r = by_year_layer.get((year, layer))
            cells.append("–" if r is None else f"{money(r['amount_eur'], lang)} ({percent(r['share'], lang)})")
        rows.append(cells)
    table = data_table([t("Year")] + [t(layer) for layer in layers], rows, numeric=set(range(1, len(layers) + 1)))
    heading = t("Social base, tailored support and escalated care over the years ({document})", document=t(document_kind_name(kind)))
    return chart_block(
        heading, sentence, figure, table, "theme-layers", t("Show the figures as a table"),
        download=download(request, "/api/v1/programmes/layers", heading, municipality=view.municipality, year=view.year, document=kind, theme=THEME_SLUGS[view.theme]),
        about=drill_about(request, view.layer, None, None, t("Per year: the theme's amount in programmes of each layer (social base, tailored support, escalated care) and what is not allocated, as a share of the CBS theme figure."), cbs=True),
        print_as="chart",  # the bars carry their shares; the year-by-year amounts are in the download
    )


def instrument_chart(request: PageRequest, view, municipality: str, year: int, kind: str):
    t, lang = request.t, request.lang
    instruments = view.instruments
    if instruments.empty:
        return html.Section([html.H2(t("Funding instruments")), html.P(t("No programme figures for this document."))], className="chart-block")
    ordered = instruments.sort_values("amount_eur", ascending=False)
    labels = [t(i) for i in ordered["instrument"]]
    figure = ranked_bars(labels, [int(v) for v in ordered["amount_eur"]], [None] * len(labels), lambda v: fmt.euro_millions(v, lang), lang, colour=THEME_COLOURS[view.theme])
    sentence = t(
        "Most of the money goes through {instrument} ({share}).",
        instrument=labels[0], share=percent(ordered.iloc[0]["share"], lang),
    )
    table = data_table(
        [t("Funding instrument"), t("Amount"), t("Share")],
        [[label, money(a, lang), percent(s, lang)] for label, a, s in zip(labels, ordered["amount_eur"], ordered["share"])],
        numeric={1, 2},
    )
    return chart_block(
        t("Funding instruments"), sentence, figure, table, "theme-instruments", t("Show the figures as a table"),
        download=_download(request, view, "/api/v1/programmes/instruments", t("Funding instruments")),
        about=drill_about(request, view.layer, kind, year, t("The theme's allocated amount per funding instrument (subsidy, procurement, lump sum, pgb, benefit); the part not allocated to a programme has no instrument.")),
        print_as="table",  # a few rows: the table says it in less room than the bars
    )


def trend_chart(request: PageRequest, view, names: dict, municipality: str):
    t, lang = request.t, request.lang
    trend = view.trend.rename(columns={"programme": "series"})
    if trend.empty:
        return html.Section([html.H2(t("Programmes over the years")), html.P(t("No programme figures for this theme."))], className="chart-block")
    latest = trend.groupby("series")["amount_eur"].sum().sort_values(ascending=False).index.tolist()
    years = sorted(trend["year"].unique())
    figure = trend_figure(trend, latest, series_label(t, lambda p: names.get(p, p)), lambda k: t(k), lang, t("Below the dark zero line: corrections"))
    sentence = t(
        "Amount per programme in {municipality}, {first}–{last}. Solid lines: budget; dashed lines with open markers: realised (annual accounts).",
        municipality=municipality, first=years[0], last=years[-1],
    ) + " " + highlight_sentence(t, names.get(latest[0], latest[0]))
    rows = [[f"{year} {t(kind)}"] + [money(cells.get(p), lang) for p in latest] for year, kind, cells in by_document(trend, "series")]
    table = data_table([t("Year")] + [names.get(p, p) for p in latest], rows, numeric=set(range(1, len(latest) + 1)))
    return chart_block(
        t("Programmes over the years"), sentence, figure, table, "theme-trend", t("Show the figures as a table"),
        download=download(request, "/api/v1/programmes/trend", t("Programmes over the years"), municipality=municipality, theme=THEME_SLUGS[view.theme]),
        about=drill_about(request, view.layer, None, None, t("The amount per programme of the theme for every loaded document with programme figures.")),
        print_as="chart",  # twenty rows of every year and document would fill a page; the download has them
    )


def reconciliation_section(request: PageRequest, view):
    """Per taakveld: the CBS figure, what the programmes account for, and the remainder — the proof of the sum."""
    t, lang = request.t, request.lang
    rec = view.reconciliation
    rows = [
        [f"{r['code']} {r['name'] if isinstance(r['name'], str) else ''}".strip(), money(r["cbs_lasten_eur"], lang),
         money(r["allocated_eur"], lang), money(r["unallocated_eur"], lang)]
        for r in rec.to_dict("records")
    ]
    rows.append([html.Strong(t("Total")), html.Strong(money(int(rec["cbs_lasten_eur"].sum()), lang)),
                 html.Strong(money(int(rec["allocated_eur"].sum()), lang)), html.Strong(money(int(rec["unallocated_eur"].sum()), lang))])
    sentence = t(
        "The programmes account for {allocated} of the CBS total of {total}; {rest} is not allocated to a programme.",
        allocated=money(view.allocated_eur, lang), total=money(view.cbs_total_eur, lang), rest=money(view.unallocated_eur, lang),
    )
    table = data_table([t("Task field (Iv3)"), t("CBS spending"), t("Allocated to programmes"), t("Not allocated")], rows, numeric={1, 2, 3})
    footer = figure_footer(
        _download(request, view, "/api/v1/programmes/taakvelden", t("How this adds up to the CBS figures")),
        drill_about(request, view.layer, view.kind, view.year, t("Per Iv3 task field of the theme: CBS spending, the sum of the programme allocations, and the remainder not allocated to a programme."), cbs=True),
    )
    return html.Section(
        [html.H2(t("How this adds up to the CBS figures"), id="reconciliation-heading"), html.P(sentence), html.Details([html.Summary(t("Show the figures per task field")), table], className="chart-table"), footer],
        # On paper the sentence states the sum; the rows per task field are for the screen and the download.
        className="chart-block print-summary-only", **{"aria-labelledby": "reconciliation-heading"},
    )


def _download(request: PageRequest, view, api_path: str, description: str):
    """The CSV of the theme's rows for this document (the same query the chart or table was built from)."""
    return download(request, api_path, description, municipality=view.municipality, year=view.year, document=view.kind, theme=THEME_SLUGS[view.theme])
