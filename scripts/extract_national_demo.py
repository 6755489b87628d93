"""Write the national part of the embedded demo: every municipality's CBS Iv3 lasten, so comparison
works on a fresh clone (data/demo/national/iv3_national.csv.gz; Bron: CBS, Iv3 — CC BY 4.0).

One file in the ten-year layout plus a ``Baten`` column (``Gemeenten;Taakveld;Lasten;Baten;Inwonertal;
Jaar;Document``), imported by the normal Iv3 importer in one transaction:
- every row of ``iv3_2017_2026_lasten.csv`` (all municipalities, begroting 2017–2026, jaarrekening
  2017–2024, rolled-up taakvelden), values verbatim, Baten empty (the ten-year file has none);
- except the demo municipality's and Nederland's rows of the four full files' documents, which come from
  those files (every sub-taakveld, lasten and baten verbatim), so the drill-down of the home
  municipality keeps its detail.

    python scripts/extract_national_demo.py [--source ../shared/data/iv3] [--municipality Kampen]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.config.paths import DEMO_DIR, SHARED_IV3_DIR  # noqa: E402
from dashboard.demo.load import FULL_FILES, NATIONAL_FILE, TEN_YEAR_FILE  # noqa: E402

HEADER = ["Gemeenten", "Taakveld", "Lasten", "Baten", "Inwonertal", "Jaar", "Document"]


def extract(source: Path, target: Path, name: str) -> int:
    detailed = {(year, kind) for _, year, kind in FULL_FILES}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    rows = 0
    with open(source / TEN_YEAR_FILE, newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["Gemeenten"] == name and (int(row["Jaar"]), row["Document"]) in detailed:
                continue
            writer.writerow([row["Gemeenten"], row["Taakveld"], row["Lasten"], "", row["Inwonertal"], row["Jaar"], row["Document"]])
            rows += 1
    for file_name, year, kind in FULL_FILES:
        with open(source / file_name, newline="", encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle, delimiter=";"):
                if row["Gemeenten"] in (name, "Nederland"):
                    writer.writerow([row["Gemeenten"], row["Taakveld"], row["Lasten"], row["Baten"], row["Inwonertal"], year, kind])
                    rows += 1
    path = target / NATIONAL_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input gives the same bytes (no churn in git)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as packed:
        packed.write(out.getvalue().encode("utf-8"))
    print(f"{path.relative_to(ROOT)}: {rows} rows, {path.stat().st_size / 1e6:.2f} MB")
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SHARED_IV3_DIR)
    parser.add_argument("--municipality", default="Kampen")
    args = parser.parse_args()
    extract(args.source, DEMO_DIR, args.municipality)
