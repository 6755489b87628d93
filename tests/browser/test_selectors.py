"""Year and document selectors: moving through the options with the keyboard changes nothing until
"Show"; only years of the chosen document are offered, and a year that has to change is announced;
focus stays on the form and its ring is as strong as on links."""
from __future__ import annotations


def _years(page) -> list[str]:
    return page.locator("#year-select option").evaluate_all("os => os.filter(o => !o.hidden && !o.disabled).map(o => o.value)")


def test_arrow_keys_in_the_selects_do_not_navigate(page):
    page.goto("/?year=2023&document=begroting")
    page.wait_for_selector("#year-select")
    page.locator("#year-select").focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.wait_for_timeout(800)
    assert "year=2023" in page.url, "the view changed while the keyboard was still moving through the years"
    chosen = page.locator("#year-select").input_value()
    assert chosen != "2023"
    page.keyboard.press("Tab")  # leaving the select does not navigate either; the button does
    page.keyboard.press("Tab") if page.evaluate("document.activeElement.id") != "document-apply" else None
    assert page.evaluate("document.activeElement.id") == "document-apply"
    page.keyboard.press("Enter")
    page.wait_for_function("y => location.search.includes('year=' + y)", arg=chosen)
    page.wait_for_function("document.activeElement && document.activeElement.id === 'document-apply'")


def test_only_years_of_the_document_are_offered_and_a_changed_year_is_announced(page, demo_context):
    docs = demo_context.service.available_documents("Kampen")
    accounts = sorted(str(y) for y, k in docs if k == "jaarrekening")
    budgets = sorted(str(y) for y, k in docs if k == "begroting")
    newest_budget = budgets[-1]
    assert newest_budget not in accounts, "the demo has a budget year without accounts"
    page.goto(f"/?year={newest_budget}&document=begroting")
    page.wait_for_selector("#year-select")
    assert sorted(_years(page)) == budgets
    page.locator("#document-select").select_option("jaarrekening")
    page.wait_for_function("() => document.querySelector('#document-note').innerText.length > 0")
    assert sorted(_years(page)) == accounts
    note = page.locator("#document-note").inner_text()
    assert newest_budget in note and accounts[-1] in note
    assert page.locator("#year-select").input_value() == accounts[-1]
    assert f"year={newest_budget}" in page.url, "choosing the document alone does not navigate"
    page.locator("#document-apply").click()
    page.wait_for_function("y => location.search.includes('year=' + y + '&document=jaarrekening')", arg=accounts[-1])


def test_the_select_focus_ring_is_as_strong_as_a_links(page):
    page.goto("/")
    page.wait_for_selector("#year-select")
    page.keyboard.press("Tab")  # skip link: keyboard focus, so :focus-visible applies
    link_ring = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    page.locator("#year-select").focus()
    ring = page.evaluate("[getComputedStyle(document.activeElement).outlineWidth, getComputedStyle(document.activeElement).outlineStyle]")
    assert ring[1] == "solid" and float(ring[0].rstrip("px")) >= float(link_ring.rstrip("px")) >= 3
