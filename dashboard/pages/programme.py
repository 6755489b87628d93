"""``/programme/<slug>``: the providers that carry out one programme — amount, instrument, clients, cost per client."""
from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.charts import chart_block, data_table, figure_footer
from dashboard.components.shell import breadcrumb, page_shell
from dashboard.domain import formatting as fmt
from dashboard.domain.drilldown import largest_series
from dashboard.domain.themes import THEME_SLUGS
from dashboard.figures.drilldown import ranked_bars, trend_figure
from dashboard.figures.style import THEME_COLOURS
from dashboard.navigation.addresses import PageRequest, href
from dashboard.pages import Page
from dashboard.pages.common import document_label, download
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

#: Lines in the provider trend chart; the rest stay in the table.
TREND_PROVIDERS = 6


def PROVIDERS_DEFINITION(t) -> str:  # noqa: N802 - a translated constant
    return t("What each provider receives within the programme, summed over task fields; clients as counted by the provider; cost per client = amount / clients; budget and realised compare the budget and the annual accounts of the year.")


def render(ctx: AppContext, request: PageRequest, slug: str) -> Page:
    t, lang = request.t, request.lang
    municipality, year, kind = document_of(ctx, request)
    drill = drilldown(ctx)
    view = drill.programme_view(municipality, year, kind, slug)
    info = view.info
    name = programme_name(info, lang)
    theme = info["theme"]
    providers = {slug: r["name"] for slug, r in drill.provider_catalogue().items()}
    description = clean(info.get("description_nl")) if lang == "nl" and clean(info.get("description_nl")) else clean(info.get("description"))
    title = t("{programme} – {document} {year}", programme=name, document=t(kind), year=year)

    def shown(value, text):
        return layer_amount(view.layer, value, text, request, ctx.service.public)

    content = [
        html.H1(name),
        html.P(document_label(t, kind, year), className="lead document-label"),
        html.P(
            [
                t("Theme"), ": ", link(t(theme), f"/theme/{THEME_SLUGS[theme]}", request), " · ",
                t("Layer"), ": ", t(info["layer"]), " · ",
                t("Iv3 task fields"), ": ", info["taakvelden"],
            ],
            className="programme-facts",
        ),
        html.P(description) if description else None,
        notices(request, view.layer, "programme", None if view.layer.present else newest_layer_document(ctx, municipality)),
        selectors(ctx, request, municipality, year, kind),
        key_figures(
            [
                (amount_header(request, kind, year), shown(view.amount_eur, fmt.euro_compact(view.amount_eur, lang))),
                (t("Share of {theme}", theme=t(theme)), shown(view.amount_eur, percent(view.amount_eur / view.theme_total_eur if view.theme_total_eur else None, lang))),
                (t("Clients"), shown(view.amount_eur, clients_cell(request, view.clients, view.clients_disclosure))),
                (t("Cost per client"), shown(view.amount_eur, cost_cell(request, view.amount_eur / view.clients if view.clients else None, view.clients_disclosure))),
                *comparison_pairs(request, view.comparison, year, ctx.service.public),
            ]
        ),
        provider_section(request, view, providers, slug, year, municipality, kind, ctx.service.public),
        provider_chart(request, view, providers, slug, year, ctx.service.public),
        trend_chart(request, view, providers, municipality),
        taakveld_section(request, view),
        drill_source_line(request, municipality, year, kind, view.layer),
    ]
    trail = breadcrumb(request, [(t("Overview"), "/"), (t(theme), f"/theme/{THEME_SLUGS[theme]}"), (name, None)])
    return Page(title=title, children=page_shell(request, municipality, [c for c in content if c is not None], breadcrumbs=trail, contact_email=ctx.settings.contact_email))


