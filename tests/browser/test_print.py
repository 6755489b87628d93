"""Printing (or saving as PDF) gives the figures, their tables and the source, without controls."""
import re

import pytest


def test_print_shows_tables_and_source_but_no_controls(page):
    page.goto("/?year=2024&document=jaarrekening")
    page.wait_for_selector(".js-plotly-plot .main-svg")
    page.emulate_media(media="print")
    assert not page.locator(".selectors").is_visible()
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".municipality-chooser").is_visible(), "no search box on paper"
    assert not page.locator(".download-link").first.is_visible()
    table = page.locator(".chart-table table").first
    assert table.is_visible(), "the table behind the disclosure is printed"
    assert not page.locator(".about-facts").first.is_visible(), "the source line says it once, not under every chart"
    assert page.locator(".source-line").is_visible()
    assert page.locator(".js-plotly-plot").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_printed_charts_scale_to_the_page_width(page):
    """On A4 the content is ~700 px wide, narrower than a chart drawn on a laptop screen: the chart
    must shrink with the page (aspect ratio kept), not be cut off at the right edge."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/theme/young?year=2023&document=jaarrekening")
    page.wait_for_selector(".chart-block .js-plotly-plot .main-svg")
    page.wait_for_load_state("networkidle")
    # what a browser does when the reader prints (Playwright's emulated print media does not fire it):
    # every chart is measured then, whatever its idle-time measurement missed since its last draw
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    page.add_style_tag(content="main { width: 680px !important; max-width: 680px !important; }")  # an A4 page's width, without a resize
    # the narrower page may make plotly redraw a chart (a real print does not); wait until every chart
    # is fitted to the size it was last drawn at
    page.wait_for_function(
        """() => [...document.querySelectorAll('.chart-block .js-plotly-plot')].filter(g => g.offsetParent).every(g => {
             const paper = g.querySelector('.main-svg');
             return paper.getAttribute('viewBox') === `0 0 ${paper.getAttribute('width')} ${paper.getAttribute('height')}`;
           })""",
        timeout=5000,
    )
    charts = page.evaluate(
        """() => [...document.querySelectorAll('.chart-block .js-plotly-plot')].filter(g => g.offsetParent).map(g => {
             const svg = g.querySelector('.main-svg').getBoundingClientRect();
             const main = document.querySelector('main').getBoundingClientRect();
             const [, , w, h] = g.querySelector('.main-svg').getAttribute('viewBox').split(' ').map(Number);
             const cap = parseFloat(getComputedStyle(g.querySelector('.svg-container')).maxHeight);
             return {right: svg.right, mainRight: main.right + 1, width: svg.width, height: svg.height, ratio: w / h, cap};
           })"""
    )
    assert len(charts) >= 3
    for chart in charts:
        assert chart["right"] <= chart["mainRight"], chart
        # as wide as the page at its own aspect ratio, or (a tall chart) as high as the cap, centred
        assert abs(chart["width"] / chart["height"] - chart["ratio"]) < 0.02 or chart["height"] >= chart["cap"] - 1, chart


def test_print_header_has_the_print_date_and_headings_stay_with_their_chart(page):
    page.goto("/theme/young?year=2023&document=jaarrekening")
    page.wait_for_selector(".chart-block")
    page.emulate_media(media="print")
    stamp = page.locator(".print-stamp")
    assert stamp.is_visible() and "Printed on" in stamp.inner_text()
    assert page.locator(".document-label").first.inner_text() == "Annual accounts 2023"
    assert page.evaluate("getComputedStyle(document.querySelector('.chart-block > h2')).breakAfter") == "avoid"
    page.emulate_media(media="screen")
    assert not stamp.is_visible()


def _printed_pages(page, path: str) -> int:
    """Pages of ``path`` printed on A4 (the style sheet's own margins), drawn on a laptop screen first."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(media="screen")
    page.goto(path)
    page.wait_for_selector("#main-content h1")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    page.emulate_media(media="print")
    page.wait_for_timeout(500)
    pdf = page.pdf(format="A4", print_background=True)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize(("path", "most"), [
    ("/?year=2024&document=jaarrekening", 2),
    ("/theme/vital?year=2023&document=jaarrekening", 3),
    ("/theme/young?year=2023&document=jaarrekening", 3),
    ("/theme/young?year=2026&document=begroting", 3),
    ("/theme/work?year=2023&document=jaarrekening", 3),
    ("/savings?lang=nl", 3),  # in English the review list runs onto a fourth page
])
def test_a_printed_page_is_a_handout_of_a_few_a4_pages(page, path, most):
    """A council member hands it out: headline figures, the charts at paper width, the tables and the
    source — not seven pages of repeated "about this figure" facts and tables that only serve the screen."""
    assert _printed_pages(page, path) <= most


def test_a_printed_table_is_not_wider_than_the_page(page):
    """A table wider than A4 makes the browser shrink the whole page to fit (or cut it off)."""
    page.goto("/theme/young?year=2023&document=jaarrekening")
    page.wait_for_selector(".chart-block")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 680, "height": 900})  # A4 minus the 15 mm margins
    wide = page.evaluate("""() => [...document.querySelectorAll('main table')].filter(t => t.offsetParent)
        .map(t => Math.round(t.getBoundingClientRect().right)).filter(right => right > document.documentElement.clientWidth + 1)""")
    assert not wide, wide
