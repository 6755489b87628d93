"""The friendly page for unknown addresses and unreadable parameters: what went wrong and a way back."""
from __future__ import annotations

from dash import dcc, html

from dashboard.components.shell import page_shell
from dashboard.navigation.addresses import PageRequest, href
from dashboard.pages import Page
from dashboard.queries.context import AppContext


def render(ctx: AppContext, request: PageRequest, reason: str | None = None) -> Page:
    t = request.t
    content = html.Div(
        className="not-found",
        children=[
            html.H1(t("Page not found")),
            html.P(reason or t("There is no page at this address.")),
            html.P(dcc.Link(t("Back to the overview"), href=href("/", request.with_params(year=None, document=None, municipality=None)))),
        ],
    )
    return Page(title=t("Page not found"), children=page_shell(request, ctx.settings.municipality, content))