def provider_section(request: PageRequest, view, providers: dict, slug: str, year: int, municipality: str, kind: str, public: bool = False):
    t, lang = request.t, request.lang
    if not view.layer.present:
        return no_layer_section(request, t("Providers"), "providers-heading", public)
    rows = [
        [
            link(providers.get(r["provider"], r["provider"]), f"/provider/{r['provider']}", request, via=slug),
            instruments_text(request, r["instruments"]), money(r["amount_eur"], lang), percent(r["share"], lang),
            clients_cell(request, r["clients"], r["clients_disclosure"]), cost_cell(request, r["cost_per_client_eur"], r["clients_disclosure"]),
            *comparison_cells(request, kind, r["budget_eur"], r["realised_eur"], r["variance_eur"], r["variance_pct"], public),
        ]
        for r in view.providers.to_dict("records")
    ]
    c = view.comparison
    rows.append([html.Strong(t("Total")), "", html.Strong(money(view.amount_eur, lang)), percent(1 if view.amount_eur else None, lang),
                 clients_cell(request, view.clients, view.clients_disclosure),
                 cost_cell(request, view.amount_eur / view.clients if view.clients else None, view.clients_disclosure),
                 *comparison_cells(request, kind, c.budget_eur, c.realised_eur, c.variance_eur, c.variance_pct, public)])
    table = data_table(
        [t("Provider"), t("Funding instrument"), amount_header(request, kind, year), t("Share of programme"), t("Clients"), t("Cost per client"),
         *comparison_headers(request, kind, year)],
        rows, numeric={2, 3, 4, 5, 6, 7},
        caption=t("Providers ranked by amount in the {document} {year}.", document=t(kind), year=year),
    )
    footer = figure_footer(
        download(request, "/api/v1/programme-providers", t("Providers of this programme"), municipality=municipality, year=year, document=kind, programme=slug),
        drill_about(request, view.layer, kind, year, PROVIDERS_DEFINITION(t)),
    )
    note = suppression_note(request, list(view.providers["clients_disclosure"]) + [view.clients_disclosure])
    return html.Section(
        [html.H2(t("Providers"), id="providers-heading"), table, *([note] if note else []), footer],
        className="chart-block", **{"aria-labelledby": "providers-heading"},
    )


def provider_chart(request: PageRequest, view, providers: dict, slug: str, year: int, public: bool = False):
    t, lang = request.t, request.lang
    ranking = view.providers
    if ranking.empty:
        return html.Section([html.H2(t("Providers ranked by amount")), html.P(t("No programme figures for this document."))], className="chart-block")
    labels = [providers.get(p, p) for p in ranking["provider"]]
    paths = [href(f"/provider/{p}", request, via=slug) for p in ranking["provider"]]
    has_realised = view.comparison.realised_eur is not None and view.comparison.budget_eur is not None
    colour = THEME_COLOURS[view.info["theme"]]
    if has_realised:
        figure = ranked_bars(
            labels, [int(v) for v in ranking["budget_eur"].fillna(0)], paths, lambda v: fmt.euro_millions(v, lang), lang,
            realised=[None if pd.isna(v) else int(v) for v in ranking["realised_eur"]],
            names=(t("Budget {year}", year=year), t("Realised {year}", year=year)), colour=colour,
        )
        heading = t("Providers: budget and realised {year}", year=year)
    else:
        figure = ranked_bars(labels, [int(v) for v in ranking["amount_eur"]], paths, lambda v: fmt.euro_millions(v, lang), lang, colour=colour)
        heading = t("Providers ranked by amount")
    top = ranking.iloc[0]
    sentence = t("{name} receives the most: {amount} ({share} of the programme).", name=labels[0], amount=fmt.euro_compact(top["amount_eur"], lang), share=percent(top["share"], lang))
    if has_realised:
        sentence += " " + t("Solid bars: budget; hatched bars: realised.")
    if (ranking["amount_eur"] < 0).any():
        sentence += " " + t("A negative amount is a correction: CBS reports a negative figure for a task field, booked on the municipality itself.")
    table = data_table(
        [t("Provider"), amount_header(request, view.kind, year), *comparison_headers(request, view.kind, year)],
        [[link(label, f"/provider/{r['provider']}", request, via=slug), money(r["amount_eur"], lang),
          *comparison_cells(request, view.kind, r["budget_eur"], r["realised_eur"], r["variance_eur"], r["variance_pct"], public)]
         for label, r in zip(labels, ranking.to_dict("records"))],
        numeric={1, 2, 3},
    )
    return chart_block(
        heading, sentence, figure, table, "programme-providers", t("Show the figures as a table"),
        download=download(request, "/api/v1/programme-providers", heading, municipality=view.municipality, year=year, document=view.kind, programme=slug),
        about=drill_about(request, view.layer, view.kind, year, PROVIDERS_DEFINITION(t)),
    )


