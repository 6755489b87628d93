"""What every page needs: the application context, document labels and the CBS source line."""
from __future__ import annotations

from dataclasses import dataclass

from dash import html

from ..domain import formatting as fmt
from ..routing import PageRequest
from ..services import DashboardService
from ..settings import Settings


@dataclass(frozen=True)
class AppContext:
    """Everything a request needs, created once per app; stored on the Flask app, not in a module."""

    settings: Settings
    service: DashboardService


def document_label(t, kind: str, year: int) -> str:
    return t("Budget {year} (begroting)", year=year) if kind == "begroting" else t("Realised {year} (jaarrekening)", year=year)


def source_line(request: PageRequest, overview) -> html.P:
    t = request.t
    return html.P(
        className="source-line",
        children=t(
            "Source: CBS StatLine, Iv3 {document} {year} of {municipality} (CC BY 4.0), imported {imported}. Amounts in euros; CBS publishes in EUR 1,000.",
            document=overview.kind, year=overview.year, municipality=overview.municipality,
            imported=fmt.long_date(overview.imported_at, request.lang),
        ),
    )
