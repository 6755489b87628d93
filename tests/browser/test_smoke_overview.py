"""The overview in a real browser shows Kampen's four themes with the CBS amounts."""
from dashboard.domain import formatting as fmt


def test_overview_shows_four_themes_with_kampens_amounts(page, demo_context):
    overview = demo_context.service.theme_overview("Kampen", 2025, "begroting")
    page.goto("/?year=2025&document=begroting")
    page.wait_for_selector(".theme-card")
    cards = page.locator(".theme-card")
    assert cards.count() == 4
    for index, row in enumerate(overview.summary.to_dict("records")):
        card = cards.nth(index)
        assert card.locator("h3").inner_text().startswith(row["theme"])
        assert card.locator(".theme-amount").inner_text() == fmt.euro_compact(row["lasten_eur"], "en")
    assert "CBS" in page.locator(".source-line").inner_text()
    assert page.title() == "Social domain Kampen – budget 2025"
