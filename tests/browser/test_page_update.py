"""A new view goes on screen in place where it can (assets/33-page-update.js): a year change keeps the
page and its charts and replaces only what changed; a new page is shown at once as the server's copy,
which Dash's render then replaces."""
from __future__ import annotations

KEY_FIGURES = "() => Array.from(document.querySelectorAll('#page-root .key-figure dd')).map(dd => dd.textContent)"
MARK_CHARTS = "() => document.querySelectorAll('#page-root .js-plotly-plot').forEach((chart, i) => { chart.__kept = i; })"
KEPT_CHARTS = "() => Array.from(document.querySelectorAll('#page-root .js-plotly-plot')).map(chart => chart.__kept)"


def _ready(page, path):
    page.goto(path)
    page.wait_for_function("() => document.querySelectorAll('#page-root .js-plotly-plot .main-svg').length >= 2")
    page.wait_for_load_state("networkidle")


def _shown(page, year: str) -> None:
    page.locator("#year-select").select_option(year)
    page.locator("#document-apply").click()
    page.wait_for_function(f"() => document.title.includes('{year}')")
    page.wait_for_function("y => document.querySelector('#page-root .document-label').textContent.includes(y)", arg=year)
    page.wait_for_load_state("networkidle")


def test_a_year_change_keeps_the_charts_and_shows_the_figures_of_that_year(page):
    _ready(page, "/?year=2022&document=begroting")
    figures_2022 = page.evaluate(KEY_FIGURES)
    _ready(page, "/?year=2023&document=begroting")
    figures_2023 = page.evaluate(KEY_FIGURES)
    assert figures_2022 != figures_2023, "the demo's years differ"
    page.evaluate(MARK_CHARTS)
    bars_2023 = page.locator("[aria-labelledby=share-chart-heading] .bars .point").count()

    _shown(page, "2022")
    assert page.evaluate(KEPT_CHARTS) == [0, 1], "the same charts, redrawn in place, not drawn anew"
    assert page.evaluate(KEY_FIGURES) == figures_2022, "the figures of a fresh 2022 page"
    assert page.locator("[aria-labelledby=share-chart-heading] .bars .point").count() == bars_2023
    assert "year=2022&document=begroting" in page.url
    # the chart's text alternative is the sentence above it, updated with it
    label = page.evaluate("() => document.getElementById(document.querySelector('#page-root [aria-labelledby=share-chart-summary]').getAttribute('aria-labelledby')).textContent")
    assert label and label == page.locator("#share-chart-summary").text_content()

    page.go_back()  # the address is still the source of truth
    page.wait_for_function("() => document.title.includes('2023')")
    page.wait_for_function(f"f => JSON.stringify(({KEY_FIGURES})()) === JSON.stringify(f)", arg=figures_2023)
    assert page.evaluate(KEPT_CHARTS) == [0, 1]


def test_focus_stays_on_show_after_an_update_in_place(page):
    _ready(page, "/?year=2023&document=begroting")
    page.locator("#year-select").focus()
    page.keyboard.press("Tab")  # to "Show"
    page.locator("#year-select").select_option("2021")
    page.locator("#document-apply").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.title.includes('2021')")
    page.wait_for_timeout(300)
    assert page.evaluate("document.activeElement.id") == "document-apply"


def test_a_new_page_shows_the_servers_copy_until_dash_has_drawn_it(page):
    _ready(page, "/?year=2023&document=begroting")
    page.evaluate("""() => {
      window.__seen = [];
      new MutationObserver(() => {
        const copy = document.getElementById('first-view');
        if (copy && copy.querySelector('h1')) window.__seen.push(copy.querySelector('h1').textContent);
      }).observe(document.body, {childList: true, subtree: true});
    }""")
    page.locator(".theme-young .theme-link").click()
    page.wait_for_function("() => location.pathname === '/theme/young'")
    page.wait_for_function("() => !document.getElementById('first-view') && document.querySelector('#page-root h1').textContent.includes('Young')"
                           " && document.querySelector('#page-root .js-plotly-plot .main-svg')")
    seen = page.evaluate("window.__seen")
    assert seen and "Young" in seen[0], "the server's copy of the new page stood in"
    assert "Young" in page.locator("#page-root h1").text_content()
    # once it has gone, no element of the page is there twice, and the page starts at its top
    assert page.locator("h1").count() == 1
    assert page.evaluate("window.scrollY") == 0


def test_the_split_into_frame_and_parts(page):
    """A part is an element without a chart and without an id of its own; the frame is the rest, each
    chart without its figure: the same frame means the page can be updated in place."""
    _ready(page, "/?year=2023&document=begroting")
    result = page.evaluate("""() => {
      const html = (type, props) => ({namespace: 'dash_html_components', type, props});
      const chart = (name, figure) => ({namespace: 'dash_core_components', type: 'Graph', props: {id: {type: 'chart', name}, figure}});
      const page = (text, figure, extra) => [html('Div', {className: 'a', children: [html('P', {children: text}), chart('c', figure)]}),
                                              html('P', {id: 'own', children: 'fixed'}), ...(extra ? [html('Hr', {})] : [])];
      const split = window.dash_clientside.page.split;
      const one = split(page('2023', {data: [1]})), two = split(page('2022', {data: [2]}));
      const three = split(page('2023', {data: [1]}, true));
      return {parts: one.parts, charts: Object.keys(one.charts).length, same: one.frame === two.frame,
              grown: one.frame === three.frame, figureChanged: Object.values(one.charts)[0] !== Object.values(two.charts)[0]};
    }""")
    assert result["parts"] == ['"2023"'] and result["charts"] == 1
    assert result["same"] and result["figureChanged"]
    assert not result["grown"], "an element more: the page is rendered whole"
