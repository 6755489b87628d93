"""Screenshots of every page type at 1920×1080 and 390×844, for review.

    python scripts/screenshots.py [OUTPUT_DIR]   (default: screenshots/)

Starts the app on the demo data in a temporary store and saves full-page PNGs.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.config.settings import Settings  # noqa: E402
from dashboard.web.app_factory import create_app  # noqa: E402
from devtools.browser import chromium  # noqa: E402
from devtools.devserver import running  # noqa: E402
from devtools.page_catalogue import example_paths  # noqa: E402

VIEWPORTS = {"desktop": (1920, 1080), "projector": (1280, 720), "phone": (390, 844)}


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
                page = browser.new_page(viewport={"width": width, "height": height})
                for name, path in paths:
                    page.goto(base + path)
                    page.wait_for_selector("#main-content h1", timeout=15000)
                    page.wait_for_timeout(600)
                    target = out / f"{name}-{viewport}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
                page.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots", tuple(sys.argv[2:]))
