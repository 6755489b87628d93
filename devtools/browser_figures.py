"""What a reader waits for in the browser, measured in headless Chromium over CDP (issue 18).

Three views of the same pages: a desktop on loopback with the cache disabled (navigation → first chart
seen, bytes on the wire), a citizen's phone (Lighthouse's mobile conditions: 4× slower CPU, slow 4G,
390×844: Largest Contentful Paint and first chart, median of several loads) and the clicks of a
meeting (a year/document change, a drill-down: click → new chart drawn, and the requests it sends).

A page whose first view works without script loads Dash's only when the visitor first moves
(``dashboard.web.app_factory.RENDERER``): each load is read first as a visitor who only reads (what
Lighthouse sees: the bytes until then), then the mouse moves and the time from that move until plotly
has drawn is measured, with the bytes of the whole page.
Times are read in the page (``performance.now()``, from navigation start), not around Playwright calls.
"""
from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

#: Lighthouse's default mobile throttling ("slow 4G", Moto G power class CPU).
MOBILE_CPU_SLOWDOWN = 4
MOBILE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
MOBILE_VIEWPORT = {"width": 390, "height": 844}

#: Recorded in every page before its own scripts: when the first chart was drawn (the server's SVG
#: drawing, painted in the first contentful paint, and plotly's: in the frame it is first in the
#: document), and the LCP so far. Nothing here may slow the page down it measures.
OBSERVERS = """
(() => {
  window.__bench = {firstChart: null, firstDrawing: null, lcp: null, clicked: null, busyUntil: 0};
  if ((PerformanceObserver.supportedEntryTypes || []).indexOf('longtask') >= 0) {
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) window.__bench.busyUntil = Math.max(window.__bench.busyUntil, entry.startTime + entry.duration);
    }).observe({type: 'longtask', buffered: true});
  }
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint' && document.querySelector('#first-view .static-chart svg')) window.__bench.firstDrawing = entry.startTime;
    }
  }).observe({type: 'paint', buffered: true});
  document.addEventListener('click', () => { window.__bench.clicked = performance.now(); }, true);
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) window.__bench.lcp = entry.startTime;
  }).observe({type: 'largest-contentful-paint', buffered: true});
  // looked for once a frame, not with a MutationObserver: that one would be handed a record for every
  // element the parser inserts, at the first script's end (~18 ms in front of the first paint of `/`)
  const seen = () => {
    if (document.querySelector('.js-plotly-plot .main-svg')) window.__bench.firstChart = performance.now();
    else requestAnimationFrame(seen);
  };
  requestAnimationFrame(seen);
})();
"""

#: Bytes on the wire (the document and every resource, cache disabled) that had arrived by ``t`` ms.
BYTES_UNTIL = """t => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .filter(entry => entry.responseEnd <= t).reduce((sum, entry) => sum + (entry.transferSize || 0), 0)"""
CHART_DRAWN = "() => window.__bench && window.__bench.firstChart !== null"
#: The page has settled as a reader sees it before they click: Dash's render alone on screen and no
#: long task (script compiling, a render) for half a second.
QUIET = "() => !document.getElementById('first-view') && performance.now() - window.__bench.busyUntil > 500"


@dataclass
class Load:
    first_chart_ms: float  # plotly's chart drawn (hover, clicks), from navigation
    lcp_ms: float | None
    kb: float  # the whole page, once plotly has drawn
    first_drawing_ms: float | None = None  # the server's SVG drawing painted (None: the page has none)
    read_kb: float = 0.0  # what a visitor who only reads receives (before any move)
    after_move_ms: float = 0.0  # from the visitor's first move until plotly has drawn (0: drawn before it)
    before_chart_kb: float = 0.0  # what had arrived when the first chart was seen (the rest comes after it)

    @property
    def chart_seen_ms(self) -> float:
        """When the reader first sees a chart: the server's drawing, or plotly's if that came first."""
        return min(self.first_chart_ms, self.first_drawing_ms) if self.first_drawing_ms is not None else self.first_chart_ms


@dataclass
class Click:
    ms: float  # click → the new chart on screen (plotly's, or the server's drawing standing in for it)
    requests: int
    interactive_ms: float = 0.0  # click → plotly's new chart on screen (hover, clicks)


