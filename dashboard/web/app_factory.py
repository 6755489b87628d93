"""Build the Dash app: store, demo data on first start, API, shell layout and callbacks."""
from __future__ import annotations

import fcntl
import functools
import gc
import logging
import re
import sys
import time
from contextlib import contextmanager
from dataclasses import replace
from html import escape
from urllib.parse import urlencode

import dash
import plotly.io.json
from dash import ALL, ClientsideFunction, Input, Output, dcc, html
from flask_compress import Compress

from dashboard.api import EXTENSION_KEY, make_api_blueprint
from dashboard.components.municipality_chooser import names_list_html
from dashboard.config.paths import ASSETS_DIR, PROJECT_ROOT, THEME_MAPPING_FILE
from dashboard.config.settings import Settings, max_import_bytes
from dashboard.domain.themes import ThemeMapping
from dashboard.i18n import Translator
from dashboard.navigation import ids
from dashboard.navigation.addresses import parse_request
from dashboard.queries.context import AppContext
from dashboard.queries.service import DashboardService, current_names
from dashboard.queries.warmup import compare_warmer, home_municipality_warmer
from dashboard.staff import make_public_blueprint, make_staff_blueprint
from dashboard.staff.session import current_role
from dashboard.staff.upload import UPLOAD_PATHS
from dashboard.store.accounts import create_demo_accounts
from dashboard.store.database import open_engine
from dashboard.store.repository import Repository
from dashboard.web import drilldown_callbacks as callbacks_drilldown
from dashboard.web import health, html_blocks, page_head, request_guard, request_timing, router, security_headers, sessions
from dashboard.web.context import current_context
from dashboard.web.first_view import FIRST_VIEW_ID
from dashboard.web.page_requests import UPDATE_PATH
from dashboard.web.page_responses import PageResponses
from dashboard.web.page_warmup import WARM_UP_ENVIRON, page_warmer

log = logging.getLogger(__name__)

#: Dash's default template wraps its scripts in a <footer>: a second contentinfo landmark (axe).
INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
    <head>
        {{%metas%}}
        <title>{{%title%}}</title>
        {{%favicon%}}
        {{%css%}}
    </head>
    <body>
        {{%app_entry%}}
        <div class="dash-scripts">
            {{%config%}}
            {{%scripts%}}
            {{%renderer%}}
        </div>
    </body>
