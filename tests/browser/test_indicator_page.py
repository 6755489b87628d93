"""The indicator page in a browser: chart, status and numbered stories, checked against the demo CSV files."""
from __future__ import annotations

from dashboard.config.paths import DEMO_DIR
from tests.indicator_expectations import demo_stories, expected_assessments


def test_indicator_page_in_a_browser_shows_chart_status_and_numbered_stories(page):
    slug = "youth-care-waiting-time"
    row, assessment = expected_assessments()[slug]
    stories = [s for s in demo_stories() if s["indicator"] == slug]
    page.goto(f"/indicator/{slug}")
    page.wait_for_selector(".indicator-status .status-badge")
    assert page.locator(".indicator-status .status-word").inner_text() == assessment.status
    page.wait_for_selector("[aria-labelledby=indicator-chart-heading] .main-svg")
    assert page.locator(".story-list > li").count() == len(stories)
    assert page.locator("[aria-labelledby=indicator-chart-heading] .scatterlayer .trace text").count() >= len(stories)  # numbered markers
    page.locator(".chart-table summary").click()
    values = (DEMO_DIR / "indicators" / "indicator_values.csv").read_text(encoding="utf-8").splitlines()
    assert page.locator(".chart-table tbody tr").count() == sum(1 for line in values if line.startswith(f"{slug};"))
    page.get_by_role("link", name="Youth care without accommodation").first.click()
    page.wait_for_url("**/programme/youth-ambulant-care*")
