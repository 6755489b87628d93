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


def _still_visitor(browser, page, live_server, viewport=None):
    """A tab whose visitor only reads (as Lighthouse does): no move, no key, no scroll until the test makes one."""
    context = browser.still.new_context(viewport=viewport or {"width": 1280, "height": 720}, base_url=live_server)
    context.add_cookies(page.context.cookies())
    return context


DASH_LOADED = "() => ({react: !!window.React, copy: !!document.getElementById('first-view'), "\
    "prefetched: performance.getEntriesByType('resource').filter(e => e.initiatorType === 'link' && e.name.includes('plotly')).length})"
#: (when the first script was asked for, the first contentful paint), ms from navigation
PREFETCH_AND_PAINT = "() => [Math.min(...performance.getEntriesByType('resource').filter(e => e.initiatorType === 'link' && /[.]js([?]|$)/.test(e.name))"\
    ".map(e => e.startTime)), performance.getEntriesByName('first-contentful-paint')[0].startTime]"


def test_a_page_that_works_without_script_runs_dashs_scripts_only_on_the_visitors_first_move(browser, page, live_server):
    """A reader who only reads never waits for ~1 MB of script; the scripts are fetched (not run) once the
    page has loaded and been painted (never in front of the first paint), and the first move runs them:
    Dash then takes over."""
    context = _still_visitor(browser, page, live_server)
    try:
        still = context.new_page()
        still.goto("/")
        still.wait_for_load_state("networkidle")
        still.wait_for_timeout(1500)
        state = still.evaluate(DASH_LOADED)
        assert state == {"react": False, "copy": True, "prefetched": 1}, state
        first_fetch, first_paint = still.evaluate(PREFETCH_AND_PAINT)
        assert first_fetch >= first_paint, (first_fetch, first_paint)
        still.mouse.move(300, 200)
        still.wait_for_function("() => !document.getElementById('first-view')", timeout=15000)
        assert still.locator("#page-root .js-plotly-plot .main-svg").count() >= 2
    finally:
        context.close()


def test_a_chart_only_plotly_draws_loads_the_scripts_when_it_comes_near_the_screen(browser, page, live_server):
    """The theme page's treemap is an empty box in the copy: below the fold the page waits for the
    visitor; on a screen tall enough to show it, Dash loads at once and plotly draws it."""
    for height, loads in ((720, False), (2400, True)):
        context = _still_visitor(browser, page, live_server, {"width": 1280, "height": height})
        try:
            still = context.new_page()
            still.goto("/theme/young")
            if loads:
                still.wait_for_function("() => !document.getElementById('first-view')", timeout=15000)
                assert still.locator("#page-root .js-plotly-plot .treemap").count() == 1
            else:
                still.wait_for_load_state("networkidle")
                still.wait_for_timeout(1500)
                assert still.evaluate(DASH_LOADED)["react"] is False
        finally:
            context.close()


def test_focus_in_the_copy_moves_to_the_same_control_of_dashs_render(browser, page, live_server):
    """A keyboard user's first Tab loads the scripts; when the copy leaves, the focus is on the same link
    of Dash's render (not lost to the page's start), and the next Tab goes on from there."""
    context = _still_visitor(browser, page, live_server)
    try:
        still = context.new_page()
        still.goto("/")
        still.wait_for_load_state("networkidle")
        still.keyboard.press("Tab")
        still.keyboard.press("Tab")
        before = still.evaluate("() => [document.activeElement.getAttribute('href'), document.activeElement.textContent, "
                                "document.getElementById('first-view').contains(document.activeElement)]")
        assert before[2], before
        still.wait_for_function("() => !document.getElementById('first-view')", timeout=15000)
        after = still.evaluate("() => [document.activeElement.getAttribute('href'), document.activeElement.textContent, "
                               "document.getElementById('react-entry-point').contains(document.activeElement)]")
        assert after == [before[0], before[1], True], (before, after)
    finally:
        context.close()


def test_a_form_of_the_copy_in_use_stays_until_the_visitor_leaves_it(browser, page, live_server):
    """Tapping the copy's year list loads the scripts; the list is not taken away while it is in use
    (a choice half made would be lost), and goes once the visitor is done with it."""
    context = _still_visitor(browser, page, live_server)
    try:
        still = context.new_page()
        still.goto("/")
        still.wait_for_load_state("networkidle")
        still.locator("#fv-year-select").focus()
        still.mouse.move(300, 200)  # the scripts load
        still.wait_for_function("() => document.querySelectorAll('#page-root .js-plotly-plot .main-svg').length >= 2", timeout=15000)
        still.wait_for_timeout(500)
        assert still.evaluate("() => document.activeElement.id") == "fv-year-select"
        still.locator("#fv-main-content h1").click()  # done with it
        still.wait_for_function("() => !document.getElementById('first-view')", timeout=5000)
    finally:
        context.close()


#: Where each heading, paragraph, label, field, button and chart box of ``root`` is on the screen.
BOXES = """root => Array.from(document.querySelectorAll(['h1', 'h2', 'p', 'label', 'input:not([type=hidden])', 'select', 'button', '.dash-graph']
    .map(tag => root + ' ' + tag).join(', ')))
  .map(e => { const r = e.getBoundingClientRect(); return [e.tagName, e.matches('.dash-graph') ? '' : e.textContent.slice(0, 30), Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)]; })"""


def test_nothing_moves_when_dash_takes_over_from_the_copy(browser, page, live_server):
    """The swap happens while the visitor reads or scrolls (their first move starts it): every heading,
    field, button and chart of Dash's render stands where the copy's stood, on a phone and a desktop."""
    for viewport in ({"width": 390, "height": 844}, {"width": 1280, "height": 720}):
        context = _still_visitor(browser, page, live_server, viewport)
        try:
            still = context.new_page()
            for path in ("/", "/theme/young?year=2023", "/compare?municipality=Zwolle&group=youth-region&year=2023&document=jaarrekening"):
                still.goto(path)
                still.wait_for_load_state("networkidle")
                copy = still.evaluate(BOXES, "#first-view")
                still.mouse.move(5, 5 + len(path))
                still.wait_for_function("() => !document.getElementById('first-view')", timeout=15000)
                dash = still.evaluate(BOXES, "#react-entry-point")
                assert len(copy) >= 20 and len(copy) == len(dash), (path, len(copy), len(dash))
                moved = [(a, b) for a, b in zip(copy, dash) if a != b]
                assert not moved, f"{path} at {viewport['width']} px: {moved[:3]}"
        finally:
            context.close()
