"""Glossary (begrippenlijst): the terms of municipal finance and the social domain, explained."""
from __future__ import annotations

from dash import html

from dashboard.components.glossary import glossary
from dashboard.components.shell import page_shell
from dashboard.pages import Page
from dashboard.pages.common import resolve_municipality
from dashboard.queries.context import AppContext


def render(ctx: AppContext, request) -> Page:
    t, lang = request.t, request.lang
    terms = sorted(glossary().values(), key=lambda term: term.name[lang].lower())
    content = [
        html.H1(t("Glossary")),
        html.P(t("The terms used on this dashboard, in plain words.")),
        html.Dl(
            [part for term in terms for part in (html.Dt(term.name[lang], id=term.key), html.Dd(term.definition[lang]))],
            className="glossary",
        ),
    ]
    return Page(title=t("Glossary"), children=page_shell(request, resolve_municipality(ctx, request), content, contact_email=ctx.settings.contact_email))
