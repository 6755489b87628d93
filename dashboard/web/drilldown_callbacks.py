"""Clicks on chart elements open the page behind them (theme, programme, provider).

Every chart point that leads somewhere carries its page path in ``customdata`` (the overview's theme
bars too; a point without one, such as a trend line's, opens nothing); the same links are in the tables beside the charts for keyboard and screen-reader users.
The path is read in the browser (``assets/34-navigation.js``: a path on this site only, junk ignored),
so a click sends one request, the new page's. Navigation goes through the ``dcc.Location``
(``refresh="callback-nav"``), so it lands in the browser history and Back works.
"""
from __future__ import annotations

import dash
from dash import ALL, ClientsideFunction, Input, Output

from dashboard.navigation import ids


def register(app: dash.Dash) -> None:
    """Wiring only."""
    app.clientside_callback(
        ClientsideFunction(namespace="navigation", function_name="openClickedPoint"),
        Output(ids.URL, "href", allow_duplicate=True),
        Input({"type": ids.CHART, "name": ALL}, "clickData"),
        prevent_initial_call=True,
    )
