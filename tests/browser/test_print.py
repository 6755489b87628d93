"""Printing (or saving as PDF) gives the figures, their tables and the source, without controls."""


def test_print_shows_tables_and_source_but_no_controls(page):
    page.goto("/?year=2024&document=jaarrekening")
    page.wait_for_selector(".js-plotly-plot .main-svg")
    page.emulate_media(media="print")
    assert not page.locator(".selectors").is_visible()
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".download-link").first.is_visible()
    table = page.locator(".chart-table table").first
    assert table.is_visible(), "the table behind the disclosure is printed"
    assert page.locator(".about-facts").first.is_visible()
    assert page.locator(".source-line").is_visible()
    assert page.locator(".js-plotly-plot").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
