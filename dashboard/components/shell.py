"""The frame around every page: skip link, header with navigation and language switch, footer."""
from __future__ import annotations

from dash import dcc, html

from dashboard.components.municipality_chooser import municipality_chooser
from dashboard.navigation import ids
from dashboard.navigation.addresses import PageRequest, href


def page_shell(request: PageRequest, municipality: str, content, breadcrumbs=None) -> list:
    t = request.t
    other = "nl" if request.lang == "en" else "en"
    body = ([breadcrumbs] if breadcrumbs is not None else []) + (content if isinstance(content, list) else [content])
    if request.embed:
        return embedded_shell(request, body)
    return [
        html.A(t("Skip to main content"), href=f"#{ids.MAIN}", className="skip-link"),
        html.Header(
            className="site-header",
            children=html.Div(
                className="container-xl header-inner",
                children=[
                    dcc.Link(
                        [html.Span(t("Social Domain Dashboard"), className="brand-name"), html.Span(f" · {municipality}", className="brand-place")],
                        href=href("/", request),
                        className="brand",
                    ),
                    municipality_chooser(request, municipality),
                    html.Nav(
                        **{"aria-label": t("Main navigation")},
                        className="main-nav",
                        children=[
                            dcc.Link(t("Overview"), href=href("/", request)),
                            dcc.Link(t("Compare"), href=href("/compare", request)),
                            dcc.Link(t("Glossary"), href=href("/glossary", request)),
                            html.A(t("Open data"), href="/api/v1/"),
                            dcc.Link(
                                html.Span("Nederlands" if other == "nl" else "English", lang=other),
                                href=href(request.path, request, lang=other),
                                className="lang-switch",
                            ),
                        ],
                    ),
                ],
            ),
        ),
        html.Main(
            id=ids.MAIN,
            tabIndex="-1",
            className="container-xl main",
            children=body,
        ),
        html.Footer(
            className="site-footer",
            children=html.Div(
                className="container-xl",
                children=[
                    html.P(
                        t("Figures: CBS StatLine, Iv3 (Informatie voor derden), licence CC BY 4.0. Amounts in euros; CBS publishes in EUR 1,000.")
                    ),
                    html.P(dcc.Link(t("Accessibility statement"), href=href("/accessibility", request))),
                ],
            ),
        ),
    ]


def embedded_shell(request: PageRequest, body: list) -> list:
    """For /embed/...: no header, navigation or footer; the source credit and the language switch stay."""
    t = request.t
    other = "nl" if request.lang == "en" else "en"
    return [
        html.Main(id=ids.MAIN, tabIndex="-1", className="container-fluid main embedded", children=body),
        html.Footer(
            className="embed-footer",
            children=[
                html.Span(t("Figures: CBS StatLine, Iv3 (Informatie voor derden), licence CC BY 4.0. Amounts in euros; CBS publishes in EUR 1,000.")),
                " ",
                dcc.Link(
                    html.Span("Nederlands" if other == "nl" else "English", lang=other),
                    href=href(request.path, request, lang=other),
                    className="lang-switch",
                ),
            ],
        ),
    ]


def breadcrumb(request: PageRequest, trail: list[tuple[str, str | None]]):
    """Breadcrumbs as an ordered list; the last item is the current page (aria-current)."""
    items = []
    for index, (label, path) in enumerate(trail):
        last = index == len(trail) - 1
        items.append(
            html.Li(
                label if last or path is None else dcc.Link(label, href=href(path, request)),
                className="breadcrumb-item" + (" active" if last else ""),
                **({"aria-current": "page"} if last else {}),
            )
        )
    return html.Nav(html.Ol(items, className="breadcrumb"), **{"aria-label": request.t("Breadcrumb")})
