"""Accessibility statement (toegankelijkheidsverklaring): what we meet, how we test it, what is still weak."""
from __future__ import annotations

from dash import html

from dashboard.components.shell import page_shell
from dashboard.pages import Page
from dashboard.pages.common import resolve_municipality
from dashboard.queries.context import AppContext


def render(ctx: AppContext, request) -> Page:
    t = request.t
    content = html.Article(
        className="statement",
        children=[
            html.H1(t("Accessibility statement")),
            html.P(
                t(
                    "The municipality wants everyone to be able to use this dashboard, including people who use a screen reader, "
                    "the keyboard only, a magnifier or a phone. Public-sector websites in the Netherlands must meet the "
                    "Web Content Accessibility Guidelines (WCAG) 2.1 at level AA."
                )
            ),
            html.H2(t("Conformance status")),
            html.P(
                t(
                    "This dashboard partially meets WCAG 2.1 level AA: every page is checked automatically and by keyboard, "
                    "but it has not yet been audited by an independent expert. The known limitations are listed below."
                )
            ),
            html.H2(t("How we test")),
            html.Ul(
                [
                    html.Li(t("Every page type is checked with axe-core in a real browser (headless Chromium), in Dutch and English; violations of impact serious or critical fail the build.")),
                    html.Li(t("A scripted keyboard walk-through: skip link, visible focus, every link and control reachable with Tab and operable with Enter.")),
                    html.Li(t("Reflow: pages are checked at 320 pixels wide for horizontal scrolling.")),
                    html.Li(t("Charts: every chart has a heading, a sentence that summarises it and a table with the same figures; chart elements are also reachable as links.")),
                    html.Li(t("Status (traffic lights) is shown with an icon and a word as well as a colour, in colours that colour-blind readers can tell apart.")),
                ]
            ),
            html.H2(t("Known limitations")),
            html.Ul(
                [
                    html.Li(t("Inside a chart, individual points cannot be reached with the keyboard; use the table below each chart or the links next to it.")),
                    html.Li(t("Hover labels in charts appear only with a mouse; the same figures are in the tables.")),
                    html.Li(t("Downloaded CSV files are plain data without descriptions; the data dictionary describes every column.")),
                ]
            ),
            html.H2(t("Report a problem")),
            html.P(
                t(
                    "Did you find something you cannot use? Tell the municipality's information desk which page and what went wrong; "
                    "we answer within two weeks."
                )
            ),
            html.P(
                [t("E-mail"), ": ", html.A(ctx.settings.contact_email, href=f"mailto:{ctx.settings.contact_email}")]
                if ctx.settings.contact_email else
                t("No contact address has been configured for this dashboard yet (DASHBOARD_CONTACT_EMAIL); ask the municipality's information desk."),
                className="statement-contact",
            ),
            html.P(t("This statement was drawn up on 22 November 2026."), className="source-line"),
        ],
    )
    return Page(title=t("Accessibility statement"), children=page_shell(request, resolve_municipality(ctx, request), content, contact_email=ctx.settings.contact_email))
