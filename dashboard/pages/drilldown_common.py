"""What the theme, programme and provider pages share: parameters, notices, key figures, formatting.

The three pages are views of one drill-down; these helpers keep their look and their rules
(which parameters are allowed, how a variance is written, when "illustrative" is shown) the same.
"""
from __future__ import annotations

import math

import pandas as pd
from dash import dcc, html

from dashboard.components.variance import variance_mark
from dashboard.domain import disclosure
from dashboard.domain import formatting as fmt
from dashboard.domain.iv3 import BEGROTING
from dashboard.navigation.addresses import CARRIED_PARAMS, BadParameter, PageRequest, href
from dashboard.pages.common import document_label, not_available, resolve_document, resolve_municipality
from dashboard.queries.context import AppContext
from dashboard.queries.drilldown import Comparison, Drilldown, LayerInfo

ALLOWED_PARAMS = frozenset(CARRIED_PARAMS) | {"via"}


def document_of(ctx: AppContext, request: PageRequest) -> tuple[str, int, str]:
    """Municipality, year and document of the view; unknown parameters are refused, not ignored,
    so a mistyped link never silently shows another view."""
    unknown = sorted(set(request.params) - ALLOWED_PARAMS)
    if unknown:
        raise BadParameter(request.t("This page does not know the parameter “{name}”.", name=unknown[0]))
    year, kind = resolve_document(ctx, request)
    return resolve_municipality(ctx, request), year, kind


def drilldown(ctx: AppContext) -> Drilldown:
    return Drilldown(ctx.service)


def by_document(frame: pd.DataFrame, column: str) -> list[tuple[int, str, dict]]:
    """(year, kind, {series: amount}) per document, oldest year first: a trend table from one pass over
    plain records (what ``pivot_table(index=["year", "kind"], columns=column, aggfunc="sum")`` gave)."""
    cells: dict = {}
    for r in frame.to_dict("records"):
        row = cells.setdefault((int(r["year"]), r["kind"]), {})
        row[r[column]] = row.get(r[column], 0) + r["amount_eur"]
    return [(year, kind, cells[(year, kind)]) for year, kind in sorted(cells)]


