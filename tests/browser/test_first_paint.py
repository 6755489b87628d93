"""The server's first view is on screen before any of Dash's scripts runs (issue 18): a phone with the
scripts cached would otherwise evaluate ~1 MB of script before it shows the figures it already has."""

#: Notes when React (Dash's first script) defines itself, and the first contentful paint.
WATCH = """
(() => {
  let react;
  window.__firstPaint = {reactAt: null};
  Object.defineProperty(window, 'React', {
    configurable: true,
    get() { return react; },
    set(value) { react = value; if (window.__firstPaint.reactAt === null) window.__firstPaint.reactAt = performance.now(); },
  });
})();
"""


def test_the_first_view_is_painted_before_dashs_scripts_run(page):
    page.add_init_script(WATCH)
    for path in ("/?year=2024&document=jaarrekening", "/theme/young"):
        page.goto(path)
        page.wait_for_selector(".js-plotly-plot .main-svg")
        timing = page.evaluate("""() => ({
            reactAt: window.__firstPaint.reactAt,
            paint: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
        })""")
        assert timing["reactAt"] is not None and timing["paint"] is not None, timing
        assert timing["paint"] <= timing["reactAt"], f"{path}: scripts ran before the first paint: {timing}"


def test_without_paint_timing_the_scripts_still_run(page):
    """A browser without paint timing (older Safari) starts them in the frame after the first."""
    page.add_init_script("Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', {get: () => []});")
    page.goto("/theme/young")
    page.wait_for_selector(".js-plotly-plot .main-svg")
    assert page.locator("h1").first.inner_text().startswith("Young")


#: Notes, at the moment the server's first view leaves the page, how many of Dash's charts plotly has drawn.
SWAP = """
(() => {
  window.__swap = null;
  new MutationObserver((changes, observer) => {
    for (const change of changes) {
      for (const node of change.removedNodes) {
        if (node.id === 'first-view') {
          const graphs = document.querySelectorAll('#page-root .dash-graph');
          window.__swap = {graphs: graphs.length, drawn: Array.from(graphs).filter(g => g.querySelector('.main-svg')).length,
                           staticCharts: node.querySelectorAll('.static-chart').length};
          observer.disconnect();
        }
      }
    }
  }).observe(document, {childList: true, subtree: true});
})();
"""


def test_the_servers_chart_drawings_stand_until_plotly_has_drawn_every_chart(page):
    """No moment with empty chart boxes: the first view (with its SVG drawings) leaves only once
    plotly has drawn each of Dash's charts."""
    page.add_init_script(SWAP)
    for path in ("/", "/theme/young?year=2023"):
        page.goto(path)
        swap = page.evaluate("() => window.__swap")
        assert swap is not None and swap["staticCharts"] >= 2, swap
        assert swap["graphs"] >= 2 and swap["drawn"] == swap["graphs"], f"{path}: {swap}"


def test_without_javascript_every_chart_shows_one_drawing_as_wide_as_its_box(browser, page, live_server):
    """A reader without JavaScript sees each chart once, drawn at the widest size that fits its box
    (type never shrunk, little room left at the sides), on a phone and on a desktop."""
    cookies = page.context.cookies()
    for viewport in ({"width": 390, "height": 844}, {"width": 1280, "height": 720}):
        context = browser.new_context(viewport=viewport, java_script_enabled=False, base_url=live_server)
        context.add_cookies(cookies)
        try:
            static = context.new_page()
            for path in ("/", "/theme/young?year=2023"):
                static.goto(path)
                boxes = static.evaluate("""() => Array.from(document.querySelectorAll('#first-view .static-chart')).map(box => ({
                    box: box.getBoundingClientRect().width,
                    shown: Array.from(box.querySelectorAll('svg')).filter(svg => getComputedStyle(svg).display !== 'none')
                                .map(svg => Number(svg.getAttribute('width'))),  // drawn for
                }))""")
                assert len(boxes) >= 2, f"{path}: {boxes}"
                for chart in boxes:
                    assert len(chart["shown"]) == 1, f"{path} at {viewport['width']} px: {chart}"
                    assert 0.8 * chart["box"] <= chart["shown"][0] <= chart["box"] + 0.5, f"{path} at {viewport['width']} px: {chart}"
        finally:
            context.close()
