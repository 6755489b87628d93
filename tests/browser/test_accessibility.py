"""WCAG 2.1 AA in a real browser, on every page type in both languages: axe-core, keyboard, reflow, lang, titles.

The page list comes from devtools.page_catalogue, so every page type a feature adds is checked here.
"""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from devtools.browser import wait_until_settled
from devtools.page_catalogue import example_paths
from devtools.sessions import TEST_PASSWORD, account_for, log_in_through_the_form

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}


def _with_lang(path: str, lang: str) -> str:
    return path + ("&" if "?" in path else "?") + f"lang={lang}"


def _open(page, path: str, opened: str = "#main-content h1", scripts: bool = True) -> None:
    page.goto(path)
    page.wait_for_selector(opened)
    page.wait_for_load_state("networkidle")
    if scripts:  # else the server's copy is the page for good
        wait_until_settled(page)


@pytest.fixture(scope="module")
def catalogue(demo_context):
    return example_paths(demo_context.service, demo_context.settings.municipality)


@pytest.fixture(scope="module")
def public_server(demo_app, demo_settings, tmp_path_factory):
    """The public site on a copy of the demo store (its draft programme layer is then absent)."""
    import sqlite3

    from dashboard.config.settings import Settings
    from dashboard.web.app_factory import create_app
    from devtools.devserver import running

    source = demo_settings.database_url.removeprefix("sqlite:///")
    copy = tmp_path_factory.mktemp("public-a11y") / "store.sqlite"
    with sqlite3.connect(source) as original, sqlite3.connect(copy) as target:
        original.backup(target)  # a consistent copy, write-ahead log included
    with running(create_app(Settings(database_url=f"sqlite:///{copy}", mode="public"))) as base_url:
        yield base_url


@pytest.mark.parametrize("mode", ["council", "public"])
def test_every_page_type_has_no_serious_axe_violations(request, browser, mode, catalogue, demo_app):
    """Issue 6: "in both modes and both languages" (the council site as a logged-in council member)."""
    base_url = request.getfixturevalue("live_server" if mode == "council" else "public_server")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        if mode == "council":
            log_in_through_the_form(page, account_for(demo_app, "council"), TEST_PASSWORD)
        _axe_every_page(page, catalogue, mode)
    finally:
        context.close()


