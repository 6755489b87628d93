"""The year/document form: which years a document offers, and navigating only on "Show".

The selects never navigate by themselves (WCAG 3.2.2: a keyboard user moves through the options
with the arrow keys); choosing a document narrows the years to those that exist for it and says so
when the chosen year had to change.
"""
from __future__ import annotations

from urllib.parse import urlencode

import dash
from dash import Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard.domain.iv3 import year_from_value
from dashboard.navigation import ids
from dashboard.navigation.addresses import parse_request
from dashboard.pages.overview import year_options
from dashboard.queries.context import AppContext
from dashboard.web.context import current_context


def _current_document(ctx: AppContext, request) -> tuple[int, str] | None:
    """The (year, document) the URL shows now, defaults included; None when the URL cannot be read."""
    year_text, kind = request.get("year"), request.get("document")
    try:
        if year_text:
            return int(year_text), kind or "begroting"
        return ctx.service.latest_document(request.get("municipality") or ctx.settings.municipality, kind)
    except (ValueError, LookupError):
        return None


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

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.DOCUMENT_APPLY, "n_clicks"),
        State(ids.YEAR_SELECT, "value"),
        State(ids.DOCUMENT_SELECT, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def choose_document(_clicks, year, kind, search):
        """On "Show" only: the selects themselves never navigate (keyboard users move through them)."""
        ctx, request, municipality = _form_context(search)
        available = ctx.service.available_documents(municipality)
        year = year_from_value(year)
        kind = kind if isinstance(kind, str) else None
        if (year, kind) not in available:  # e.g. jaarrekening for a year that has only a begroting
            same_kind = [d for d in available if d[1] == kind]
            year, kind = same_kind[-1] if same_kind else ctx.service.latest_document(municipality)
        if (year, kind) == _current_document(ctx, request):
            raise PreventUpdate  # the same view again would add a history entry, and Back would seem to do nothing
        params = {k: v for k, v in request.params.items() if k not in ("year", "document")}
        params.update({"year": year, "document": kind})
        return "?" + urlencode(params)

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
