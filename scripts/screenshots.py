"""Screenshots of every page type at a projector's, a laptop's, a desktop's and a phone's size, the
meeting-mode slides at the projector sizes, and the theme page printed on A4, for review.

    python scripts/screenshots.py [OUTPUT_DIR] [NAME_FILTER]   (default: screenshots/)

Starts the app on the demo data in a temporary store (in its default language, Dutch) and saves
full-page PNGs; the printed theme page is saved as PDF and, with poppler-utils' ``pdftoppm``, as one
PNG per A4 page. NAME_FILTER keeps the page types whose name contains it.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.config.settings import Settings  # noqa: E402
from dashboard.domain.themes import THEMES  # noqa: E402
from dashboard.web.app_factory import create_app  # noqa: E402
from devtools.browser import chromium  # noqa: E402
from devtools.devserver import running  # noqa: E402
from devtools.page_catalogue import example_paths  # noqa: E402
from devtools.sessions import account_for, log_in_through_the_form  # noqa: E402

VIEWPORTS = {"projector": (1280, 720), "laptop": (1366, 768), "desktop": (1920, 1080), "phone": (390, 844)}
SLIDE_VIEWPORTS = ("projector", "laptop", "desktop")
#: The staff pages, seen by an admin (who may use all of them).
STAFF_PAGES = {"upload": "/upload", "edit": "/edit", "publish": "/publish", "audit": "/audit",
               # the demo's illustrative decision round (the first round of the store)
               "rounds": "/rounds", "round": "/rounds/1", "round-result": "/rounds/1/result", "round-record": "/rounds/1/record"}


def main(out: Path, only: tuple[str, ...] = ()) -> None:
    """``only``: page names of the catalogue to shoot (all when empty)."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite:///{tmp}/shots.sqlite")
        app = create_app(settings)
        context = app.server.extensions["social_dashboard"]
        paths = [(n, p) for n, p in example_paths(context.service, settings.municipality) if not only or n in only]
        with running(app) as base, chromium() as browser:
            for viewport, (width, height) in VIEWPORTS.items():
                page = browser.new_page(viewport={"width": width, "height": height}, base_url=base)
                log_in_through_the_form(page, account_for(app, "council"))  # the council site answers nothing without a session
                for name, path in paths:
                    _shoot(page, base + path, out / f"{name}-{viewport}.png")
                if viewport in SLIDE_VIEWPORTS and (not only or "present" in only):
                    for slide in range(1, len(THEMES) + 3):
                        _shoot(page, f"{base}/present?slide={slide}", out / f"slide{slide}-{viewport}.png", full_page=False)
                page.close()
                if viewport in ("projector", "phone") and (not only or "staff" in only):
                    staff = browser.new_page(viewport={"width": width, "height": height}, base_url=base)
                    log_in_through_the_form(staff, account_for(app, "admin"))
                    for name, path in STAFF_PAGES.items():
                        _shoot(staff, base + path, out / f"staff-{name}-{viewport}.png", selector="h1")
                    staff.close()
            if not only or "theme" in only:
                _print_theme(browser, base, out, account_for(app, "council"))


def _shoot(page, url: str, target: Path, full_page: bool = True, selector: str = "#main-content h1") -> None:
    page.goto(url)
    page.wait_for_selector(selector, timeout=15000)
    page.wait_for_timeout(600)
    page.screenshot(path=str(target), full_page=full_page)
    print(target)


def _print_theme(browser, base: str, out: Path, account: str) -> None:
    """The theme page as the browser prints it on A4 portrait, and each printed page as an image."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, base_url=base)
    log_in_through_the_form(page, account)
    page.goto(f"{base}/theme/young")
    page.wait_for_selector("#main-content h1", timeout=15000)
    page.wait_for_timeout(800)
    page.emulate_media(media="print")
    page.wait_for_timeout(800)
    target = out / "theme-print.pdf"
    page.pdf(path=str(target), format="A4", print_background=True, margin={"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"})
    print(target)
    page.close()
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(target), str(out / "theme-print")], check=True)
        print(out / "theme-print-*.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots", tuple(sys.argv[2:]))