def test_the_server_rendered_first_view_has_no_serious_axe_violations(browser, public_server, catalogue):
    """Issue 18: what a reader sees before any script has run (every script blocked: Dash never takes over)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=public_server)
    context.route("**/*.js", lambda route: route.abort())
    context.route("**/*.js?*", lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        _axe_every_page(page, catalogue, "public, no scripts", opened="#first-view #fv-main-content h1", scripts=False)
    finally:
        context.close()


def _axe_every_page(page, catalogue, mode, opened="#main-content h1", scripts=True):
    axe = Axe()
    blocking, reported = [], []
    for name, path in catalogue:
        for lang in ("en", "nl"):
            _open(page, _with_lang(path, lang), opened, scripts)
            results = axe.run(page, options=AXE_OPTIONS)
            for violation in results.response["violations"]:
                line = f"{name} [{mode}, {lang}] {violation['impact']}: {violation['id']} — {violation['help']} ({len(violation['nodes'])} nodes)"
                reported.append(line)
                if violation["impact"] in BLOCKING:
                    targets = "; ".join(str(n["target"]) for n in violation["nodes"][:3])
                    blocking.append(f"{line}: {targets}")
    print("\naxe-core findings (all impacts):\n" + ("\n".join(reported) or "none"))
    assert not blocking, "\n".join(blocking)


def test_lang_and_title_follow_the_page_and_language(page, catalogue):
    titles = {}
    for name, path in catalogue:
        for lang in ("en", "nl"):
            _open(page, _with_lang(path, lang))
            assert page.evaluate("document.documentElement.lang") == lang, name
            assert page.locator("h1").count() == 1, f"{name}: exactly one h1"
            titles[(name, lang)] = page.title()
    en_titles = [title for (name, lang), title in titles.items() if lang == "en" and not name.startswith("overview-")]
    assert len(set(en_titles)) == len(en_titles), f"titles must be unique per page: {en_titles}"
    assert all(title.strip() for title in titles.values())


def test_headings_never_skip_a_level(page, catalogue):
    for name, path in catalogue:
        _open(page, path)
        levels = page.eval_on_selector_all("#main-content h1, #main-content h2, #main-content h3, #main-content h4", "els => els.map(e => +e.tagName[1])")
        for previous, current in zip(levels, levels[1:]):
            assert current <= previous + 1, f"{name}: heading h{current} follows h{previous}"


def test_skip_link_is_first_and_moves_focus_to_main(page):
    _open(page, "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    assert page.evaluate("getComputedStyle(document.activeElement).left") != "-9999px", "skip link visible when focused"
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert page.evaluate("location.hash") == "#main-content"
    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.getElementById('main-content').contains(document.activeElement)")
    assert inside_main, "after the skip link, Tab continues inside the main content"


def test_every_focusable_element_shows_a_visible_focus_indicator(page, catalogue):
    for name, path in catalogue:
        _open(page, path)
        seen = 0
        for _ in range(60):
            page.keyboard.press("Tab")
            info = page.evaluate(
                """() => { const e = document.activeElement; if (!e || e === document.body) return null;
                   const s = getComputedStyle(e);
                   return {tag: e.tagName, text: (e.innerText || e.value || '').slice(0, 40),
                           outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none'}; }"""
            )
            if info is None:
                break
            seen += 1
            assert info["outline"] or info["shadow"], f"{name}: no visible focus on {info}"
        assert seen > 0, f"{name}: nothing reachable with Tab"


def test_pages_reflow_at_320_pixels_without_sideways_scrolling(browser, live_server, demo_app, catalogue):
    context = browser.new_context(viewport={"width": 320, "height": 640}, base_url=live_server)
    page = context.new_page()
    try:
        log_in_through_the_form(page, account_for(demo_app, "council"), TEST_PASSWORD)
        for name, path in catalogue:
            _open(page, path)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name}: scrolls sideways by {overflow}px at 320px wide"
    finally:
        context.close()


def test_language_switch_in_the_page_changes_text_and_lang(page):
    _open(page, "/")
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_function("() => document.documentElement.lang === 'nl'")
    wait_until_settled(page)
    assert page.locator("h1").inner_text().startswith("Sociaal domein")
    assert "lang=nl" in page.url


#: The staff pages (dashboard/staff/) and the role that may open each; /login is seen before logging in.
STAFF_PAGES = {"/upload": "editor", "/edit": "editor", "/publish": "admin", "/audit": "admin"}


def test_staff_pages_have_no_serious_axe_violations(browser, live_server, demo_app):
    """The forms staff work in every day are held to the same WCAG 2.1 AA as the public pages, reflow included."""
    axe = Axe()
    blocking, reported = [], []
    for role in ("anonymous", *sorted(set(STAFF_PAGES.values()))):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server)
        page = context.new_page()
        page.set_default_timeout(15000)
        try:
            if role != "anonymous":
                log_in_through_the_form(page, account_for(demo_app, role), TEST_PASSWORD)
            paths = ["/login"] if role == "anonymous" else [p for p, r in STAFF_PAGES.items() if r == role]
            for path in paths:
                for lang in ("nl", "en"):
                    page.goto(_with_lang(path, lang))
                    page.wait_for_selector("main h1")
                    assert page.evaluate("document.documentElement.lang") == lang, path
                    if lang == "nl":  # reflow: a phone 320 px wide never scrolls sideways (wide tables scroll in their own region)
                        page.set_viewport_size({"width": 320, "height": 640})
                        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                        assert overflow <= 0, f"{path}: scrolls sideways by {overflow}px at 320px wide"
                        page.set_viewport_size({"width": 1280, "height": 900})
                    for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
                        line = f"{path} [{role}, {lang}] {violation['impact']}: {violation['id']} — {violation['help']} ({len(violation['nodes'])} nodes)"
                        reported.append(line)
                        if violation["impact"] in BLOCKING:
                            blocking.append(f"{line}: " + "; ".join(str(n["target"]) for n in violation["nodes"][:3]))
        finally:
            context.close()
    print("\naxe-core findings on the staff pages (all impacts):\n" + ("\n".join(reported) or "none"))
    assert not blocking, "\n".join(blocking)
