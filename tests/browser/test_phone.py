"""On a 390 px phone: year labels whole, wide tables with their key column fixed and a scroll cue."""
from __future__ import annotations

import re


def test_year_labels_of_the_trend_charts_are_whole_and_apart(page):
    """Year ticks lie flat, wholly inside their chart (not clipped to "201"), and do not overlap."""
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/?year=2023&document=jaarrekening", "/theme/young?year=2023&document=jaarrekening", "/programme/youth-ambulant-care?year=2023&document=jaarrekening"):
        page.goto(path)
        page.wait_for_selector(".js-plotly-plot .xtick text")
        page.wait_for_timeout(500)
        charts = page.evaluate(
            """() => [...document.querySelectorAll('.js-plotly-plot')].map(g => {
                 const box = g.querySelector('.main-svg').getBoundingClientRect();
                 return {box: {left: box.left, right: box.right, bottom: box.bottom},
                         axes: [...g.querySelectorAll('.xaxislayer-above')].map(axis => [...axis.querySelectorAll('.xtick text')].map(t => {
                           const b = t.getBoundingClientRect(); return {text: t.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom}; }))};
               })"""
        )
        checked = 0
        for chart in charts:
            for ticks in chart["axes"]:
                years = [t for t in ticks if re.fullmatch(r"(19|20)\d\d", t["text"])]
                if not years:
                    continue
                checked += 1
                for tick in years:
                    assert tick["right"] - tick["left"] > tick["bottom"] - tick["top"], f"{path}: {tick} is turned on its side"
                    assert chart["box"]["left"] <= tick["left"] and tick["right"] <= chart["box"]["right"] + 0.5, f"{path}: {tick} cut at the edge"
                    assert tick["bottom"] <= chart["box"]["bottom"] + 0.5, f"{path}: {tick} cut at the bottom"
                ordered = sorted(years, key=lambda t: t["left"])
                for a, b in zip(ordered, ordered[1:]):
                    assert a["right"] <= b["left"] + 1, f"{path}: year labels overlap: {a} {b}"
        assert checked, f"{path}: no chart with year labels"


def test_wide_tables_keep_their_first_column_and_show_there_is_more(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/theme/young?year=2023&document=jaarrekening")
    page.wait_for_selector("#page-root .data-table")  # Dash's render, not the server's first view it replaces
    table = page.locator("#page-root section.chart-block .table-responsive").first
    assert page.evaluate("e => e.scrollWidth > e.clientWidth", table.element_handle()), "the programme table is wider than a phone"
    assert page.evaluate("e => getComputedStyle(e.querySelector('th[scope=row]')).position", table.element_handle()) == "sticky"
    assert "Swipe sideways" in page.evaluate("e => getComputedStyle(e, '::before').content", table.element_handle())
    table.evaluate("e => e.scrollLeft = e.scrollWidth")
    first = page.evaluate("e => e.querySelector('th[scope=row]').getBoundingClientRect().left", table.element_handle())
    assert 0 <= first < 40, "the key column stays in view while the figures scroll"


def test_indicator_list_shows_badge_and_value_beside_the_name(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/indicators")
    page.wait_for_selector("#page-root .indicator-index-theme .status-badge")  # Dash's render, not the first view
    row = page.locator("#page-root .indicator-index-theme tbody tr").first
    badge = row.locator(".status-badge").bounding_box()
    value = row.locator("td").nth(1).bounding_box()
    assert badge["x"] + badge["width"] <= 390 and value["x"] + 30 <= 390


def test_the_municipality_field_never_runs_under_its_show_button(page):
    """dcc.Input puts its class on a wrapper; the field itself must stay inside it (Lighthouse's target size)."""
    page.set_viewport_size({"width": 412, "height": 823})
    page.goto("/")
    page.wait_for_selector("#page-root .municipality-chooser button")
    field = page.locator("#page-root .municipality-chooser input").bounding_box()
    button = page.locator("#page-root .municipality-chooser button").bounding_box()
    assert field["x"] + field["width"] <= button["x"] or field["y"] + field["height"] <= button["y"]
    assert button["width"] >= 24 and button["height"] >= 24


def test_on_a_projector_1280_wide_the_theme_pages_tables_need_no_sideways_scroll(page):
    """An alderman's projector (1280×720) shows every column of a theme page's tables, in both languages:
    long Dutch headings break (a soft hyphen), the figures do not."""
    from dashboard.domain.themes import THEME_SLUGS

    page.set_viewport_size({"width": 1280, "height": 720})
    for slug in THEME_SLUGS.values():
        for lang in ("nl", "en"):
            path = f"/theme/{slug}?year=2022&document=jaarrekening&lang={lang}"
            page.goto(path)
            page.wait_for_selector("#page-root .data-table")
            wide = page.evaluate("""() => [...document.querySelectorAll('#page-root .table-responsive')]
                .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => [e.querySelector('caption, th').textContent.slice(0, 60), e.scrollWidth - e.clientWidth])""")
            assert wide == [], f"{path}: tables scroll sideways by {wide}"


def test_the_savings_measures_chart_shows_every_name_and_amount_whole_or_leaves_it_to_the_table(page):
    """Each amount written past a bar's end and each measure's name lie inside the chart (plotly's own
    range ended at the longest bar, which cut "€ 1.000.000" to "€ 1.00"), and the legend does not run
    into the axis title. On a phone the chart gives way to the table above it, which holds the same figures."""
    for width, height in ((1280, 720), (576, 800)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto("/savings")
        chart = page.locator("#page-root .savings-measures .js-plotly-plot").first
        chart.locator(".main-svg").first.wait_for()
        page.wait_for_timeout(300)
        found = chart.evaluate("""g => {
            const box = g.querySelector('.main-svg').getBoundingClientRect(), whole = e => { const b = e.getBoundingClientRect(); return [e.textContent, b.left, b.right]; };
            const legend = g.querySelector('.legend').getBoundingClientRect(), title = g.querySelector('.xtitle').getBoundingClientRect();
            return {box: [box.left, box.right], texts: [...g.querySelectorAll('.bartext, .ytick text')].map(whole),
                    apart: legend.bottom <= title.top || title.bottom <= legend.top};
        }""")
        assert len(found["texts"]) > 8, f"{width} px: no names or amounts"
        for text, left, right in found["texts"]:
            assert found["box"][0] - 0.5 <= left and right <= found["box"][1] + 0.5, f"{width} px: {text!r} cut at the chart's edge {found['box']}"
        assert found["apart"], f"{width} px: the legend runs into the axis title"
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/savings")
    page.wait_for_selector("#page-root .savings-measures .data-table")
    assert not page.locator("#page-root .savings-measures .js-plotly-plot").first.is_visible()
    assert page.locator("#page-root .savings-measures .data-table").first.is_visible()
