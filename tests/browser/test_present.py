"""Meeting mode: an alderman walks the council through the themes with the keyboard alone."""
from dashboard.domain import formatting as fmt
from dashboard.domain.themes import THEMES


def _slide_heading(page) -> str:
    return page.locator("#main-content h1").inner_text()


def test_keyboard_walks_through_every_theme_and_back(page, demo_context):
    overview = demo_context.service.theme_overview("Kampen", 2024, "jaarrekening")
    page.goto("/present?year=2024&document=jaarrekening")
    page.wait_for_selector(".deck h1")
    assert "Kampen" in _slide_heading(page)
    for key, theme in zip(["ArrowRight", " ", "PageDown", "ArrowRight"], THEMES):
        page.keyboard.press(key)
        page.wait_for_function("t => document.querySelector('#main-content h1').innerText.startsWith(t)", arg=theme)
        amount = overview.summary.set_index("theme").loc[theme, "lasten_eur"]
        assert fmt.euro_compact(amount, "en") in page.locator(".deck-facts").inner_text()
        assert "Realised 2024 (jaarrekening)" in page.locator(".deck-stamp").inner_text()
    page.keyboard.press("ArrowRight")  # past the last slide: stays
    page.wait_for_timeout(300)
    assert _slide_heading(page).startswith(THEMES[-1])
    page.keyboard.press("PageUp")
    page.wait_for_function("t => document.querySelector('#main-content h1').innerText.startsWith(t)", arg=THEMES[-2])
    page.keyboard.press("Home")
    page.wait_for_function("() => document.querySelector('#main-content h1').innerText.includes('Kampen')")  # a function: the CSP blocks eval of a bare expression
    page.go_back()
    page.wait_for_function("t => document.querySelector('#main-content h1').innerText.startsWith(t)", arg=THEMES[-2])
    assert "slide=4" in page.url and "year=2024" in page.url


def test_presentation_text_is_at_least_24_pixels(page):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto("/present?slide=2")
    page.wait_for_selector(".deck h1")
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll('.deck *')]
              .filter(e => e.childNodes.length && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
              .filter(e => e.offsetParent !== null && !e.closest('.visually-hidden'))
              .map(e => parseFloat(getComputedStyle(e).fontSize)))"""
    )
    assert smallest >= 24
    assert page.locator(".selectors").count() == 0, "no filter chrome in meeting mode"


def test_present_parameter_enlarges_any_page_and_hides_filters(page):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto("/?year=2023&document=jaarrekening&present=1")
    page.wait_for_selector(".theme-card")
    page.wait_for_function("() => document.documentElement.classList.contains('present-mode')")
    assert float(page.evaluate("getComputedStyle(document.querySelector('.chart-summary')).fontSize").removesuffix('px')) >= 24
    assert not page.locator(".selectors").is_visible()
    link = page.locator(".theme-link").first.get_attribute("href")
    assert "present=1" in link and "year=2023" in link