</html>"""


#: Scripts Dash adds to every page that this dashboard never uses: Babel's polyfills for browsers
#: without ES2015+ (34 KB compressed; every browser that runs this React does without) and DataTable's
#: loader (9 KB; no page has a DataTable: tables are plain HTML, readable without script).
UNUSED_SCRIPTS = re.compile(r'<script src="[^"]*/(?:deps/polyfill@[^"]*|dash_table/bundle[^"]*)"></script>\s*')


SCRIPT_SOURCE = re.compile(r'<script src="([^"]*)"></script>')
#: Dash's scripts only listed (a type no browser runs), for ``RENDERER`` to run after the first paint:
#: with the scripts cached (a return visit) or fast to arrive, deferred scripts would run before it,
#: and a phone shows an empty page for the second they take. Not preloaded either: Lighthouse then
#: counts them in front of the first paint. (``data-src``: Dash checks the page for its renderer's
#: ``src="…"``.)
SCRIPT_LATER = r'<script type="text/x-dash-later" data-src="\1"></script>'
#: Dash's start line. A first view that works whole without script (``page_head.WHOLE_ATTRIBUTE``: every
#: control a plain link or form) waits for the visitor to move, scroll, tap or type, or for a chart only
#: plotly draws (an empty box in the copy) to come near the screen: ~1 MB of script then never stands
#: between a phone and a page it is only reading (and a reader on a computer moves the mouse, which loads
#: it at once). Any other page loads it once the
#: first view is painted (the first contentful paint; without paint timing, the frame after the first),
#: and at once in a tab opened in the background (it paints nothing). Either way the scripts run in their
#: order (``async = false``), then the renderer once the last has run.
RENDERER = """(function () {
  function load() {
    var last = null;
    document.querySelectorAll("script[data-src]").forEach(function (listed) {
      var script = document.createElement("script");
      script.src = listed.dataset.src;
      script.async = false;
      document.body.appendChild(script);
      last = script;
    });
    function start() { window.renderer = new DashRenderer(); }
    if (last) { last.addEventListener("load", start); last.addEventListener("error", start); } else { start(); }
  }
  // Loads once it is both wanted (at once, or for a whole first view on the visitor's first move) and
  // the first view has been painted.
  var wanted = false, painted = false, started = false;
  var visitor = ["pointermove", "pointerdown", "touchstart", "keydown", "wheel", "scroll"];
  function go() {
    if (!wanted || !painted || started) { return; }
    started = true;
    visitor.forEach(function (name) { window.removeEventListener(name, want, true); });
    load();
  }
  // Fetched (not run) once the page has both loaded and been painted, so the first move only has them
  // to run: never in front of the first paint (on loopback the page loads before it paints); not with
  // the visitor's data saver on.
  var loaded = false, prefetched = false;
  function prefetch() {
    if (!loaded || !painted || started || prefetched || !whole || (navigator.connection && navigator.connection.saveData)) { return; }
    prefetched = true;
    document.querySelectorAll("script[data-src]").forEach(function (listed) {
      var link = document.createElement("link");
      link.rel = "prefetch";
      link.as = "script";
      link.href = listed.dataset.src;
      document.head.appendChild(link);
    });
  }
  function want() { wanted = true; go(); }
  function paint() { painted = true; go(); prefetch(); }
  var whole = !!document.querySelector("WHOLE_FIRST_VIEW");
  if (whole) {
    visitor.forEach(function (name) { window.addEventListener(name, want, {capture: true, passive: true}); });
    window.addEventListener("load", function () { loaded = true; prefetch(); });
    var undrawn = document.querySelectorAll("WHOLE_FIRST_VIEW .dash-graph:not(.static-chart)");  // plotly's alone
    if (undrawn.length && window.IntersectionObserver) {
      var near = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) { near.disconnect(); want(); }
      }, {rootMargin: "0px 0px 50% 0px"});
      undrawn.forEach(function (box) { near.observe(box); });
    } else if (undrawn.length) {
      want();
    }
  } else {
    want();
  }
  var paintTiming = window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf("paint") >= 0;
  if (document.visibilityState === "hidden") { paint(); return; }
  document.addEventListener("visibilitychange", paint);
  if (paintTiming) {
    new PerformanceObserver(function (list) {
      if (list.getEntriesByName("first-contentful-paint").length) { setTimeout(paint, 0); }
    }).observe({ type: "paint", buffered: true });
    setTimeout(paint, 3000);  // a page with nothing to paint
  } else {
    requestAnimationFrame(function () { requestAnimationFrame(paint); });  // the frame after the first
  }
})();""".replace("WHOLE_FIRST_VIEW", f"#{FIRST_VIEW_ID}[{page_head.WHOLE_ATTRIBUTE}]")


class DashboardDash(dash.Dash):
    """Dash without its full plotly.js (4.8 MB, 1.4 MB gzipped).

    ``assets/01-plotly-dashboard.min.js`` defines ``window.Plotly`` with only the traces the
    dashboard draws (tools/plotly-bundle); dcc.Graph uses that when it exists. Dash would still
    load its own copy eagerly, so that registration is skipped here.
    """

    def _setup_plotlyjs(self):
        self._plotlyjs_url = ""

    def _generate_scripts_html(self) -> str:
        """Without the scripts no page needs (``UNUSED_SCRIPTS``): less to load and run before the first
        chart. The others are listed for ``RENDERER``, which runs them after the first paint, so the
        browser paints the first view (``first_view``) before any of them runs, however fast they arrive."""
        return SCRIPT_SOURCE.sub(SCRIPT_LATER, UNUSED_SCRIPTS.sub("", super()._generate_scripts_html()))

    def interpolate_index(self, **kwargs):
        """The page shell of an address carries that page's language, title and HTTP status, and a
        text for visitors without JavaScript (``page_head``)."""
        import flask

        context = self.server.extensions[EXTENSION_KEY]
        head = page_head.page_head(context, flask.request.path, flask.request.query_string.decode("utf-8", "replace"))
        flask.g.page_status = head.status
        kwargs.update(
            title=escape(head.title),
            metas=kwargs.get("metas", "") + page_head.NOSCRIPT_STYLE + page_head.FIRST_VIEW_WHOLE,
            app_entry=page_head.app_entry(head, context.settings.municipality, getattr(self, "names_html", "")),
        )
        return page_head.index_html(super().interpolate_index(**kwargs), head, context.settings.language)


def create_context(settings: Settings) -> AppContext:
    engine = open_engine(settings.database_url)
    repository = Repository(engine)
    if settings.load_demo and repository.is_empty():
        with _demo_load_lock():  # several gunicorn workers may start on an empty store at once
            if repository.is_empty():
                from dashboard.demo.load import load_demo

                for line in load_demo(engine):
                    log.info(line)
    if settings.mode == "council" and settings.demo_accounts:
        with _demo_load_lock():
            _announce_demo_accounts(create_demo_accounts(engine), settings.port)
    service = DashboardService(repository, ThemeMapping.from_csv(THEME_MAPPING_FILE), public=settings.mode == "public")
    service.warm_up.add(home_municipality_warmer(settings.municipality))  # per dataset version, in the background
    service.warm_up.add(compare_warmer(settings.municipality))
    return AppContext(settings=settings, service=service)


def _announce_demo_accounts(accounts: list[tuple[str, str, str]], port: int) -> None:
    """Printed once, when they are made: only their hashes are kept."""
    if not accounts:
        return
    lines = [f"  {name:<8} role {role:<8} password {password}" for name, role, password in accounts]
    print(f"\nDemo accounts (shown only now; log in at http://127.0.0.1:{port}/login):\n" + "\n".join(lines)
          + "\nAdd real ones with: python -m dashboard users add NAME --role editor|council|admin\n", file=sys.stderr, flush=True)


@contextmanager
def _demo_load_lock():
    lock_path = PROJECT_ROOT / "instance" / ".demo-load.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def create_app(settings: Settings | None = None) -> dash.Dash:
    settings = settings or Settings.from_env()
    # Dash writes callback answers with plotly's JSON writer. Its orjson engine (when orjson is
    # installed) first walks every dict and list in Python: 22 ms for a theme page's components,
    # against 6.6 ms with the standard json engine, whose C encoder does that walk.
    plotly.io.json.config.default_engine = "json"
    context = create_context(settings)
    app = DashboardDash(
        __name__,
        assets_folder=str(ASSETS_DIR),
        title=Translator(settings.language)("Social Domain Dashboard"),
        update_title=None,
        suppress_callback_exceptions=True,
        serve_locally=True,
        compress=False,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.index_string = INDEX_TEMPLATE.format(lang=settings.language)
    app.renderer = RENDERER  # its CSP hash follows (Dash.csp_hashes hashes app.renderer)
    server = app.server
    request_timing.install(server)  # first: the server time of refused requests is measured and logged too
    if settings.mode == "council":  # then: nothing of the council site answers without a session
        request_guard.allow_large_uploads(server, UPLOAD_PATHS, max_import_bytes())
        sessions.install(server, settings, context.service.repository.engine)
        server.register_blueprint(make_staff_blueprint(settings))
    else:
        server.register_blueprint(make_public_blueprint())
    request_guard.install(app, settings.max_request_bytes)
    health.install(server, context.service.repository)
    server.extensions[EXTENSION_KEY] = context
    server.register_blueprint(make_api_blueprint())
    # First of all hooks: the warm-up gives way while visitors' requests are in flight.
    server.before_request(lambda: count_visitor(context.service))
    server.teardown_request(lambda error: visitor_done(context.service))
    # One request, one dataset version (read once, when first asked).
    server.before_request(context.service.pin_version)
    server.teardown_request(lambda error: context.service.unpin_version())
    Compress(server)
    security_headers.install(app, settings)
    server.after_request(page_head.apply_status)  # 404 for the shell of an unknown page (page_head)
    server.after_request(keep_the_icon)
    server.after_request(keep_the_assets)
    update_path = app.config.requests_pathname_prefix + UPDATE_PATH.lstrip("/")
    PageResponses(context.service, settings.language, update_path).install(server)
    # Then the first pages, replayed through the app into those kept responses (same background thread).
    context.service.warm_up.add(page_warmer(server, context, update_path))

    app.layout = html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            dcc.Store(id=ids.PAGE),
            dcc.Store(id=ids.PAGE_META),
            html.Div(id=ids.META_SINK, hidden=True),
            html.Div(id=ids.ROOT),
        ]
    )
    # the chooser's suggestions, in the page shell; read at start (uncached: the warm-up must not start before the callbacks exist)
    app.names_html = names_list_html(list(current_names(context.service.repository, context.service.public)))
    register_callbacks(app)
    return app


def keep_the_icon(response):
    """The browser may keep the site icon a day: without it, Chromium fetches it again on every
    view change (one request more on each click)."""
    import flask

    if flask.request.path == "/_favicon.ico" and response.status_code == 200:
        response.cache_control.public = True
        response.cache_control.max_age = 86400
    return response


def keep_the_assets(response):
    """A file of ``assets/`` named with its change time (``?m=``, as every page links it) may be kept a
    year: a changed file gets a new address. Without it the browser asks again on every page (and a
    script fetched ahead of use, ``RENDERER``, would be fetched anew when it runs)."""
    import flask

    if flask.request.path.startswith("/assets/") and "m" in flask.request.args and response.status_code == 200:
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = 31536000
        response.cache_control.immutable = True
    return response


def count_visitor(service: DashboardService) -> None:
    """A visitor's request begins (the warm-up's own replayed requests are not visitors)."""
    import flask

    if not flask.request.environ.get(WARM_UP_ENVIRON):
        service.warm_up.visitor_started()
        flask.g.visitor_counted = True


def visitor_done(service: DashboardService) -> None:
    import flask

    if flask.g.pop("visitor_counted", False):
        service.warm_up.visitor_finished()


def prepare_for_fork(server) -> None:
    """For a pre-forking server (gunicorn ``preload_app``): warm the current dataset version in this
    process, then drop its database connections, which must not be shared with the forked workers.
    A store that cannot be read now is not fatal: the workers warm in the background as usual."""
    context = server.extensions[EXTENSION_KEY]
    started = time.perf_counter()
    try:
        context.service.warm_up.run_now()
    except Exception:
        log.warning("warm-up before fork skipped: the store cannot be read", exc_info=True)
    finally:
        context.service.repository.engine.dispose()
    # Everything made so far is shared with the workers copy-on-write; frozen, the workers' garbage
    # collector leaves it alone instead of touching (and so copying) every page of it.
    gc.collect()
    gc.freeze()
    log.info("warmed before forking the workers in %.1f s: %s", time.perf_counter() - started, context.service.warm_up.report)


def register_callbacks(app: dash.Dash) -> None:
    """Wiring only: parse input → ask the page/service → return components."""

    # the ids callbacks use, read at the first page asked for: by then every callback below is registered
    live_ids = functools.cache(lambda: html_blocks.live_ids(app.callback_map))

    @app.callback(Output(ids.PAGE, "data"), Input(ids.URL, "pathname"), Input(ids.URL, "search"))
    def route(pathname, search):
        ctx = current_context()
        request = replace(parse_request(pathname, search, ctx.settings.language), role=current_role())
        page = router.render_page(ctx, request)
        # and the server's copy of it (kept per dataset version, as for a first visit): it stands in
        # while Dash renders a new page (assets/33-page-update.js)
        copy = page_head.head_of(ctx, request, page).body
        # its chart-free parts as HTML: Dash watches a few components instead of every element
        # (the answer itself is kept, web/page_responses.py: this runs once per page and version)
        children = html_blocks.to_blocks(page.children, live_ids())
        return {"children": children, "title": page.title, "lang": request.lang, "present": request.get("present") == "1", "html": copy}

    # The page on screen: in place where only figures and texts changed (a year change), else whole.
    app.clientside_callback(
        ClientsideFunction(namespace="page", function_name="apply"),
        Output(ids.ROOT, "children"),
        Output({"type": ids.PAGE_PART, "index": ALL}, "children"),
        Output({"type": ids.PAGE_BLOCK, "index": ALL}, "html"),
        Output({"type": ids.CHART, "name": ALL}, "figure"),
        Output(ids.PAGE_META, "data"),
        Input(ids.PAGE, "data"),
    )

    app.clientside_callback(
        """
        function(meta) {
            if (meta) {
                var firstView = document.getElementById("first-view");  // the server's copy (first_view)
                if (firstView) {
                    // Dash's render is laid out out of sight (10-dashboard.css) until plotly has drawn every
                    // chart in it, so the server's drawings stand until then and no empty chart box shows;
                    // at most 4 s (a chart that never draws must not keep the page from working).
                    // (after a new page, the render of that page: marked by 33-page-update.js)
                    var started = Date.now();
                    var rendered = meta.render ? "#page-root [data-render='" + meta.render + "']" : "#page-root";
                    var swap = function () {
                        var ready = document.querySelector(rendered);
                        var graphs = ready ? document.querySelectorAll("#page-root .dash-graph") : [];
                        if (!ready && Date.now() - started <= 4000) { setTimeout(swap, 30); return; }
                        var drawn = Array.prototype.every.call(graphs, function (g) { return g.querySelector(".main-svg"); });
                        if (!drawn && Date.now() - started <= 4000) { setTimeout(swap, 30); return; }
                        // Focus in the copy moves to the same control of Dash's render; a form of the copy
                        // the visitor is filling in stays until they leave it (it works on its own: GET).
                        var active = document.activeElement;
                        var inCopy = active && active !== document.body && firstView.contains(active);
                        if (inCopy && active.closest("form")) { setTimeout(swap, 200); return; }
                        var target = inCopy ? twin(active) : null;
                        firstView.remove();
                        if (target) { target.focus({preventScroll: true}); }
                    };
                    // Its twin: by id (the copy's carry a prefix), else the same-numbered element of that
                    // tag with the same address, name or text.
                    var twin = function (element) {
                        if (element.id && element.id.indexOf("fv-") === 0) { return document.getElementById(element.id.slice(3)); }
                        var key = function (e) { return e.getAttribute("href") || e.getAttribute("name") || e.textContent; };
                        var alike = function (root) {
                            return Array.prototype.filter.call(root.querySelectorAll(element.tagName), function (e) { return key(e) === key(element); });
                        };
                        return alike(document.getElementById("react-entry-point"))[alike(firstView).indexOf(element)] || null;
                    };
                    swap();
                }
                document.title = meta.title;
                document.documentElement.lang = meta.lang;
                document.documentElement.classList.toggle("present-mode", !!meta.present);
            }
            return "";
        }
        """,
        Output(ids.META_SINK, "children"),
        Input(ids.PAGE_META, "data"),
    )

    callbacks_drilldown.register(app)  # clicks on chart elements open their theme/programme/provider page
