"""Rendered pages kept as the compressed HTTP response, per dataset version.

A page depends only on its address (path, query, language), the dataset version and the day. Turning
a page's ~800 components into JSON costs more than most of the work behind it, so the router
callback's answer is kept as gzip bytes: a repeat of a page is a dictionary look-up, sent as is.
Bytes are also what a cache should hold to stay small: ~10 KB per page instead of the ~1 MB of
Python objects a component tree takes, so the cache is bounded by bytes (``MAX_BYTES`` per worker).

The cache answers only exact posts of the router callback (``page_requests.route_inputs``); every
other request, and every first request of a page, goes through Dash as usual. Public and council
servers are separate apps with separate caches, a council server keys each response by the
visitor's role (``page_key``), and an import or publish bumps the dataset version,
which empties it: no response outlives the figures it was made from.
"""
from __future__ import annotations

import gzip
from dataclasses import replace
from datetime import date

from dashboard.navigation.addresses import PageRequest, parse_request
from dashboard.queries.service import DashboardService
from dashboard.queries.versioned_cache import VersionedCache
from dashboard.staff.session import current_role
from dashboard.web.page_requests import UPDATE_PATH, route_inputs

#: Upper bounds per worker: ~10 KB per page, so ~3,000 pages of the newest figures fit in 32 MB.
MAX_BYTES = 32 * 1024 * 1024
MAX_PAGES = 8192
EXTENSION_KEY = "page_responses"


def page_key(request: PageRequest) -> tuple:
    """Everything a page depends on besides the dataset version: the address as parsed, the visitor's
    role (an editor's page has controls a council member's has not), and the day (indicator statuses
    are judged against today's date)."""
    return ("page", request.role, request.path, request.embed, tuple(sorted(request.params.items())), request.lang, request.unsupported_lang, date.today().isoformat())


class PageResponses:
    def __init__(self, service: DashboardService, default_lang: str, update_path: str = UPDATE_PATH):
        self._service = service
        self._default_lang = default_lang
        self._update_path = update_path
        self._cache = VersionedCache(maxsize=MAX_PAGES, max_weight=MAX_BYTES, weigh=len)

    def install(self, server) -> None:
        """Register on the Flask server. After ``flask_compress.Compress(server)``: after-request hooks
        run last-registered first, so the kept gzip body is in place before Compress looks (it leaves
        a response with a Content-Encoding alone)."""
        server.before_request(self.serve_kept)
        server.after_request(self.keep)
        server.extensions[EXTENSION_KEY] = self

    def stats(self) -> dict:
        return self._cache.stats()

    # Flask hooks ---------------------------------------------------------------------------------

    def serve_kept(self):
        import flask

        request = flask.request
        if request.method != "POST" or request.path != self._update_path:
            return None
        inputs = route_inputs(request.get_json(silent=True))
        if inputs is None:
            return None
        version = self._service.version()
        key = page_key(replace(parse_request(*inputs, self._default_lang), role=current_role()))
        body = self._cache.get(version, key)
        if body is None:
            flask.g.page_response_key = (version, key)
            return None  # Dash renders it; ``keep`` stores the answer
        return self._response(body)

    def keep(self, response):
        import flask

        pending = flask.g.pop("page_response_key", None)
        if (pending is None or response.status_code != 200 or response.direct_passthrough
                or response.mimetype != "application/json" or "Content-Encoding" in response.headers):
            return response
        body = gzip.compress(response.get_data(), compresslevel=6)
        self._cache.put(*pending, body)
        if _accepts_gzip():
            response.set_data(body)
            response.headers["Content-Encoding"] = "gzip"
        return response

    def _response(self, body: bytes):
        import flask

        if _accepts_gzip():
            response = flask.Response(body, mimetype="application/json")
            response.headers["Content-Encoding"] = "gzip"
        else:
            response = flask.Response(gzip.decompress(body), mimetype="application/json")
        response.headers["Vary"] = "Accept-Encoding"
        return response


def _accepts_gzip() -> bool:
    import flask

    return flask.request.accept_encodings.quality("gzip") > 0
