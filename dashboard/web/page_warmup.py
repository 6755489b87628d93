"""The page warm-up: the first pages a council member opens, replayed through the app once per dataset
version (after the aggregate warm-up of ``queries.warmup``), so their kept responses are ready."""
from __future__ import annotations

import logging
import time
from urllib.parse import urlencode

from dashboard.domain.iv3 import JAARREKENING
from dashboard.domain.themes import THEME_SLUGS
from dashboard.queries.service import DashboardService

log = logging.getLogger(__name__)


#: Marks the warm-up's own replayed requests in the WSGI environ: they are not visitors to give way to.
WARM_UP_ENVIRON = "dashboard.warm_up"

#: Upper bounds of the page warm-up per dataset version and worker (the home municipality has ~110).
MAX_WARM_PAGES = 400
MAX_WARM_SECONDS = 120.0


def first_pages(ctx) -> list:
    """The page requests a council member opens first, as ``router.render_page`` sees them from a browser:
    for the default document (newest begroting) the addresses without a query string (what the menu and
    every link of the default view lead to), for the newest jaarrekening the addresses with its
    ``?year=&document=`` (what the document selector leads to); the overview, the four theme pages and
    every programme and provider page of the home municipality, the comparison (its trend reads every
    year's national figures: seconds when cold) and the savings tracker, in the site's default language;
    then the overview and the theme pages of every other document (each ``?year=&document=``)."""
    from dashboard.navigation.addresses import PageRequest
    from dashboard.queries.drilldown import Drilldown

    service, municipality, lang = ctx.service, ctx.settings.municipality, ctx.settings.language
    if municipality not in service.municipalities():
        return []
    documents = service.available_documents(municipality)
    drill = Drilldown(service)
    records = drill.allocation_records(municipality)
    programmes = sorted({r["programme"] for r in records})
    providers = sorted({r["provider"] for r in records})
    paths = ["/"] + [f"/theme/{slug}" for slug in THEME_SLUGS.values()] + ["/compare", "/savings"]
    paths += [f"/programme/{slug}" for slug in programmes] + [f"/provider/{slug}" for slug in providers]
    views: list[dict] = [{}]  # the default document: no query string
    realised = [d for d in documents if d[1] == JAARREKENING]
    if realised:
        year, kind = realised[-1]
        views.append({"year": str(year), "document": kind})
    first = [PageRequest(path=path, params=dict(params), lang=lang) for params in views for path in paths]
    # then what the year/document selector leads to from there: the overview and the theme pages of
    # every other document, newest first (a year change in the meeting is a kept answer, ~100 ms sooner)
    overviews = ["/"] + [f"/theme/{slug}" for slug in THEME_SLUGS.values()]
    others = [{"year": str(year), "document": kind} for year, kind in reversed(documents)
              if {"year": str(year), "document": kind} not in views]
    first += [PageRequest(path=path, params=params, lang=lang) for params in others for path in overviews]
    return first[:MAX_WARM_PAGES]


def page_warmer(server, ctx, update_path: str):
    """Replay ``first_pages`` through the app after the data warm-up (same background thread): posted to
    the Flask ``server`` as the browser posts them, so their answers land in the kept responses
    (``page_responses``) and the first click of the meeting is a cache hit. Stops at
    ``MAX_WARM_SECONDS`` or when the dataset changes; logs what it did and how long it took, and leaves
    the figures in ``service.warm_up.report``."""
    def warm(service: DashboardService) -> None:
        from dashboard.web.page_requests import route_payload

        started = time.perf_counter()
        version = service.repository.version()
        requests = first_pages(ctx)
        client = server.test_client()
        done = failed = 0
        for request in requests:
            service.warm_up.give_way()  # visitors first: their pages are not rendered beside a warm-up page
            if time.perf_counter() - started > MAX_WARM_SECONDS or service.repository.version() != version:
                break  # out of time, or an import/publish made these pages stale
            search = "?" + urlencode(request.params) if request.params else ""
            response = client.post(update_path, json=route_payload(request.path, search), environ_overrides={WARM_UP_ENVIRON: True})
            done += 1
            failed += response.status_code != 200
        seconds = time.perf_counter() - started
        service.warm_up.report["pages"] = {"version": version, "pages": done, "failed": failed, "of": len(requests), "seconds": round(seconds, 2)}
        log.info("page warm-up (dataset version %s): %d of %d pages in %.1f s, %d failed", version, done, len(requests), seconds, failed)

    return warm