def trend_chart(request: PageRequest, view, providers: dict, municipality: str):
    t, lang = request.t, request.lang
    total = view.trend.assign(series="__total__")
    per_provider = view.provider_trend.rename(columns={"provider": "series"})
    if total.empty:
        return html.Section([html.H2(t("The programme over the years")), html.P(t("No programme figures for this programme."))], className="chart-block")
    biggest = largest_series(per_provider, TREND_PROVIDERS)
    frame = pd.concat([total, per_provider[per_provider["series"].isin(biggest)]], ignore_index=True)
    label = lambda s: t("Programme total") if s == "__total__" else providers.get(s, s)  # noqa: E731
    figure = trend_figure(frame, ["__total__", *biggest], series_label(t, label), lambda k: t(k), lang, t("Below the dark zero line: corrections"))
    years = sorted(total["year"].unique())
    sentence = t(
        "The programme total and its largest providers, {first}–{last}. Solid lines: budget; dashed lines with open markers: realised (annual accounts).",
        first=years[0], last=years[-1],
    ) + " " + highlight_sentence(t, label("__total__"))
    series = ["__total__", *biggest]
    rows = [[f"{year} {t(kind)}"] + [money(cells.get(s), lang) for s in series] for year, kind, cells in by_document(frame, "series")]
    table = data_table([t("Year")] + [label(s) for s in series], rows, numeric=set(range(1, len(series) + 1)))
    return chart_block(
        t("The programme over the years"), sentence, figure, table, "programme-trend", t("Show the figures as a table"),
        download=download(request, "/api/v1/programmes/trend", t("The programme over the years"), municipality=municipality, programme=view.info["slug"], top=TREND_PROVIDERS),
        about=drill_about(request, view.layer, None, None, t("The programme's total amount and that of its {count} largest providers (summed over all loaded documents) for every document with programme figures.", count=TREND_PROVIDERS)),
    )


def taakveld_section(request: PageRequest, view):
    """The Iv3 taakvelden this programme books on in this document, beside CBS's figure for each."""
    t, lang = request.t, request.lang
    rows = [
        [f"{r['code']} {r['name'] if isinstance(r['name'], str) else ''}".strip(), money(r["amount_eur"], lang), money(r["lasten_eur"], lang),
         percent(r["amount_eur"] / r["lasten_eur"] if clean(r["lasten_eur"]) else None, lang)]
        for r in view.taakvelden.to_dict("records")
    ]
    table = data_table([t("Task field (Iv3)"), t("This programme"), t("CBS spending on the task field"), t("Share of the task field")], rows, numeric={1, 2, 3})
    footer = figure_footer(
        download(request, "/api/v1/programmes/taakvelden", t("Where the money is booked (Iv3 task fields)"),
                 municipality=view.municipality, year=view.year, document=view.kind, programme=view.info["slug"]),
        drill_about(request, view.layer, view.kind, view.year, t("Per Iv3 task field: the programme's allocations beside the CBS spending on the whole task field."), cbs=True),
    )
    return html.Section(
        [html.H2(t("Where the money is booked (Iv3 task fields)"), id="taakvelden-heading"),
         html.P(t("A task field can be shared by several programmes; the theme page shows how all of them add up to CBS.")), table, footer],
        className="chart-block", **{"aria-labelledby": "taakvelden-heading"},
    )
