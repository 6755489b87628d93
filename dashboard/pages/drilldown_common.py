"""What the theme, programme and provider pages share: parameters, notices, key figures, formatting.

The three pages are views of one drill-down; these helpers keep their look and their rules
(which parameters are allowed, how a variance is written, when "illustrative" is shown) the same.
"""
from __future__ import annotations

import math

import pandas as pd
from dash import dcc, html

from dashboard.domain import disclosure
from dashboard.domain import formatting as fmt
from dashboard.navigation import ids
from dashboard.navigation.addresses import CARRIED_PARAMS, BadParameter, PageRequest, href
from dashboard.pages.common import resolve_document, resolve_municipality
from dashboard.queries.context import AppContext
from dashboard.queries.drilldown import Comparison, Drilldown, LayerInfo

ALLOWED_PARAMS = frozenset(CARRIED_PARAMS) | {"via"}


def graph_id(name: str) -> dict:
    return {"type": ids.DRILL_GRAPH, "name": name}


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


def variance_text(eur, fraction, lang: str) -> str:
    """"+€1,234 (+5.0%)": the sign is written out, so a variance never depends on colour."""
    if clean(eur) is None:
        return fmt.MISSING
    return f"{signed_money(eur, lang)} ({signed_percent(fraction, lang)})"


def variance_cell(eur, fraction, lang: str):
    """The variance for a table cell: euros over percent, so wide tables still fit a laptop screen."""
    if clean(eur) is None:
        return fmt.MISSING
    return html.Span([signed_money(eur, lang), html.Br(), f"({signed_percent(fraction, lang)})"])


def programme_name(record: dict, lang: str, key: str = "name") -> str:
    dutch = clean(record.get(f"{key}_nl"))
    return dutch if lang == "nl" and dutch else str(record.get(key))


def notices(request: PageRequest, layer: LayerInfo, level: str) -> html.Div:
    """Say what is real and what is generated, and whether the layer is a draft: in words, not colour."""
    t = request.t
    items = []
    if not layer.present:
        # The public site never knows a draft layer exists: its wording fits both a missing and an unpublished layer.
        items.append(html.P(t("There are no published programme figures for this document; the whole CBS amount is shown as not allocated to a programme.")))
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
                    [html.Span(t("Concept"), className="draft-badge"), " ", t("These programme figures are a draft: not yet published on the public site.")],
                    className="draft-notice",
                )
            )
    return html.Div(items, className=f"drilldown-notices drilldown-notices-{level}")


def key_figures(pairs: list[tuple[str, str]]) -> html.Dl:
    return html.Dl([html.Div([html.Dt(label), html.Dd(value)], className="key-figure") for label, value in pairs], className="key-figures")


def comparison_pairs(request: PageRequest, comparison: Comparison, year: int) -> list[tuple[str, str]]:
    t, lang = request.t, request.lang
    return [
        (t("Budget {year}", year=year), money(comparison.budget_eur, lang)),
        (t("Realised {year}", year=year), money(comparison.realised_eur, lang) if comparison.realised_eur is not None else t("not yet available")),
        (t("Variance (realised − budget)"), variance_text(comparison.variance_eur, comparison.variance_pct, lang)),
    ]


def link(label: str, path: str, request: PageRequest, **changes) -> dcc.Link:
    return dcc.Link(label, href=href(path, request, **changes))


def instruments_text(request: PageRequest, instruments) -> str:
    return ", ".join(request.t(i) for i in (instruments or ()))


def drill_source_line(request: PageRequest, municipality: str, year: int, kind: str, layer: LayerInfo) -> html.P:
    t = request.t
    text = t(
        "Theme totals: CBS StatLine, Iv3 {document} {year} of {municipality} (CC BY 4.0). Amounts in euros.",
        document=kind, year=year, municipality=municipality,
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
    facts.append((t("Document"), document_label(t, kind, year) if kind and year else t("All loaded years: begroting and jaarrekening")))
    if layer.present and layer.illustrative:
        facts.append((t("Illustrative"), t("Yes: generated demo figures, not the municipality's own.")))
    if layer.imported_at is not None and not (isinstance(layer.imported_at, float) and math.isnan(layer.imported_at)):
        facts.append((t("Imported"), fmt.long_date(layer.imported_at, request.lang)))
    return About(title=t("About this figure"), facts=tuple(facts))
