"""A decision round in the browser (issue 16): an editor sets and locks the yardstick, two participants
score, the result shows both selections and how robust they are, the editor closes the round; a
crafted change of the locked yardstick is refused. axe-core on every page of the round, both languages;
screenshots of the result at 1280×720 and 390×844."""

from __future__ import annotations

import os
import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from devtools.sessions import TEST_PASSWORD, account_for, log_in_through_the_form
from tests.browser.test_accessibility import AXE_OPTIONS, BLOCKING, public_server  # noqa: F401 (the public site fixture)

OPTIONS = (("School programme", "120000"), ("Benefits-uptake campaign", "60000"), ("Debt-help outreach", "95000"))


def _tab(browser, live_server, demo_app, role: str, width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=live_server)
    page = context.new_page()
    page.set_default_timeout(15000)
    log_in_through_the_form(page, account_for(demo_app, role), TEST_PASSWORD)
    return context, page


def _axe(page, path: str, found: list[str]) -> None:
    axe = Axe()
    for lang in ("en", "nl"):
        page.goto(path + ("&" if "?" in path else "?") + f"lang={lang}")
        page.wait_for_selector("h1")
        for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
            if violation["impact"] in BLOCKING:
                found.append(f"{path} [{lang}] {violation['id']}: {[n['target'] for n in violation['nodes'][:3]]}")
    page.goto(path + ("&" if "?" in path else "?") + "lang=en")  # back to the English page the test goes on with


def _score(page, round_id: int, scores: list[int]) -> None:
    page.goto(f"/rounds/{round_id}/score?lang=en")
    for option, value in enumerate(scores):
        for criterion in range(5):
            page.select_option(f"#score-{option}-{criterion}", str(value))
        page.fill(f"#reason-{option}", f"reason {option}")
    with page.expect_navigation():
        page.click("button[type=submit].btn-primary")
    assert "Your scores are submitted" in page.content()


def test_a_round_from_yardstick_to_closed_with_two_participants(browser, live_server, demo_app, tmp_path):
    shots = Path(os.environ.get("SCREENSHOTS_DIR", tmp_path))
    editor_context, editor = _tab(browser, live_server, demo_app, "editor")
    council_context, council = _tab(browser, live_server, demo_app, "council")
    problems: list[str] = []
    try:
        editor.goto("/rounds?lang=en")
        editor.fill("#title", "Poverty approach 2027 (browser test)")
        editor.fill("#amount", "200000")
        with editor.expect_navigation():
            editor.click("text=Open the round")
        round_id = int(re.search(r"/rounds/(\d+)", editor.url)[1])
        for i, (name, amount) in enumerate(OPTIONS):
            editor.fill(f"#option-name-{i}", name)
            editor.fill(f"#option-amount-{i}", amount)
        editor.check("#option-conflict-2-2")  # the outreach conflicts with "residents in charge"
        with editor.expect_navigation():
            editor.click("text=Save the yardstick")
        assert "The yardstick is saved" in editor.content()
        _axe(editor, f"/rounds/{round_id}", problems)
        with editor.expect_navigation():
            editor.click("form[action^='/rounds/%d/lock'] button" % round_id)
        assert "Yardstick locked on" in editor.content()

        token = next(c["value"] for c in editor_context.cookies() if c["name"] == "_csrf_token")
        crafted = editor.request.post(f"/rounds/{round_id}/yardstick", form={"csrf_token": token, "title": "Changed", "kind": "spend", "amount": "1",
                                                                              "criterion-name-0": "Only this", "criterion-weight-0": "100", "step-1": "a", "step-2": "b"})
        assert crafted.status == 400 and "locked" in crafted.text()

        council.goto(f"/rounds/{round_id}/result?lang=en")
        assert "after you have submitted your own scores" in council.content()
        _axe(council, f"/rounds/{round_id}/score", problems)
        _score(council, round_id, [5, 4, 3])
        _score(editor, round_id, [4, 5, 3])

        council.goto(f"/rounds/{round_id}/result?lang=en")
        text = council.inner_text("main")
        assert "Top-down pick" in text and "Value for money" in text and "ruled out: conflicts with Residents in charge" in text
        assert "How robust is it?" in text and re.search(r"stable|depends on the weights", text)
        _axe(council, f"/rounds/{round_id}/result", problems)

        editor.goto(f"/rounds/{round_id}?lang=en")
        editor.fill("#decision", "We start the campaign and the school programme.")
        with editor.expect_navigation():
            editor.click("form[action^='/rounds/%d/close'] button" % round_id)
        assert "The round is closed" in editor.content()
        _axe(editor, f"/rounds/{round_id}/record", problems)
        for width, height in ((1280, 720), (390, 844)):
            council.set_viewport_size({"width": width, "height": height})
            council.goto(f"/rounds/{round_id}/result")
            council.wait_for_selector("h1")
            council.screenshot(path=str(shots / f"round-result-{width}x{height}.png"), full_page=True)
            overflow = council.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"the result page scrolls sideways at {width} px"
        assert not problems, "\n".join(problems)
    finally:
        editor_context.close()
        council_context.close()


def test_the_result_is_reached_by_keyboard(browser, live_server, demo_app):
    """Tab from the top of a round page reaches the link to the result of the demo's closed round."""
    context, page = _tab(browser, live_server, demo_app, "council")
    try:
        page.goto("/rounds/1?lang=en")
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement && document.activeElement.textContent.trim()") == "See the result":
                break
        else:
            raise AssertionError("the link to the result is not reachable by Tab")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "/rounds/1/result" in page.url
    finally:
        context.close()


def test_the_public_site_shows_the_published_round_without_names_and_accessibly(browser, public_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=public_server)
    page = context.new_page()
    page.set_default_timeout(15000)
    problems: list[str] = []
    try:
        for path in ("/rounds", "/rounds/1/record", "/rounds/1/result"):
            _axe(page, path, problems)
        page.goto("/rounds/1/record")
        text = page.inner_text("main")
        assert "Deelnemer 1" in text and "illustratief" in text and "raadslid (illustratief)" not in text
        assert not problems, "\n".join(problems)
    finally:
        context.close()