def _context(browser, base: str, headers: dict[str, str] | None, mobile: bool):
    options = {"viewport": MOBILE_VIEWPORT, "device_scale_factor": 3, "is_mobile": True, "has_touch": True} if mobile else {"viewport": {"width": 1920, "height": 1080}}
    context = browser.new_context(**options)
    cookies = [part.split("=", 1) for part in (headers or {}).get("Cookie", "").split("; ") if "=" in part]
    if cookies:
        context.add_cookies([{"name": name, "value": value, "url": base} for name, value in cookies])
    context.add_init_script(OBSERVERS)
    return context


def load(browser, base: str, path: str, headers=None, mobile: bool = False) -> Load:
    """One cold load of ``path`` (cache disabled; throttled as a phone when ``mobile``)."""
    context = _context(browser, base, headers, mobile)
    try:
        page = context.new_page()
        client = context.new_cdp_session(page)
        client.send("Network.enable")
        client.send("Network.setCacheDisabled", {"cacheDisabled": True})
        if mobile:
            client.send("Emulation.setCPUThrottlingRate", {"rate": MOBILE_CPU_SLOWDOWN})
            client.send("Network.emulateNetworkConditions", MOBILE_NETWORK)
        transferred: list[int] = []
        client.on("Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"]))
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)  # a reader's first second: nothing more arrives unless the page asks
        read_kb = sum(transferred) / 1024
        seen = page.evaluate("() => window.__bench.firstDrawing === null ? window.__bench.firstChart : window.__bench.firstDrawing")
        before_chart_kb = page.evaluate(BYTES_UNTIL, seen) / 1024 if seen is not None else read_kb
        moved = page.evaluate("() => performance.now()")
        page.mouse.move(200, 300)
        page.wait_for_function(CHART_DRAWN, timeout=60000, polling=50)
        page.wait_for_load_state("networkidle")
        figures = page.evaluate("() => window.__bench")
        return Load(figures["firstChart"], figures["lcp"], sum(transferred) / 1024, figures["firstDrawing"],
                    read_kb, max(0.0, figures["firstChart"] - moved), before_chart_kb)
    finally:
        context.close()


#: The first chart on screen, to see when it has been drawn anew (a new SVG, or new marks in it):
#: plotly's, or the server's drawing while the server's copy of a new page stands in for Dash's render.
CHART_SIGNATURE = """() => {
  const copy = document.querySelector('#first-view .static-chart svg');
  const svg = copy || document.querySelector('#page-root .js-plotly-plot .main-svg');
  return svg ? (copy ? 'copy:' : '') + svg.innerHTML.length + ':' + svg.innerHTML.slice(0, 4000) : '';
}"""
#: plotly's first chart, once nothing stands in for it.
PLOTLY_SIGNATURE = """() => {
  const svg = document.getElementById('first-view') ? null : document.querySelector('#page-root .js-plotly-plot .main-svg');
  return svg ? svg.innerHTML.length + ':' + svg.innerHTML.slice(0, 4000) : '';
}"""


#: True once both differ from before (``[chart, plotly]``), the frame in which each did noted; checked on every frame.
REDRAWN = f"""([chart, plotly]) => {{
  const bench = window.__bench, changed = (now, before) => now !== before && now !== '';
  if (bench.redrawn === null && changed(({CHART_SIGNATURE})(), chart)) bench.redrawn = performance.now();
  if (bench.interactive === null && changed(({PLOTLY_SIGNATURE})(), plotly)) bench.interactive = performance.now();
  return bench.redrawn !== null && bench.interactive !== null;
}}"""


def click(page, network, action) -> Click:
    """``action`` clicks, once the page is ``QUIET`` (a reader in a meeting clicks on a page they have
    been looking at, not in the second its scripts arrive); measured in the page from the click event to
    the frame in which the first chart differs from before (not the test driver's round trips), with the
    HTTP requests sent meanwhile that the browser's cache did not answer (``network``: a CDP session with
    the Network domain enabled)."""
    page.wait_for_function(QUIET, timeout=30000, polling=100)
    before = page.evaluate(CHART_SIGNATURE)
    before_plotly = page.evaluate(PLOTLY_SIGNATURE)
    sent: set[str] = set()
    cached: set[str] = set()
    on_sent = lambda event: sent.add(event["requestId"])  # noqa: E731
    on_cached = lambda event: cached.add(event["requestId"]) if event["response"].get("fromDiskCache") else None  # noqa: E731
    network.on("Network.requestWillBeSent", on_sent)
    network.on("Network.responseReceived", on_cached)
    page.evaluate("() => { window.__bench.clicked = window.__bench.redrawn = window.__bench.interactive = null; }")
    action()
    page.wait_for_function(REDRAWN, arg=[before, before_plotly], timeout=30000, polling="raf")
    elapsed, interactive = page.evaluate("() => [window.__bench.redrawn - window.__bench.clicked, window.__bench.interactive - window.__bench.clicked]")
    page.wait_for_load_state("networkidle")
    network.remove_listener("Network.requestWillBeSent", on_sent)
    network.remove_listener("Network.responseReceived", on_cached)
    return Click(elapsed, len(sent - cached), interactive)


