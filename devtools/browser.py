"""Headless Chromium from Debian's packages (``/usr/bin/chromium``), driven by Playwright."""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


#: A visitor who moves the mouse as the page opens, as a reader at a desk does. A page whose first view
#: works whole without script loads Dash's scripts only once the visitor does something
#: (``dashboard.web.app_factory.RENDERER``): tests and screenshots of Dash's render start with this move.
MOVES_AT_ONCE = "addEventListener('DOMContentLoaded', () => dispatchEvent(new PointerEvent('pointermove')));"


class MovingVisitor:
    """The browser, each of whose pages starts with ``MOVES_AT_ONCE``; ``still`` is the browser itself
    (a visitor who only reads, as Lighthouse does)."""

    def __init__(self, browser):
        self.still = browser

    def new_context(self, **options):
        context = self.still.new_context(**options)
        context.add_init_script(MOVES_AT_ONCE)
        return context

    def __getattr__(self, name):
        return getattr(self.still, name)


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if os.path.exists(candidate) else None


@contextmanager
def chromium(moving_visitor: bool = True):
    """Yield a Playwright Browser running headless Debian Chromium (as a ``MovingVisitor`` unless not
    ``moving_visitor``)."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError("Chromium not found: apt-get install chromium chromium-driver (or set CHROMIUM_PATH)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield MovingVisitor(browser) if moving_visitor else browser
        finally:
            browser.close()


#: True once Dash's render is the page on screen: the server's copy (``#first-view``) that stands in for
#: a new page while Dash renders it (assets/33-page-update.js) is gone. Until then both are in the
#: document (Dash's out of sight), so a test that reads "the" h1 must wait for this first.
SETTLED = "() => !document.getElementById('first-view') && !!document.querySelector('#page-root > *')"


def wait_until_settled(page, timeout: float = 15000) -> None:
    """Wait until the page on screen is Dash's render alone (``SETTLED``)."""
    page.wait_for_function(SETTLED, timeout=timeout)
