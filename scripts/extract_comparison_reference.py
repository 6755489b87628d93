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

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.config.paths import DATA_DIR, DEMO_DIR, PROJECT_ROOT  # noqa: E402
from dashboard.demo.load import NATIONAL_FILE  # noqa: E402
from dashboard.domain.fund import circular_for_year, cluster_payments  # noqa: E402
from dashboard.importers.gemeentefonds import read_gemeentefonds  # noqa: E402
from dashboard.importers.iv3 import municipality_aliases  # noqa: E402

MEASURES = {"inwo": "fund_inhabitants", "jong": "young_0_17", "bo3_nw": "bijstand", "ephh": "one_person_households",
            "loonksub": "wage_subsidy", "doelgroep": "target_group"}


def stored_names() -> set[str]:
    aliases = municipality_aliases()
    with gzip.open(DEMO_DIR / NATIONAL_FILE, "rt", encoding="utf-8") as handle:
        return {aliases.get(row["Gemeenten"], row["Gemeenten"]) for row in csv.DictReader(handle, delimiter=";")} - {"Nederland"}


def main(shared: Path) -> None:
    known = stored_names()
    circulars = read_gemeentefonds(shared / "gemeentefonds", known)
    out = DEMO_DIR / "national"
    payments, notes = [], []
    for c in circulars:
        frame, circular_notes = cluster_payments(c)
        frame.insert(0, "factor", c.factor)
        frame.insert(0, "payment_year", c.payment_year)
        frame.insert(0, "circular", c.code)
        payments.append(frame)
        notes += [{"circular": c.code, "payment_year": c.payment_year, "note": n} for n in
                  ["weight of measure 'vast' read from volume column 'vast nieuw' (domain.fund.MEASURE_ALIASES)"] + circular_notes]
    fund = pd.concat(payments, ignore_index=True)
    for column in ("measures_eur", "siudu_eur", "payment_eur"):
        fund[column] = fund[column].round(2)
    fund.to_csv(out / "fund.csv", index=False)
    pd.DataFrame(notes).to_csv(out / "fund_notes.csv", index=False)

    newest = max(circular_for_year([(c.code, c.payment_year) for c in circulars], y) or "" for y in {c.payment_year for c in circulars})
    latest = max((c for c in circulars if c.code == newest), key=lambda c: c.payment_year)
    volumes = latest.volumes[list(MEASURES)].rename(columns=MEASURES)

    aliases = municipality_aliases()
    pairs = pd.read_csv(shared / "gemeentefonds" / "gemeentenamen.csv", sep="\t")
    both = {a: b for a, b in zip(pairs.Iv3naam, pairs.GFnaam)} | {b: a for a, b in zip(pairs.Iv3naam, pairs.GFnaam)}

    def join(name: str) -> str:
        for candidate in (name, both.get(name, name)):
            candidate = aliases.get(candidate, candidate)
            if candidate in known:
                return candidate
        raise SystemExit(f"{name!r} does not join to the Iv3 municipalities")

    regions = pd.read_csv(shared / "regions" / "gebieden_in_nederland_2022.csv", sep=";")
    regions.index = [join(n) for n in regions.gemeentenaam]
    successors = pd.read_csv(DATA_DIR / "municipality_successors.csv")
    for successor, part in successors.groupby("successor"):
        old = regions.loc[part.predecessor]
        row = old.iloc[0].copy()
        row["omgevingsadressendichtheid"] = round((old.omgevingsadressendichtheid * old.inwonertal).sum() / old.inwonertal.sum())
        row["inwonertal"] = old.inwonertal.sum()
        row["gm_code"] = ""
        regions.loc[successor] = row
    classes = pd.read_csv(shared / "iv3" / "gemeenteklassen_2025.csv", sep="\t")
    classes.index = [join(n) for n in classes.Gemeenten]
    fund_classes = pd.read_csv(shared / "regions" / "sociale_structuur_centrumfunctie_2025.csv", sep="\t")
    fund_classes.index = [join(n) for n in fund_classes.Gemeenten]
    names = sorted(classes.index)
    table = pd.DataFrame(index=pd.Index(names, name="municipality"))
    table["gm_code"] = regions.gm_code.reindex(names)
    table["province"] = classes.Provincie
    table["size_class"] = classes.Gemeentegrootte
    table["urbanity"] = classes.Stedelijkheid
    table["urbanity_code"] = regions.stedelijkheid_code.reindex(names)
    table["youth_region"] = regions.jeugdregio.reindex(names)
    table["labour_region"] = regions.arbeidsmarktregio.reindex(names)
    table["address_density"] = regions.omgevingsadressendichtheid.reindex(names)
    table["centre_function"] = fund_classes.Centrumfunctie.reindex(names)
    table["social_structure"] = fund_classes["Sociale structuur"].reindex(names)
    table = table.join(volumes)
    table["fund_circular"] = f"{latest.code} {latest.payment_year}"
    missing = table[["youth_region", "labour_region", "fund_inhabitants"]].isna().any(axis=1)
    if missing.any():
        raise SystemExit(f"no regions or fund volumes for: {', '.join(table.index[missing])}")
    table.to_csv(out / "municipalities.csv")
    for path in (out / "fund.csv", out / "fund_notes.csv", out / "municipalities.csv"):
        print(f"{path.relative_to(PROJECT_ROOT)}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared" / "data")
    main(parser.parse_args().shared)
