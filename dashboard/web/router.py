"""Path → page. Unknown paths, unknown names and unreadable parameters all end on the friendly 404 page."""
from __future__ import annotations

import logging
import re

from dashboard.navigation.addresses import BadParameter, PageRequest
from dashboard.pages import Page, accessibility, compare, glossary, indicator, not_found, overview, present, programme, provider, savings, theme
from dashboard.queries.context import AppContext
from dashboard.queries.service import NotFound

log = logging.getLogger(__name__)

#: (pattern, render). Patterns capture path variables by name.
ROUTES = [
    (re.compile(r"^/$"), overview.render),
    (re.compile(r"^/accessibility$"), accessibility.render),
    (re.compile(r"^/glossary$"), glossary.render),
    (re.compile(r"^/compare$"), compare.render),
    (re.compile(r"^/present$"), present.render),
    (re.compile(r"^/theme/(?P<slug>[a-z0-9-]+)$"), theme.render),
    (re.compile(r"^/programme/(?P<slug>[a-z0-9-]+)$"), programme.render),
    (re.compile(r"^/provider/(?P<slug>[a-z0-9-]+)$"), provider.render),
    (re.compile(r"^/indicators$"), indicator.render_index),
    (re.compile(r"^/indicator/(?P<slug>[a-z0-9-]+)$"), indicator.render),
    (re.compile(r"^/savings$"), savings.render),
    (re.compile(r"^/savings/(?P<slug>[a-z0-9-]+)$"), savings.render_theme),
]


def render_page(ctx: AppContext, request: PageRequest) -> Page:
    """The page for ``request``. Not cached here: the aggregates behind it are (per dataset version,
    in the service), and the finished response is (``page_responses``, as compressed bytes)."""
    for pattern, render in ROUTES:
        match = pattern.match(request.path)
        if match:
            try:
                return render(ctx, request, **match.groupdict())
            except BadParameter as problem:
                return not_found.render(ctx, request, reason=str(problem), status=400)
            except NotFound as problem:
                return not_found.render(ctx, request, reason=_reason(ctx, request, problem))
            except Exception:  # a page must never show a traceback
                log.exception("page %s failed", request.path)
                return not_found.render(ctx, request, reason=request.t("Something went wrong while building this page. The problem has been logged."), status=500)
    return not_found.render(ctx, request)


def _reason(ctx: AppContext, request: PageRequest, problem: Exception) -> str:
    missing = not_found.missing_document(ctx, request)
    if missing:
        return missing
    if request.lang != "en":  # the detail comes from the query layer in English; don't mix languages
        return request.t("We have no figures for this municipality, year, document or name.")
    return request.t("We have no figures for this: {detail}.", detail=str(problem.args[0]) if problem.args else "")
