"""Extract the demo municipality's rows from the national CBS files into data/demo/.

Lines are copied verbatim (header included), so the demo files are CBS files in CBS's own
format and go through the same importer. The full files also keep the 'Nederland' rows: the
national total to compare with.

    python scripts/extract_demo.py [--source ../shared/data/iv3] [--municipality Kampen]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.config.paths import DEMO_DIR, SHARED_IV3_DIR  # noqa: E402

FULL_FILES = ("2023_begroting.csv", "2023_jaarrekening.csv", "2024_begroting.csv", "2025_begroting.csv")
TEN_YEAR_FILE = "iv3_2017_2026_lasten.csv"


def extract(source: Path, target: Path, name: str) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for file_name, keep in [(TEN_YEAR_FILE, {name})] + [(f, {name, "Nederland"}) for f in FULL_FILES]:
        lines = (source / file_name).read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [lines[0]] + [line for line in lines[1:] if line.split(";", 1)[0] in keep]
        (target / file_name).write_text("".join(kept), encoding="utf-8")
        print(f"{file_name}: {len(kept) - 1} rows")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SHARED_IV3_DIR)
    parser.add_argument("--municipality", default="Kampen")
    args = parser.parse_args()
    extract(args.source, DEMO_DIR, args.municipality)
