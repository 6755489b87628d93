"""Clicks on chart elements open the page behind them (theme, programme, provider).

Every chart point that leads somewhere carries its page path in ``customdata``; the same links are
in the tables beside the charts for keyboard and screen-reader users. Navigation goes through the
``dcc.Location`` (``refresh="callback-nav"``), so it lands in the browser history and Back works.
"""
from __future__ import annotations

from urllib.parse import urlencode

import dash
from dash import ALL, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard.domain.themes import THEME_SLUGS
from dashboard.navigation import ids
from dashboard.navigation.addresses import CARRIED_PARAMS, parse_request


def _first_customdata(click_data):
    """``customdata`` of the first clicked point; None for anything else (click data is whatever the
    browser, or someone posting by hand, sends)."""
    points = click_data.get("points") if isinstance(click_data, dict) else None
    if not isinstance(points, list) or not points or not isinstance(points[0], dict):
        return None
    return points[0].get("customdata")


def clicked_path(click_data) -> str | None:
    """The page path of a clicked point, or None (a click on the root of a treemap, an empty area)."""
    path = _first_customdata(click_data)
    if isinstance(path, list):  # some traces wrap customdata per point
        path = path[0] if path else None
    # A path on this site only: '//host' would leave it.
    return path if isinstance(path, str) and path.startswith("/") and not path.startswith("//") else None


def theme_path(click_data, search: str | None) -> str | None:
    """Overview bar → its theme page, keeping year, document and language of the current view."""
    theme = _first_customdata(click_data)
    if not isinstance(theme, str) or theme not in THEME_SLUGS:
        return None
    request = parse_request("/", search, "en")
    query = urlencode({k: v for k, v in request.params.items() if k in CARRIED_PARAMS})
    return f"/theme/{THEME_SLUGS[theme]}" + (f"?{query}" if query else "")


def register(app: dash.Dash) -> None:
    @app.callback(
        Output(ids.URL, "href", allow_duplicate=True),
        Input({"type": ids.DRILL_GRAPH, "name": ALL}, "clickData"),
        prevent_initial_call=True,
    )
    def open_clicked_point(_clicks):
        triggered = dash.ctx.triggered
        if not triggered or not triggered[0].get("value"):
            raise PreventUpdate
        path = clicked_path(triggered[0]["value"])
        if path is None:
            raise PreventUpdate
        return path

    @app.callback(
        Output(ids.URL, "href", allow_duplicate=True),
        Input(ids.SHARE_CHART, "clickData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def open_clicked_theme(click_data, search):
        path = theme_path(click_data, search)
        if path is None:
            raise PreventUpdate
        return path
