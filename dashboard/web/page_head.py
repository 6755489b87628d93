"""What the HTML of an address says before its JavaScript runs: the language, the page's title, the
HTTP status and, for a visitor without JavaScript, what the page is and where its figures can be had.

Dash answers every address with the same page shell (status 200, "Loading..."); the router callback
decides afterwards what the page is. A search engine, a link checker or a browser without JavaScript
only sees that shell, so an unknown page, theme or year would look like a page that exists. Here the
address is routed once on the server (the answer kept per dataset version) so the shell carries the
page's real status (404 for an unknown page, 400 for an unreadable parameter) and title.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, replace
from html import escape
from urllib.parse import urlencode

from dashboard.i18n import Translator
from dashboard.navigation.addresses import PageRequest, parse_request
from dashboard.pages import Page
from dashboard.queries.context import AppContext
from dashboard.staff.session import current_role
from dashboard.web import router
from dashboard.web.first_view import FIRST_VIEW_ID, render
from dashboard.web.page_responses import page_key


@dataclass(frozen=True)
class PageHead:
    lang: str
    title: str
    status: int
    #: the page's content as HTML (``first_view``), shown until Dash has rendered it; kept compressed
    #: (a theme page's copy with its SVG drawings is ~250 KB, ~10× less deflated, and a worker keeps
    #: one per page it has served)
    body_deflated: bytes = b""
    present: bool = False  # meeting mode: the page's layout needs the class on <html> from the start
    needs_script: bool = True  # ``first_view.FirstView.needs_script``: else Dash waits for the visitor

    @property
    def body(self) -> str:
        return zlib.decompress(self.body_deflated).decode("utf-8") if self.body_deflated else ""


def page_head(ctx: AppContext, pathname: str, query: str) -> PageHead:
    """Routed as the router callback routes it, with the visitor's role (a council server's pages
    differ per role, and ``page_key`` keeps them apart)."""
    request = replace(parse_request(pathname, f"?{query}" if query else "", ctx.settings.language), role=current_role())
    return head_of(ctx, request)


def head_of(ctx: AppContext, request: PageRequest, page: Page | None = None) -> PageHead:
    """The head of ``request``'s page, kept per dataset version; ``page``: that page, when the caller
    has rendered it already (the router callback sends the copy along: ``assets/33-page-update.js``)."""

    def compute() -> PageHead:
        rendered = page or router.render_page(ctx, request)
        first_view = render(rendered.children)
        return PageHead(lang=request.lang, title=rendered.title, status=rendered.status, body_deflated=zlib.compress(first_view.html.encode("utf-8"), 6),
                        present=request.get("present") == "1", needs_script=first_view.needs_script)

    return ctx.service.cached(("page-head",) + page_key(request), compute)


def app_entry(head: PageHead, municipality: str, names_html: str = "") -> str:
    """Dash's entry point, with a loading text in the page's language (hidden while the content is
    there), then the page's content as HTML (readable before any script has run, and without
    JavaScript; after the entry point so that Dash's render comes first in the document), and,
    without JavaScript, what the page is and links to the open-data downloads (every chart's figures,
    as CSV). ``names_html``: the municipality chooser's suggestions, outside Dash's layout."""
    t = Translator(head.lang)
    themes_csv = "/api/v1/themes?" + urlencode({"municipality": municipality, "format": "csv"})
    trend_csv = "/api/v1/themes/trend?" + urlencode({"municipality": municipality, "format": "csv"})
    return (
        '<div id="react-entry-point"><div class="_dash-loading">'
        f"{escape(t('Loading the page…'))}</div></div>"
        f'<div id="{FIRST_VIEW_ID}"{"" if head.needs_script else " " + WHOLE_ATTRIBUTE}>{head.body}</div><div id="{FIRST_VIEW_END}" hidden></div>'
        f"{names_html}"
        '<noscript><div class="noscript">'
        f"<p><strong>{escape(head.title)}</strong></p>"
        f"<p>{escape(t('This dashboard shows the figures of the social domain of {municipality} in charts and tables; they need JavaScript, which is switched off in this browser.', municipality=municipality))}</p>"
        f"<p>{escape(t('Every figure is also available as open data:'))}</p><ul>"
        f'<li><a href="{escape(themes_csv)}">{escape(t("Spending per theme, newest budget (CSV)"))}</a></li>'
        f'<li><a href="{escape(trend_csv)}">{escape(t("Spending per theme, every year (CSV)"))}</a></li>'
        f'<li><a href="/api/v1/">{escape(t("All open-data downloads"))}</a></li>'
        "</ul></div></noscript>"
    )


#: In the head: without JavaScript the loading text would stay forever; the noscript text replaces it.
NOSCRIPT_STYLE = "<noscript><style>._dash-loading{display:none}</style></noscript>"

FIRST_VIEW_END = "first-view-end"
#: On the first view when it reads and works whole without script (``app_factory.RENDERER`` reads it).
WHOLE_ATTRIBUTE = "data-whole"
#: In the head: the browser paints nothing before the whole first view is parsed. Without it a slow
#: phone paints half a paragraph, and the paragraph Dash renders later counts as a new, larger
#: "largest contentful paint" (seconds later). Browsers without ``blocking`` ignore the line.
FIRST_VIEW_WHOLE = f'<link rel="expect" href="#{FIRST_VIEW_END}" blocking="render">'


def index_html(html_text: str, head: PageHead, default_lang: str) -> str:
    """The page shell with the language of the address (``?lang=``), not only the server's default, and
    meeting mode's class (set again by the page-meta clientside callback on every page change)."""
    present = ' class="present-mode"' if head.present else ""
    return html_text.replace(f'<html lang="{default_lang}">', f'<html lang="{head.lang}"{present}>', 1)


def apply_status(response):
    """After the page shell is built: answer with the status of the page it stands for."""
    import flask

    status = flask.g.pop("page_status", None)
    if status is not None and response.status_code == 200:
        response.status_code = status
    return response
