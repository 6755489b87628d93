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
