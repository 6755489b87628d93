"""The friendly page for unknown addresses and unreadable parameters: what went wrong and a way back."""
from __future__ import annotations

from dash import dcc, html

from dashboard.components.shell import page_shell
from dashboard.domain.iv3 import BEGROTING
from dashboard.navigation.addresses import BadParameter, PageRequest, href, parse_document, parse_year
from dashboard.pages import Page
from dashboard.queries.context import AppContext


def render(ctx: AppContext, request: PageRequest, reason: str | None = None, status: int = 404) -> Page:
    t = request.t
    content = html.Div(
        className="not-found",
        children=[
            html.H1(t("Page not found")),
            html.P(reason or t("There is no page at this address.")),
            html.P(dcc.Link(t("Back to the overview"), href=href("/", request.with_params(year=None, document=None, municipality=None)))),
        ],
    )
    return Page(title=t("Page not found"), children=page_shell(request, ctx.settings.municipality, content, contact_email=ctx.settings.contact_email), status=status)


def missing_document(ctx: AppContext, request: PageRequest) -> str | None:
    """When the address asks for a year the chosen document does not have: which years it does have."""
    try:
        year, kind = parse_year(request), parse_document(request) or BEGROTING
    except BadParameter:
        return None
    if year is None:
        return None
    available = ctx.service.available_documents(ctx.settings.municipality)
    if (year, kind) in available:
        return None
    years = sorted(y for y, k in available if k == kind)
    if not years:
        return None
    t = request.t
    return t(
        "There are no figures for the {document} {year}. Years with a {document}: {years}.",
        document=t(kind), year=year, years=", ".join(str(y) for y in years),
    )