def clean(value):
    """pandas' NaN/NA → None, so formatting shows a dash instead of 'nan'."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def money(value, lang: str) -> str:
    return fmt.euro(clean(value), lang)


def signed_money(value, lang: str) -> str:
    return _signed(value, lambda v: fmt.euro(v, lang))


def percent(value, lang: str) -> str:
    return fmt.percent(clean(value), lang)


def signed_percent(value, lang: str) -> str:
    return _signed(value, lambda v: fmt.percent(v, lang))


def _signed(value, formatter) -> str:
    """The sign written out ("+"), so an increase never depends on colour."""
    value = clean(value)
    if value is None:
        return fmt.MISSING
    return ("+" if value > 0 else "") + formatter(value)


def variance_cell(eur, fraction, request: PageRequest, public: bool = False):
    """The variance for a table cell: euros over percent, so wide tables still fit a laptop screen."""
    return variance_mark(eur, fraction, request, missing=not_available(request, public), stacked=True)


def amount_header(request: PageRequest, kind: str, year: int) -> str:
    """The amount column is the document's own figure: in a begroting the budget, in a jaarrekening
    the realised amount, so it is never repeated in a second column."""
    return request.t("Budget {year}", year=year) if kind == BEGROTING else request.t("Realised {year}", year=year)


def comparison_headers(request: PageRequest, kind: str, year: int) -> list[str]:
    """Beside the amount column: the other document of the year, and the variance."""
    other = request.t("Realised {year}", year=year) if kind == BEGROTING else request.t("Budget {year}", year=year)
    return [other, request.t("Variance")]


def comparison_cells(request: PageRequest, kind: str, budget, realised, variance_eur, variance_pct, public: bool = False) -> list:
    other = realised if kind == BEGROTING else budget
    # The words may wrap in a narrow (printed) table; the figures never do.
    shown = money(other, request.lang) if clean(other) is not None else html.Span(not_available(request, public), className="cell-words")
    return [shown, variance_cell(variance_eur, variance_pct, request, public)]


def programme_name(record: dict, lang: str, key: str = "name") -> str:
    dutch = clean(record.get(f"{key}_nl"))
    return dutch if lang == "nl" and dutch else str(record.get(key))


def layer_amount(layer: LayerInfo, value, shown: str, request: PageRequest, public: bool) -> str:
    """A programme-layer figure, or — when the document has no (published) programme layer — what is
    true: "not published yet" / "not yet available", never a €0 or 0.0% that reads as a real figure."""
    return shown if layer.present and clean(value) is not None else not_available(request, public)


def no_layer_section(request: PageRequest, heading: str, heading_id: str, public: bool) -> html.Section:
    """A table of the programme layer for a document without one: say so instead of a "Total €0" row."""
    text = request.t("The programme figures of this document are not published yet.") if public else request.t("No programme figures for this document.")
    return html.Section([html.H2(heading, id=heading_id), html.P(text)], className="chart-block", **{"aria-labelledby": heading_id})


def newest_layer_document(ctx: AppContext, municipality: str) -> tuple[int, str] | None:
    """The newest document with (published, on the public site) programme figures."""
    drill = drilldown(ctx)
    for year, kind in sorted(ctx.service.available_documents(municipality), key=lambda d: (d[0], d[1] == BEGROTING), reverse=True):
        if drill.layer_info(municipality, year, kind).present:
            return year, kind
    return None


def notices(request: PageRequest, layer: LayerInfo, level: str, newest: tuple[int, str] | None = None) -> html.Div:
    """Say what is real and what is generated, and whether the layer is a draft: in words, not colour.
    ``newest``: the newest document that does have programme figures, linked when this one has none."""
    t = request.t
    items = []
    if not layer.present:
        # The public site never knows a draft layer exists: its wording fits both a missing and an unpublished layer.
        text = [t("There are no published programme figures for this document; the whole CBS amount is shown as not allocated to a programme.")]
        if newest is not None:
            text += [" ", t("The newest published programme figures:"), " ",
                     link(document_label(t, newest[1], newest[0]), request.path, request, year=newest[0], document=newest[1]), "."]
        items.append(html.P(text))
    else:
        if layer.illustrative:
            items.append(
                html.P(
                    [
                        html.Span(t("Illustrative"), className="illustrative-badge"), " ",
                        t("The programmes, providers and amounts below the theme total are generated for this demo. They add up exactly to the CBS figures, which are real."),
                    ]
                )
            )
        if layer.status == "draft":
            items.append(  # the same "Concept" mark as pages.common.draft_notice
                html.P(
                    [html.Span(t("Draft"), className="draft-badge"), " ", t("These programme figures are a draft: not yet published on the public site.")],
                    className="draft-notice",
                )
            )
    return html.Div(items, className=f"drilldown-notices drilldown-notices-{level}")


def key_figures(pairs: list[tuple[str, object]]) -> html.Dl:
    """The figures a page leads with; the variance among them stands out (a variance-* class on its box)."""
    return html.Dl(
        [html.Div([html.Dt(label), html.Dd(value)], className="key-figure" + _variance_class(value)) for label, value in pairs],
        className="key-figures",
    )


def _variance_class(value) -> str:
    classes = (getattr(value, "className", "") or "").split()
    return " key-variance" if "variance" in classes else ""


def comparison_pairs(request: PageRequest, comparison: Comparison, year: int, public: bool = False) -> list[tuple[str, object]]:
    t, lang = request.t, request.lang
    missing = not_available(request, public)
    return [
        (t("Budget {year}", year=year), money(comparison.budget_eur, lang) if comparison.budget_eur is not None else missing),
        (t("Realised {year}", year=year), money(comparison.realised_eur, lang) if comparison.realised_eur is not None else missing),
        (t("Variance (realised − budget)"), variance_mark(comparison.variance_eur, comparison.variance_pct, request, missing=missing, compact=False)),
    ]


def link(label: str, path: str, request: PageRequest, **changes) -> dcc.Link:
    return dcc.Link(label, href=href(path, request, **changes))


def instruments_text(request: PageRequest, instruments) -> str:
    return ", ".join(request.t(i) for i in (instruments or ()))


def drill_source_line(request: PageRequest, municipality: str, year: int, kind: str, layer: LayerInfo) -> html.P:
    t = request.t
    text = t(
        "Theme totals: CBS StatLine, Iv3 {document} {year} of {municipality} (CC BY 4.0). Amounts in euros.",
        document=t(kind), year=year, municipality=municipality,
    )
    if layer.present:
        text += " " + (
            t("Programmes, providers and their amounts: illustrative, generated for the demo and reconciled to the CBS figures.")
            if layer.illustrative else t("Programmes, providers and their amounts: the municipality's own figures.")
        )
    return html.P(text, className="source-line")


# Small numbers (public mode) -----------------------------------------------------------------------


def clients_cell(request: PageRequest, value, disclosure_state: str) -> str:
    """A client count as shown: the number, "< 10" (suppressed small count) or "not published"
    (a total that would give a suppressed count back); see ``domain.disclosure``."""
    if disclosure_state == disclosure.SMALL:
        return request.t("< {threshold}", threshold=disclosure.THRESHOLD)
    if disclosure_state == disclosure.HIDDEN:
        return request.t("not published")
    return fmt.number(clean(value), request.lang)


def cost_cell(request: PageRequest, value, disclosure_state: str) -> str:
    """Cost per client; "–" where its client count is not published (it would give the count back)."""
    if disclosure_state != disclosure.SHOWN:
        return fmt.MISSING
    return money(value, request.lang)


def suppression_note(request: PageRequest, states) -> html.P | None:
    """The explanation under a table with suppressed counts; None when nothing is suppressed."""
    states = set(states)
    if not states - {disclosure.SHOWN}:
        return None
    t = request.t
    parts = [t("To protect privacy, client counts below {threshold} are shown as “< {threshold}”, and the cost per client is not shown (–) where its count is not published, because the amount divided by it would give the count back.", threshold=disclosure.THRESHOLD)]
    if disclosure.HIDDEN in states:
        parts.append(t("A total is “not published” where it would reveal a suppressed count by subtraction."))
    return html.P(" ".join(parts), className="suppression-note")


# "About this figure" for the programme layer ---------------------------------------------------------


def drill_about(request: PageRequest, layer: LayerInfo, kind: str | None, year: int | None, definition: str, cbs: bool = False):
    """Source, definition, document, year, date of import — and the illustrative flag — of a drill-down figure."""
    from dashboard.components.charts import About
    from dashboard.pages.common import document_label

    t = request.t
    if layer.present and layer.illustrative:
        source = t("Programmes, providers and their amounts: illustrative, generated for the demo and reconciled to the CBS figures.")
    elif layer.present:
        source = t("Programmes, providers and their amounts: the municipality's own figures.")
    else:
        source = t("There are no published programme figures for this document; the whole CBS amount is shown as not allocated to a programme.")
    if cbs:
        source = t("CBS StatLine, Iv3 (Informatie voor derden), licence CC BY 4.0") + ". " + source
    facts = [(t("Source"), source), (t("Definition"), definition)]
    facts.append((t("Document"), document_label(t, kind, year) if kind and year else t("All loaded years: budgets and annual accounts")))
    if layer.present and layer.illustrative:
        facts.append((t("Illustrative"), t("Yes: generated demo figures, not the municipality's own.")))
    if layer.imported_at is not None and not (isinstance(layer.imported_at, float) and math.isnan(layer.imported_at)):
        facts.append((t("Imported"), fmt.long_date(layer.imported_at, request.lang)))
    return About(title=t("About this figure"), facts=tuple(facts))


def series_label(t, label):
    """The label of a trend line; ``__others__`` is the legend entry of the grey lines (figures.trend_figure)."""
    return lambda s: t("Other lines (grey)") if s == "__others__" else label(s)


def highlight_sentence(t, name: str) -> str:
    return t("In colour: {name}; the other lines are grey, named when you point at them and in the table.", name=name)
