"""In headless Chromium: overview → theme → programme → provider in three clicks, Back restores the
previous view, and a copied link opens exactly the same view."""
from __future__ import annotations

from dashboard.domain import formatting as fmt
from devtools.browser import wait_until_settled


def wait_for_title(page, start: str) -> None:
    page.wait_for_function("prefix => document.title.startsWith(prefix)", arg=start)
    wait_until_settled(page)


def test_three_clicks_from_overview_to_provider_and_back(page, demo_context):
    page.goto("/?year=2023&document=begroting")
    page.wait_for_selector(".theme-card")
    page.locator(".theme-young .theme-link").click()  # 1: theme card → theme
    wait_for_title(page, "Young: programmes and providers – budget 2023")
    assert page.url.endswith("/theme/young?year=2023&document=begroting")
    young = demo_context.service.theme_overview("Kampen", 2023, "begroting").summary.set_index("theme").loc["Young", "lasten_eur"]
    assert fmt.euro_compact(int(young), "en") in page.locator(".key-figures").inner_text()
    assert "Illustrative" in page.locator(".drilldown-notices").inner_text()

    page.get_by_role("link", name="Youth care without accommodation").first.click()  # 2: programme
    wait_for_title(page, "Youth care without accommodation – budget 2023")
    crumbs = page.locator("nav[aria-label='Breadcrumb'] li").all_inner_texts()
    assert crumbs == ["Overview", "Young", "Youth care without accommodation"]

    page.locator("#providers-heading + div table tbody tr th a").first.click()  # 3: the largest provider
    page.wait_for_function(
        "() => location.pathname.startsWith('/provider/') && document.querySelectorAll(\"nav[aria-label='Breadcrumb'] li\").length === 4"
    )
    provider_url = page.url
    assert "via=youth-ambulant-care" in provider_url and "year=2023" in provider_url
    assert page.locator("nav[aria-label='Breadcrumb'] li").count() == 4
    provider_title = page.title()

    page.go_back()
    wait_for_title(page, "Youth care without accommodation – budget 2023")
    assert page.locator("h1").inner_text() == "Youth care without accommodation"
    page.go_back()
    wait_for_title(page, "Young: programmes and providers – budget 2023")

    page.goto(provider_url)  # a copied link: the same level, year and document
    wait_for_title(page, provider_title)
    assert page.locator("#year-select").input_value() == "2023"
    assert page.locator("#document-select").input_value() == "begroting"


def test_changing_the_document_on_a_theme_page_keeps_the_theme(page):
    page.goto("/theme/work?year=2023&document=begroting")
    wait_for_title(page, "Work: programmes and providers – budget 2023")
    page.locator("#document-select").select_option("jaarrekening")
    page.locator("#document-apply").click()
    wait_for_title(page, "Work: programmes and providers – annual accounts 2023")
    assert "/theme/work?" in page.url and "document=jaarrekening" in page.url
    page.go_back()
    wait_for_title(page, "Work: programmes and providers – budget 2023")


def test_clicking_a_bar_of_the_ranking_chart_opens_the_programme(page, demo_context):
    page.goto("/theme/work?year=2025&document=begroting")
    wait_for_title(page, "Work: programmes and providers")
    bar = page.locator(".chart-block .js-plotly-plot .bars .point").first
    bar.wait_for()
    bar.click(force=True)
    page.wait_for_function("() => location.pathname.startsWith('/programme/')")
    page.wait_for_selector("h1")
    assert "year=2025" in page.url and "document=begroting" in page.url
