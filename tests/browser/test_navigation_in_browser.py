"""The addresses a click leads to are computed in the browser (assets/34-navigation.js): a year change
or a chart click sends one request, the new page's; junk in a chart's click data, or a path that would
leave the site, goes nowhere; "Show" on the view shown now adds no history entry."""
from __future__ import annotations

import pytest

JUNK_CLICKS = ["junk", 5, [], None, {"points": "x"}, {"points": [7]}, {"points": [{"customdata": [[1]]}]},
               {"points": [{"customdata": {"a": 1}}]}, {"points": [{"customdata": None}]},
               {"points": [{"customdata": "//evil.example"}]}, {"points": [{"customdata": "/\\evil.example"}]},
               {"points": [{"customdata": "javascript:alert(1)"}]}, {"points": [{"customdata": "https://evil.example/"}]},
               {"points": [{"customdata": "/theme/young\n"}]}]


def _ready(page, path="/?year=2023&document=begroting"):
    page.goto(path)
    page.wait_for_function("() => document.querySelector('#page-root .js-plotly-plot .main-svg')")
    page.wait_for_load_state("networkidle")


def _callback_posts(page, action) -> list[str]:
    sent: list[str] = []
    listener = lambda request: sent.append(request.post_data or "") if "_dash-update-component" in request.url else None  # noqa: E731
    page.on("request", listener)
    action()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # callbacks that fire once the new page is in
    page.remove_listener("request", listener)
    return sent


def test_junk_click_data_goes_nowhere_and_a_site_path_is_opened(page):
    _ready(page)
    for junk in JUNK_CLICKS:
        assert page.evaluate("c => dash_clientside.navigation.pathOfClick(c)", junk) is None, junk
    assert page.evaluate("c => dash_clientside.navigation.pathOfClick(c)", {"points": [{"customdata": "/programme/x?year=2025"}]}) == "/programme/x?year=2025"
    assert page.evaluate("c => dash_clientside.navigation.pathOfClick(c)", {"points": [{"customdata": ["/provider/y"]}]}) == "/provider/y"


@pytest.mark.parametrize(("year", "kind", "search", "expected"), [
    ("2022", "begroting", "?year=2023&document=begroting&lang=nl", "?lang=nl&year=2022&document=begroting"),
    ("2023", "jaarrekening", "", "?year=2023&document=jaarrekening"),
    ("2023", "begroting", "?year=2023&document=begroting", None),  # the view shown now
    ("²⁰²³", "begroting", "", None), ("2023", ["x"], "", None), ("2023", "begroting&x=1", "", None),
])
def test_the_address_of_a_document_choice(page, year, kind, search, expected):
    _ready(page)
    got = page.evaluate("a => dash_clientside.navigation.documentSearch(a[0], a[1], a[2], '2023|begroting')", [year, kind, search])
    assert got == expected


def test_a_year_change_sends_one_request_and_show_on_the_same_view_none(page):
    _ready(page)
    history = page.evaluate("history.length")
    page.locator("#document-apply").click()  # nothing changed: no navigation, no request, no history entry
    page.wait_for_timeout(500)
    assert page.evaluate("history.length") == history and "year=2023" in page.url

    def change():
        page.locator("#year-select").select_option("2022")
        page.locator("#document-apply").click()
        page.wait_for_function("() => document.title.includes('2022')")

    posts = _callback_posts(page, change)
    assert len(posts) == 1 and "page-data.data" in posts[0], posts
    assert "year=2022&document=begroting" in page.url


def test_a_bar_of_the_share_chart_opens_its_theme_page_with_one_request(page):
    _ready(page)
    bar = page.locator("[aria-labelledby=share-chart-heading] .bars .point").nth(1)  # the themes in order: Vital, Young, …

    def click():
        bar.click(force=True)
        page.wait_for_function("() => location.pathname === '/theme/young'")
        page.wait_for_selector("#page-root h1")

    posts = _callback_posts(page, click)
    assert len(posts) == 1 and "page-data.data" in posts[0], posts
    assert "year=2023" in page.url and "document=begroting" in page.url


def test_a_link_in_a_block_opens_its_page_without_a_reload_and_back_returns(page):
    """The theme cards are blocks (dashboard/web/html_blocks.py): plain HTML in Dash's render, whose
    links still open their page as dcc.Link does."""
    _ready(page)
    link = page.locator("#page-root .theme-young a.theme-link")
    assert link.get_attribute("data-dash-link") == "1"
    page.evaluate("() => { window.__sameDocument = true; }")

    def click():
        link.click()
        page.wait_for_function("() => location.pathname === '/theme/young'")
        page.wait_for_selector("#page-root h1")

    posts = _callback_posts(page, click)
    assert page.evaluate("() => window.__sameDocument === true"), "the link reloaded the page"
    assert len(posts) == 1 and "page-data.data" in posts[0], posts
    assert "year=2023" in page.url
    page.go_back()
    page.wait_for_function("() => location.pathname === '/' && document.querySelector('#page-root .theme-young')")
    assert page.evaluate("() => window.__sameDocument === true")


def test_a_year_change_replaces_the_blocks_figures_in_place(page):
    """The headline figures are in blocks: a year change gives them the new year's figures without
    rendering the page anew (the same element stays, its content changes)."""
    _ready(page)
    page.evaluate("() => { window.__frameElement = document.querySelector('#page-root > *'); }")  # holds the charts: frame
    before = page.locator("#page-root .theme-young").inner_text()
    page.locator("#year-select").select_option("2021")
    page.locator("#document-apply").click()
    page.wait_for_function("() => document.title.includes('2021')")
    page.wait_for_function("b => document.querySelector('#page-root .theme-young').innerText !== b", arg=before)
    assert page.evaluate("() => window.__frameElement.isConnected"), "the page was rendered anew"