def clicks(browser, base: str, headers=None, rounds: int = 3) -> dict[str, Click]:
    """Desktop, warm cache (a reader who has the page open): a year change and a drill-down, median of ``rounds``."""
    context = _context(browser, base, headers, mobile=False)
    results: dict[str, list[Click]] = {"year/document change": [], "drill-down click": []}
    try:
        page = context.new_page()
        network = context.new_cdp_session(page)
        network.send("Network.enable")
        for round_ in range(rounds):
            page.goto(base + "/?year=2023&document=begroting")
            page.mouse.move(200 + round_, 300)  # the reader's first move: Dash's scripts load
            page.wait_for_function(CHART_DRAWN, timeout=30000)
            page.wait_for_load_state("networkidle")
            year = "2022" if round_ % 2 == 0 else "2021"

            def change_year():
                page.locator("#year-select").select_option(year)
                page.locator("#document-apply").click()

            results["year/document change"].append(click(page, network, change_year))
            results["drill-down click"].append(click(page, network, lambda: page.locator(".theme-young .theme-link").click()))
    finally:
        context.close()
    return {name: Click(statistics.median(c.ms for c in runs), int(statistics.median(c.requests for c in runs)),
                        statistics.median(c.interactive_ms for c in runs)) for name, runs in results.items()}


def _median_load(loads: list[Load]) -> Load:
    """The load whose first chart was seen in the middle of ``loads`` (one cold load alone varies by
    ±100 ms on this machine, the first of a new browser most)."""
    return sorted(loads, key=lambda one: one.chart_seen_ms)[len(loads) // 2]


def report(base: str, headers=None, paths=("/", "/theme/young"), runs: int = 3) -> list[str] | None:
    """The lines the bench prints; None without Chromium."""
    from devtools.browser import chromium, chromium_path

    if chromium_path() is None:
        return None
    lines = ["| page | desktop: first chart seen ms (median of %d) | desktop: KB before it | desktop: KB read | desktop: move → plotly chart ms | desktop: KB in all "
             "| phone: LCP ms (median of %d) | phone: first chart seen ms | phone: move → plotly chart ms |" % (runs, runs),
             "|---|---|---|---|---|---|---|---|---|"]
    with chromium(moving_visitor=False) as browser:
        for path in paths:
            desktop = _median_load([load(browser, base, path, headers) for _ in range(runs)])
            phone = [load(browser, base, path, headers, mobile=True) for _ in range(runs)]
            lcp = statistics.median(p.lcp_ms or 0 for p in phone)
            seen = statistics.median(p.chart_seen_ms for p in phone)
            after_move = statistics.median(p.after_move_ms for p in phone)
            lines.append(f"| `{path}` | {desktop.chart_seen_ms:.0f} | {desktop.before_chart_kb:.0f} | {desktop.read_kb:.0f} | {desktop.after_move_ms:.0f} | {desktop.kb:.0f} "
                         f"| {lcp:.0f} | {seen:.0f} | {after_move:.0f} |")
        lines.append("")
        lines.append("(first chart seen: the server's SVG drawing in the first paint, or plotly's chart if that came first; "
                     "KB before it: what had arrived by then; KB read: before the visitor's first move, when a page that works without script has loaded none; "
                     "move → plotly chart: 0 when plotly drew before the move)")
        lines.append("")
        lines.append("| click (desktop, loopback) | click → new chart on screen ms (median of 3) | click → plotly's chart ms | HTTP requests |")
        lines.append("|---|---|---|---|")
        for name, result in clicks(browser, base, headers).items():
            lines.append(f"| {name} | {result.ms:.0f} | {result.interactive_ms:.0f} | {result.requests} |")
        lines.append("")
        lines.append("(new chart on screen: plotly's redrawn in place, or, on a new page, the server's drawing in its copy "
                     "of the page, which stands in until Dash has rendered the page)")
    return lines


if __name__ == "__main__":  # against a running server: python -m devtools.browser_figures http://127.0.0.1:8050
    import sys

    started = time.perf_counter()
    print("\n".join(report(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8050") or ["Chromium not found"]))
    print(f"({time.perf_counter() - started:.0f} s)")
