"""Write what comparison needs beside the Iv3 lasten into data/demo/national/ (small, credited):

- ``municipalities.csv`` — per municipality of today's map: GM code, province, size class, urbanity,
  youth-care and labour-market region, address density (CBS 85067NED, 2022; CC BY 4.0), centre-function
  and social-structure class (fund classes 2025), and the fund's head counts of the newest circular
  (inhabitants, young people 0–17, bijstand recipients, one-person households, wage-cost subsidies,
  target group). Municipalities merged after 2022 take their predecessors' regions and their
  inhabitant-weighted address density (data/municipality_successors.csv).
- ``fund.csv`` — per circular, payment year, municipality and social cluster: the measures part
  (factor × weight × volume), the SIUDU part and the payment (Bron: BZK, gemeentefonds).
- ``fund_notes.csv`` — every spelling quirk resolved or reported per circular.

    python scripts/extract_comparison_reference.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.config.paths import DEMO_DIR, PROJECT_ROOT
from dashboard.demo.load import NATIONAL_FILE
from dashboard.domain.fund import FUND_MEASURES, newest_circular
from dashboard.importers.gemeentefonds import parse_gemeentefonds
from dashboard.importers.iv3 import municipality_aliases
from dashboard.importers.regions import parse_regions
from dashboard.store.compare_tables import REGION_COLUMNS

#: The files import-regions reads for today's map (the classes of 2025 lie beside the Iv3 files).
REGION_FILES = ("regions/gebieden_in_nederland_2022.csv", "iv3/gemeenteklassen_2025.csv", "regions/sociale_structuur_centrumfunctie_2025.csv")


def stored_names() -> set[str]:
    aliases = municipality_aliases()
    with gzip.open(DEMO_DIR / NATIONAL_FILE, "rt", encoding="utf-8") as handle:
        return {aliases.get(row["Gemeenten"], row["Gemeenten"]) for row in csv.DictReader(handle, delimiter=";")} - {"Nederland"}


def main(shared: Path) -> None:
    """The same readers as import-gemeentefonds and import-regions, so the demo and an import agree."""
    known = stored_names()
    fund = parse_gemeentefonds(shared / "gemeentefonds", known)
    out = DEMO_DIR / "national"
    payments = fund.payments.copy()
    for column in ("measures_eur", "siudu_eur", "payment_eur"):
        payments[column] = payments[column].round(2)
    payments.to_csv(out / "fund.csv", index=False)
    fund.notes.to_csv(out / "fund_notes.csv", index=False)

    code, year = newest_circular(sorted({(c.code, c.payment_year) for c in fund.circulars}))
    volumes = fund.volumes[(fund.volumes["circular"] == code) & (fund.volumes["payment_year"] == year)]
    regions = parse_regions([shared / name for name in REGION_FILES], known).frame
    table = regions[regions["size_class"].notna()].reindex(columns=REGION_COLUMNS).rename_axis("municipality")
    table = table.join(volumes.set_index("municipality")[list(FUND_MEASURES.values())])
    table["fund_circular"] = f"{code} {year}"
    missing = table[["youth_region", "labour_region", "fund_inhabitants"]].isna().any(axis=1)
    if missing.any():
        raise SystemExit(f"no regions or fund volumes for: {', '.join(table.index[missing])}")
    for column in ("urbanity_code", "address_density"):
        table[column] = table[column].astype("Int64")
    table.to_csv(out / "municipalities.csv")
    for path in (out / "fund.csv", out / "fund_notes.csv", out / "municipalities.csv"):
        print(f"{path.relative_to(PROJECT_ROOT)}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared" / "data")
    main(parser.parse_args().shared)
