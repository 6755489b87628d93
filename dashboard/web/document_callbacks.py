"""The year/document form: which years a document offers, and navigating only on "Show".

The selects never navigate by themselves (WCAG 3.2.2: a keyboard user moves through the options
with the arrow keys); choosing a document narrows the years to those that exist for it and says so
when the chosen year had to change.
"""
from __future__ import annotations

import dash
from dash import ClientsideFunction, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard.domain.iv3 import year_from_value
from dashboard.navigation import ids
from dashboard.navigation.addresses import parse_request
from dashboard.pages.overview import year_options
from dashboard.web.context import current_context


def _form_context(search):
    """The context, the address and its municipality the form belongs to; no update for a municipality
    that is unknown (the page itself says so)."""
    ctx = current_context()
    request = parse_request("/", search, ctx.settings.language)
    municipality = request.get("municipality") or ctx.settings.municipality
    if municipality not in ctx.service.municipalities():
        raise PreventUpdate
    return ctx, request, municipality


def register(app: dash.Dash) -> None:
    """Wiring only."""

    # On "Show" only, in the browser (assets/34-navigation.js): the address of the chosen view needs
    # nothing from the server, so the click sends one request, the new page's. Which documents a
    # reader may see is the page's rule (a draft's address shows the not-found page in public mode).
    app.clientside_callback(
        ClientsideFunction(namespace="navigation", function_name="showDocument"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.DOCUMENT_APPLY, "n_clicks"),
        State(ids.YEAR_SELECT, "value"),
        State(ids.DOCUMENT_SELECT, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.YEAR_SELECT, "options"),
        Output(ids.YEAR_SELECT, "value"),
        Output(ids.DOCUMENT_NOTE, "children"),
        Input(ids.DOCUMENT_SELECT, "value"),
        State(ids.YEAR_SELECT, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def years_of_document(kind, year, search):
        """Only the years that exist for the chosen document; when the chosen year has none, the
        nearest year that has one, and the form says so instead of changing it silently."""
        ctx, request, municipality = _form_context(search)
        docs = ctx.service.available_documents(municipality)
        years = sorted({y for y, k in docs if k == kind})
        if not years:
            raise PreventUpdate
        year = year_from_value(year) or years[-1]
        options = year_options(docs, kind)
        if year in years:
            return options, str(year), ""
        nearest = min(years, key=lambda y: (abs(y - year), -y))
        t = request.t
        note = t("There is no {document} {year}; the year is now {nearest}. Press “Show” to see it.",
                 document=t(kind), year=year, nearest=nearest)
        return options, str(nearest), note
