"""Keyboard only: overview → theme → programme → provider → indicator, with Tab and Enter alone."""
from __future__ import annotations

from devtools.browser import wait_until_settled


def _tab_to(page, selector: str, limit: int = 250) -> str:
    """Press Tab until the focused element matches ``selector``; return its text."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            visible = page.evaluate(
                "() => { const s = getComputedStyle(document.activeElement);"
                " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }"
            )
            assert visible, f"focus on {selector} is not visible"
            return page.evaluate("document.activeElement.innerText")
    raise AssertionError(f"{selector} not reachable with Tab")


def _follow(page, selector: str, expected_path: str) -> None:
    before = page.locator("#main-content h1").inner_text()
    _tab_to(page, selector)
    page.keyboard.press("Enter")
    page.wait_for_function("p => location.pathname.startsWith(p)", arg=expected_path)
    page.wait_for_function("h => { const e = document.querySelector('#main-content h1'); return e && e.innerText !== h; }", arg=before)
    page.wait_for_load_state("networkidle")
    wait_until_settled(page)


def test_keyboard_walk_from_overview_to_an_indicator(page):
    page.goto("/?year=2023&document=jaarrekening")
    page.wait_for_selector(".theme-card")
    _follow(page, "a.theme-link[href^='/theme/young']", "/theme/young")
    assert page.locator("h1").inner_text().startswith("Young")
    _follow(page, "#main-content table a[href^='/programme/']", "/programme/")
    programme_heading = page.locator("h1").inner_text()
    _follow(page, "#main-content table a[href^='/provider/']", "/provider/")
    assert page.locator("h1").inner_text() != programme_heading
    page.go_back()
    page.wait_for_function("h => document.querySelector('#page-root h1') && document.querySelector('#page-root h1').innerText === h", arg=programme_heading)
    page.goto("/theme/young?year=2023&document=jaarrekening")
    page.wait_for_selector("#main-content h1")
    wait_until_settled(page)
    _follow(page, "#main-content a[href^='/indicator/']", "/indicator/")
    assert "year=" not in page.url or "2023" in page.url
