"""What every page needs: how the document of a view is chosen, document labels and the CBS source line."""
from __future__ import annotations

from urllib.parse import urlencode

from dash import html

from dashboard.components.charts import About, Download
from dashboard.domain import formatting as fmt
from dashboard.domain.iv3 import BEGROTING
from dashboard.navigation.addresses import PageRequest, parse_document, parse_year
from dashboard.queries.context import AppContext


def resolve_municipality(ctx: AppContext, request: PageRequest) -> str:
    """The municipality a page shows: ``?municipality=`` (the chooser), else the home municipality
    (``DASHBOARD_MUNICIPALITY``). An unknown name is NotFound: the friendly 404, never another place."""
    return ctx.service.known_municipality(request.get("municipality") or ctx.settings.municipality)


def resolve_document(ctx: AppContext, request: PageRequest) -> tuple[int, str]:
    """The (year, document) a page shows: from the query, else the newest begroting (the budget the
    council is deciding on). Unreadable values raise BadParameter, unknown ones NotFound later."""
    year, kind = parse_year(request), parse_document(request)
    if year is None:
        year, kind = ctx.service.latest_document(resolve_municipality(ctx, request), kind)
    return year, kind or BEGROTING


def not_available(request: PageRequest, public: bool) -> str:
    """A figure that is not there: on the public site it is "not published yet" (which is true of a
    document not yet made as much as of one not yet published), in council mode "not yet available"."""
    return request.t("not published yet") if public else request.t("not yet available")


def document_label(t, kind: str, year: int) -> str:
    return t("Budget {year}", year=year) if kind == BEGROTING else t("Annual accounts {year}", year=year)


def cbs_about(request: PageRequest, kind: str | None, year: int | None, imported_at, definition: str) -> About:
    """"About this figure" for figures that come straight from CBS Iv3."""
    t = request.t
    facts = [
        (t("Source"), t("CBS StatLine, Iv3 (Informatie voor derden), licence CC BY 4.0")),
        (t("Definition"), definition),
    ]
    if kind is not None and year is not None:
        facts.append((t("Document"), document_label(t, kind, year)))
    else:
        facts.append((t("Document"), t("All loaded years: budgets and annual accounts")))
    facts.append((t("Imported"), fmt.long_date(imported_at, request.lang)))
    return About(title=t("About this figure"), facts=tuple(facts))


def download(request: PageRequest, api_path: str, description: str, **params) -> Download:
    """The CSV download of an open-data API endpoint (format=csv), with the given parameters."""
    query = urlencode({**{k: v for k, v in params.items() if v is not None}, "format": "csv"})
    return Download(href=f"{api_path}?{query}", label=request.t("Download data (CSV)"), description=description)


def draft_notice(request: PageRequest, status: str, text: str | None = None) -> list:
    """Council mode shows draft figures, marked "concept"; the public site never receives them.
    ``text``: what is a draft, when it is not the figures of the page as a whole (already translated)."""
    if status != "draft":
        return []
    t = request.t
    return [
        html.P(
            [html.Span(t("Draft"), className="draft-badge"), " ", text or t("These figures are a draft: not yet published on the public site.")],
            className="draft-notice",
        )
    ]


def source_line(request: PageRequest, overview) -> html.P:
    t = request.t
    return html.P(
        className="source-line",
        children=t(
            "Source: CBS StatLine, Iv3 {document} {year} of {municipality} (CC BY 4.0), imported {imported}. Amounts in euros; CBS publishes in EUR 1,000.",
            document=t(overview.kind), year=overview.year, municipality=overview.municipality,
            imported=fmt.long_date(overview.imported_at, request.lang),
        ),
    )
