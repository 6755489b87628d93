"""The year/document form navigates only on "Show".

The selects never navigate by themselves (WCAG 3.2.2: a keyboard user moves through the options
with the arrow keys). They are plain HTML selects: choosing a document narrows the years to those
that exist for it, and says so when the chosen year had to change, in the browser
(``assets/35-selectors.js``); "Show" computes the new address there too (``assets/34-navigation.js``),
so the click sends one request, the new page's. Which documents a reader may see stays the page's
rule on the server (a draft's address shows the not-found page in public mode).
"""
from __future__ import annotations

import dash
from dash import ClientsideFunction, Input, Output, State

from dashboard.navigation import ids


def register(app: dash.Dash) -> None:
    """Wiring only."""
    app.clientside_callback(
        ClientsideFunction(namespace="navigation", function_name="showDocument"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.DOCUMENT_APPLY, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
