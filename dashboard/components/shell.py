"""The frame around every page: skip link, header with navigation and language switch, footer."""
from __future__ import annotations

from datetime import date

from dash import dcc, html

from dashboard.components.municipality_chooser import municipality_chooser
from dashboard.domain import formatting as fmt
from dashboard.domain.themes import THEME_DUTCH
from dashboard.domain.access import may
from dashboard.navigation import ids
from dashboard.navigation.addresses import PageRequest, href


def page_shell(request: PageRequest, municipality: str, content, breadcrumbs=None, contact_email: str = "") -> list:
    t = request.t
    other = "nl" if request.lang == "en" else "en"
    body = language_notice(request) + ([breadcrumbs] if breadcrumbs is not None else []) + (content if isinstance(content, list) else [content])
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
                    html.Span(t("Printed on {date}", date=fmt.long_date(date.today(), request.lang)), className="print-stamp"),
                    html.Nav(
                        **{"aria-label": t("Main navigation")},
                        className="main-nav",
                        children=[
                            dcc.Link(t("Overview"), href=href("/", request)),
                            dcc.Link(t("Compare"), href=href("/compare", request)),
                            dcc.Link(t("Indicators"), href=href("/indicators", request)),
                            dcc.Link(t("Meeting mode"), href=href("/present", request)),
                            dcc.Link(t("Savings"), href=href("/savings", request)),
                            dcc.Link(t("Glossary"), href=href("/glossary", request)),
                            html.A(t("Open data"), href="/api/v1/"),
                            *staff_links(request),
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
                    html.P([dcc.Link(t("Accessibility statement"), href=href("/accessibility", request)), *contact_line(request, contact_email)]),
                ],
            ),
        ),
    ]


def staff_links(request: PageRequest) -> list:
    """Links to the staff pages the visitor's role may open (council mode); the pages check the role again."""
    if request.role is None:
        return []
    t = request.t
    pages = (("score", "Decision rounds", "/rounds"), ("import", "Upload data", "/upload"), ("edit", "Edit results", "/edit"), ("publish", "Publish", "/publish"), ("read-audit", "Audit log", "/audit"))
    links = [html.A(t(text), href=address) for action, text, address in pages if may(request.role, action)]
    return links + [html.A(t("Log out"), href="/logout")]


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


def language_notice(request: PageRequest) -> list:
    """``?lang=xx`` for a language the dashboard does not have: say so, in the language shown, with both choices."""
    if request.unsupported_lang is None:
        return []
    t = request.t
    return [
        html.P(
            role="status",
            className="language-notice",
            children=[
                t("The language “{value}” is not available; this page is shown in Dutch.", value=request.unsupported_lang)
                if request.lang == "nl" else
                t("The language “{value}” is not available; this page is shown in English.", value=request.unsupported_lang),
                " ",
                dcc.Link(html.Span("Nederlands", lang="nl"), href=href(request.path, request, lang="nl")),
                " · ",
                dcc.Link(html.Span("English", lang="en"), href=href(request.path, request, lang="en")),
            ],
        )
    ]


def dutch_name(theme: str, request: PageRequest) -> list:
    """In English a theme also carries its Dutch name (the council's own word, "Vital (Vitaal)");
    in Dutch the name stands alone, without English in brackets."""
    if request.lang == "nl":
        return []
    return [html.Span(f" ({THEME_DUTCH[theme]})", className="theme-alt", lang="nl")]


def contact_line(request: PageRequest, contact_email: str) -> list:
    """" · Contact: name@municipality.nl" — where to report a problem (DASHBOARD_CONTACT_EMAIL)."""
    if not contact_email:
        return []
    return [" · ", request.t("Contact"), ": ", html.A(contact_email, href=f"mailto:{contact_email}")]
