"""Shared fixtures: a demo store, the app, a live server on loopback, headless Chromium, the CBS files."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.config.paths import SHARED_IV3_DIR, THEME_MAPPING_FILE
from dashboard.config.settings import Settings

#: Tests that use one of these fixtures are marked ``browser`` / ``slow`` by their fixtures, so the
#: markers cannot be forgotten: ``python -m pytest -m "not browser and not slow"`` is the fast loop.
BROWSER_FIXTURES = frozenset({"browser", "page", "live_server"})
SLOW_FIXTURES = frozenset({"shared_iv3"})


def pytest_collection_modifyitems(items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES or "/browser/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
        if names & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def mapping():
    from dashboard.domain.themes import ThemeMapping

    return ThemeMapping.from_csv(THEME_MAPPING_FILE)


@pytest.fixture(scope="session")
def shared_iv3() -> Path:
    """The national CBS files beside the checkout; tests that need them skip cleanly without."""
    if not (SHARED_IV3_DIR / "2023_begroting.csv").exists():
        pytest.skip(f"national CBS files not found at {SHARED_IV3_DIR}: reconciliation tests skipped")
    return SHARED_IV3_DIR


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory) -> Settings:
    """English by setting, so assertions read as the code's texts; the Dutch default has its own tests
    (tests/web/test_language.py)."""
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    return Settings(database_url=f"sqlite:///{db}", language="en")


@pytest.fixture(scope="session")
def demo_app(demo_settings):
    """The app on the demo dataset (loaded into a fresh store once per test session). Read-only use."""
    from dashboard.web.app_factory import create_app

    return create_app(demo_settings)


@pytest.fixture(scope="session")
def demo_context(demo_app):
    return demo_app.server.extensions["social_dashboard"]


@pytest.fixture()
def client(demo_app):
    """A council member's session (logged in through the form) on the demo app."""
    from tests.helpers import logged_in

    return logged_in(demo_app)


@pytest.fixture(scope="session")
def live_server(demo_app):
    from devtools.devserver import running

    with running(demo_app) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium. Skips locally when absent; in CI (CI=true) its absence is a failure."""
    from devtools.browser import chromium, chromium_path

    if chromium_path() is None:
        message = "Chromium not installed: apt-get install chromium chromium-driver"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with chromium() as instance:
        yield instance


@pytest.fixture()
def page(browser, live_server, demo_app):
    """A browser tab with a council member's session, logged in through the login form."""
    from devtools.sessions import TEST_PASSWORD, account_for, log_in_through_the_form

    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto = _then_dash_render(page)
    log_in_through_the_form(page, account_for(demo_app, "council"), TEST_PASSWORD)
    yield page
    context.close()


def _then_dash_render(page):
    """``page.goto`` that returns once Dash's render has replaced the server's first view of the page
    (``web/first_view``): until then every heading, card and table is on the page twice, and a test
    that counts or reads elements by class would see the copy that is about to go."""
    goto = page.goto

    def goto_and_wait(url, **options):
        response = goto(url, **options)
        page.wait_for_function("() => !document.getElementById('first-view')")
        return response

    return goto_and_wait
