"""Meeting mode: an alderman walks the council through the themes with the keyboard alone, on any projector."""
import pytest

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
        assert "Annual accounts 2024" in page.locator(".deck-stamp").inner_text()
    page.keyboard.press("ArrowRight")  # after the themes: the savings target
    page.wait_for_function("t => document.querySelector('#main-content h1').innerText.startsWith(t)", arg="Savings target")
    page.keyboard.press("ArrowRight")  # past the last slide: stays
    page.wait_for_timeout(300)
    assert _slide_heading(page).startswith("Savings target")
    page.keyboard.press("PageUp")
    page.wait_for_function("t => document.querySelector('#main-content h1').innerText.startsWith(t)", arg=THEMES[-1])
    page.keyboard.press("Home")
    page.wait_for_function("() => document.querySelector('#main-content h1').innerText.includes('Kampen')")  # a function: the CSP blocks eval of a bare expression
    page.go_back()
    page.wait_for_function("t => document.querySelector('#main-content h1').innerText.startsWith(t)", arg=THEMES[-1])
    assert f"slide={len(THEMES) + 1}" in page.url and "year=2024" in page.url


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


@pytest.mark.parametrize("width, height", [(1280, 720), (1366, 768), (1920, 1080)])
def test_every_slide_fits_the_projector_without_scrolling(page, width, height):
    """Projectors are often 1280×720: chart, legend, source line and slide controls all on the screen."""
    page.set_viewport_size({"width": width, "height": height})
    for slide in range(1, len(THEMES) + 3):
        page.goto(f"/present?slide={slide}")
        page.wait_for_selector("#page-root .deck h1")  # Dash's render (the server's first view stands in until then)
        savings = slide == len(THEMES) + 2
        if 1 < slide and not savings:
            page.wait_for_selector(".deck-chart .main-svg")
            page.wait_for_timeout(200)
        sizes = page.evaluate("({sh: document.documentElement.scrollHeight, sw: document.documentElement.scrollWidth, h: innerHeight, w: innerWidth})")
        assert sizes["sh"] <= sizes["h"] and sizes["sw"] <= sizes["w"], f"slide {slide} scrolls at {width}×{height}: {sizes}"
        if savings:
            must_show = [".deck-stamp", ".deck-nav", ".deck h1", ".deck-facts", ".deck-flags"]
        else:
            must_show = [".deck-stamp", ".deck-nav", ".deck h1", ".status-counts"] + ([".deck-chart .main-svg", ".deck-chart .legend", ".deck-results"] if slide > 1 else [".deck-tiles"])
        for selector in must_show:
            box = page.locator(selector).first.bounding_box()
            assert box is not None, f"slide {slide}: {selector} missing"
            assert box["y"] >= 0 and box["y"] + box["height"] <= height + 1 and box["x"] + box["width"] <= width + 1, (
                f"slide {slide} at {width}×{height}: {selector} not wholly on screen: {box}"
            )
        if 1 < slide and not savings:  # inside the slide's body, not hidden under the footer
            body = page.locator(".deck-theme-figures").bounding_box()
            results = page.locator(".deck-results").bounding_box()
            assert results["y"] + results["height"] <= body["y"] + body["height"] + 1, f"slide {slide}: results cut off"


def test_slides_answer_whether_it_works(page):
    page.goto("/present?slide=1")
    page.wait_for_selector(".deck-tiles")
    assert page.locator(".deck-tile .status-counts").count() == len(THEMES), "every theme tile has its traffic-light counts"
    for slide in range(2, len(THEMES) + 2):
        page.goto(f"/present?slide={slide}")
        page.wait_for_selector(".deck-results")
        text = page.locator(".deck-results").inner_text()
        assert "on track" in text or "off track" in text or "at risk" in text
        assert ("Off track:" in text and page.locator(".deck-off-track li").count() >= 1) or "No indicator is off track." in text


def test_meeting_mode_and_indicators_are_in_the_header(page):
    page.goto("/")
    page.wait_for_selector(".main-nav")
    page.locator(".main-nav a", has_text="Meeting mode").click()
    page.wait_for_selector(".deck h1")
    page.goto("/")
    page.locator(".main-nav a", has_text="Indicators").click()
    page.wait_for_function("location.pathname === '/indicators'")
