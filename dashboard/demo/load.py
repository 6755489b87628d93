"""The embedded demo dataset: real CBS Iv3 figures of every municipality (Kampen in full detail),
loaded through the normal importer, and what comparison needs beside them (fund, classifications)."""

from __future__ import annotations

import gzip
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Engine

from dashboard.config.paths import DEMO_DIR, NATIONAL_DEMO_DIR, THEME_MAPPING_FILE
from dashboard.domain.iv3 import BEGROTING, JAARREKENING
from dashboard.domain.themes import ThemeMapping
from dashboard.importers.iv3 import parse_iv3_file
from dashboard.store.compare_tables import REGION_COLUMNS, VOLUME_COLUMNS, store_fund, store_regions
from dashboard.store.writer import store_iv3

TEN_YEAR_FILE = "iv3_2017_2026_lasten.csv"
#: Every municipality's lasten, with Kampen's detail (scripts/extract_national_demo.py).
NATIONAL_FILE = "national/iv3_national.csv.gz"
#: Full files replace the rolled-up rows of their year and document with detail and baten.
FULL_FILES = (
    ("2023_begroting.csv", 2023, BEGROTING),
    ("2023_jaarrekening.csv", 2023, JAARREKENING),
    ("2024_begroting.csv", 2024, BEGROTING),
    ("2025_begroting.csv", 2025, BEGROTING),
)


#: The demo's draft dataset: the programme layer of this (year, document) stays a draft.
DRAFT_PROGRAMME_LAYER = (2026, BEGROTING)


def load_demo(engine: Engine, programmes: bool = True, national: bool = True, savings: bool = True) -> list[str]:
    """Import every demo file in order; returns the importer summaries.

    ``programmes=False`` loads the CBS files only (the programme generator reads those).
    ``national=False`` loads Kampen's CBS files alone (quicker, for tests that need no comparison: no
    regions, classes or fund either).
    ``savings=False`` leaves out the savings target, the learning loop and the illustrative decision round
    (a store of a release before them).
    """
    mapping = ThemeMapping.from_csv(THEME_MAPPING_FILE)
    summaries = []
    if national:
        with tempfile.TemporaryDirectory() as folder:
            plain = Path(folder) / "iv3_national.csv"
            with gzip.open(DEMO_DIR / NATIONAL_FILE, "rb") as packed, open(plain, "wb") as out:
                shutil.copyfileobj(packed, out)
            parsed = parse_iv3_file(plain, mapping, display_name=f"data/demo/{NATIONAL_FILE}")
        store_iv3(engine, parsed)
        summaries.append(parsed.summary())
        summaries.append(load_comparison_tables(engine))
    else:
        parsed = parse_iv3_file(DEMO_DIR / TEN_YEAR_FILE, mapping, display_name=f"data/demo/{TEN_YEAR_FILE}")
        store_iv3(engine, parsed)
        summaries.append(parsed.summary())
        for file_name, year, kind in FULL_FILES:
            parsed = parse_iv3_file(DEMO_DIR / file_name, mapping, year=year, kind=kind, display_name=f"data/demo/{file_name}")
            store_iv3(engine, parsed)
            summaries.append(parsed.summary())
    if programmes:  # the illustrative programme layer, reconciled with the CBS figures above (published)
        from dashboard.importers.project import ImportOptions
        from dashboard.ingest.project import import_project_directory

        summaries.append(import_project_directory(engine, DEMO_DIR / "programmes", ImportOptions(publish=True)).summary())
        # the illustrative results layer (indicators, targets, values, stories); refers to the programmes above
        summaries.append(import_project_directory(engine, DEMO_DIR / "indicators", ImportOptions(publish=True)).summary())
        # the illustrative savings target, its measures and the learning loop; refer to the two layers above
        if savings:
            summaries.append(import_project_directory(engine, DEMO_DIR / "savings", ImportOptions(publish=True)).summary())
            # the illustrative decision round (issue 16): closed and published, participants without names
            from dashboard.demo.decision_round import load_demo_round

            summaries.append(load_demo_round(engine))
        # One draft, so the public and council sites differ visibly (and testably): the programme budget of
        # the newest begroting is still in preparation, while CBS's own figures of that begroting are published.
        from dashboard.store.publishing import set_programme_layer_status

        year, kind = DRAFT_PROGRAMME_LAYER
        set_programme_layer_status(engine, year, kind, "draft")
        summaries.append(f"programme layer {kind} {year}: draft (the public site shows its CBS figures only)")
    return summaries


def load_comparison_tables(engine: Engine) -> str:
    """The regions, classes and fund of ``data/demo/national/`` (written by
    ``scripts/extract_comparison_reference.py`` through the same readers as ``import-regions`` and
    ``import-gemeentefonds``) into the store."""
    reference = pd.read_csv(NATIONAL_DEMO_DIR / "municipalities.csv", index_col="municipality", keep_default_na=False, na_values=[""])
    store_regions(engine, reference[REGION_COLUMNS])
    volumes = reference.reset_index()
    volumes[["circular", "payment_year"]] = volumes["fund_circular"].str.split(" ", expand=True)
    volumes["payment_year"] = volumes["payment_year"].astype(int)
    payments = pd.read_csv(NATIONAL_DEMO_DIR / "fund.csv")
    store_fund(engine, payments, volumes[VOLUME_COLUMNS], pd.read_csv(NATIONAL_DEMO_DIR / "fund_notes.csv"))
    return f"comparison: regions and classes of {len(reference)} municipalities, {payments['circular'].nunique()} gemeentefonds circulars"
