"""The Content-Security-Policy holds with the app working: every page type draws, with no console
error and no CSP violation, and an injected inline script does not run."""
from __future__ import annotations

import pytest

from devtools.page_catalogue import example_paths

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def catalogue(demo_context):
    return example_paths(demo_context.service, demo_context.settings.municipality)


def test_every_page_type_works_under_the_policy(page, catalogue):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(f"{message.type}: {message.text} ({message.location.get('url', '')})") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.add_init_script(COLLECT_VIOLATIONS)
    for name, path in catalogue + [("embed", "/embed/theme/young")]:
        response = page.goto(path)
        assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
        page.wait_for_selector("#main-content h1")
        page.wait_for_load_state("networkidle")
        violations = page.evaluate("window.__cspViolations")
        assert violations == [], (name, violations)
        if name in ("overview", "theme", "indicator"):
            page.wait_for_selector(".js-plotly-plot .main-svg")  # the charts are drawn
        # the friendly page of an unknown address also says so by its HTTP status, which Chromium logs
        errors[:] = [e for e in errors if not (response.status == 404 and e.endswith(f"({response.url})"))]
        assert errors == [], (name, errors)


def test_an_injected_inline_script_is_blocked(page):
    page.add_init_script(COLLECT_VIOLATIONS)
    page.goto("/")
    page.wait_for_selector("#main-content h1")
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1';
                             document.body.appendChild(s); }""")
    assert page.evaluate("window.__injected") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__cspViolations"))
