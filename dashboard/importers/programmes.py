"""Programmes, providers and allocations: the project's CSV files below the CBS theme totals.

Three files, all required together (see ``data/README.md``): ``programmes.csv``,
``providers.csv`` and ``allocations.csv``. Cells are parsed by ``tables.read_table``; this module
adds the cross-file checks (references, the municipality's CBS document and taakveld, the
taakveld's theme) and the plain records that ``store.programmes.write_programme_layers`` stores. Each (municipality, year, document) in ``allocations.csv``
replaces that document's whole programme layer.
"""
from __future__ import annotations

import re

import pandas as pd

from dashboard.config.paths import THEME_MAPPING_FILE
from dashboard.domain.drilldown import INSTRUMENTS, LAYERS, PROVIDER_KINDS
from dashboard.domain.iv3 import DOCUMENT_KINDS
from dashboard.domain.limits import NAME_LENGTH
from dashboard.domain.refusal import Refusal, Word
from dashboard.domain.themes import THEME_BY_SLUG, ThemeMapping
from dashboard.importers.problems import Problem
from dashboard.importers.project import UNKNOWN_MUNICIPALITY, FileSet, ImportOptions, KnownInStore
from dashboard.importers.tables import Column, TableSpec, boolean, choice, count, slug, text, text_up_to, whole_euros, year

PROGRAMMES, PROVIDERS, ALLOCATIONS = "programmes.csv", "providers.csv", "allocations.csv"
CODE_PATTERN = re.compile(r"^[0-9]{1,2}\.[0-9]{1,3}[a-z]?$")


def taakveld_code(value: str) -> str:
    if not CODE_PATTERN.match(value):
        raise Refusal("{value!r} is not an Iv3 taakveld code such as 6.71a or 6.3", value=value)
    return value


def taakveld_codes(value: str) -> str:
    """Space-separated codes (a programme's documented taakvelden); kept as written."""
    codes = value.split()
    for code in codes:
        taakveld_code(code)
    return " ".join(codes)


def kvk_number(value: str) -> str:
    if not re.fullmatch(r"[0-9]{8}", value):
        raise Refusal("{value!r} is not a Chamber of Commerce (KvK) number of 8 digits", value=value)
    return value


TABLES = (
    TableSpec(
        PROGRAMMES,
        (
            Column("programme", slug),
            Column("name", text_up_to(NAME_LENGTH)),
            Column("name_nl", text_up_to(NAME_LENGTH), required=False),
            Column("theme", choice(*THEME_BY_SLUG)),
            Column("layer", choice(*LAYERS)),
            Column("taakvelden", taakveld_codes),
            Column("description", text, required=False),
            Column("description_nl", text, required=False),
            Column("illustrative", boolean, required=False),
        ),
        key=("programme",),
        description="one row per programme: what the municipality does within a theme",
    ),
    TableSpec(
        PROVIDERS,
        (
            Column("provider", slug),
            Column("name", text_up_to(NAME_LENGTH)),
            Column("kind", choice(*PROVIDER_KINDS)),
            Column("kvk", kvk_number, required=False),
            Column("illustrative", boolean, required=False),
        ),
        key=("provider",),
        description="one row per organisation the municipality pays (the municipality itself for benefits)",
    ),
    TableSpec(
        ALLOCATIONS,
        (
            Column("municipality", text),
            Column("year", year),
            Column("document", choice(*DOCUMENT_KINDS)),
            Column("programme", slug),
            Column("provider", slug),
            Column("taakveld", taakveld_code),
            Column("instrument", choice(*INSTRUMENTS)),
            Column("amount_eur", whole_euros),
            Column("clients", count, required=False),
            Column("illustrative", boolean, required=False),
        ),
        key=("municipality", "year", "document", "programme", "provider", "taakveld"),
        description="programme × provider × taakveld × year × document → whole euros",
    ),
)


def check(frames: dict[str, pd.DataFrame], known_in_store: KnownInStore, directory: str) -> list[Problem]:
    """Cross-file and store checks; every problem names file, line and column."""
    problems: list[Problem] = []
    name = f"{directory}/{ALLOCATIONS}"
    programmes = frames[PROGRAMMES].set_index("programme")
    providers = set(frames[PROVIDERS]["provider"])
    allocations = frames[ALLOCATIONS]
    mapping = ThemeMapping.from_csv(THEME_MAPPING_FILE)
    known = known_in_store.municipalities()
    codes = known_in_store.taakveld_codes(sorted(set(allocations["municipality"]) & known))
    for row in allocations.itertuples(index=False):
        line = int(row.line)
        if row.programme not in programmes.index:
            problems.append(Problem(name, line, "programme", "unknown programme {programme!r}: it is not in {file}", programme=row.programme, file=PROGRAMMES))
        if row.provider not in providers:
            problems.append(Problem(name, line, "provider", "unknown provider {provider!r}: it is not in {file}", provider=row.provider, file=PROVIDERS))
        if row.municipality not in known:
            problems.append(Problem(name, line, "municipality", UNKNOWN_MUNICIPALITY, municipality=row.municipality))
            continue
        document_codes = codes.get((row.municipality, int(row.year), row.document))
        if document_codes is None:
            problems.append(
                Problem(name, line, "document", "there are no CBS Iv3 figures for {municipality} {document} {year}: import them first",
                        municipality=row.municipality, document=row.document, year=row.year)
            )
            continue
        if row.taakveld not in document_codes:
            problems.append(
                Problem(name, line, "taakveld", "taakveld {taakveld} is not in the CBS figures of {municipality} {document} {year}",
                        taakveld=row.taakveld, municipality=row.municipality, document=row.document, year=row.year)
            )
            continue
        if row.programme in programmes.index:
            expected = THEME_BY_SLUG[programmes.loc[row.programme, "theme"]]
            actual = mapping.theme_of(row.taakveld)
            if actual != expected:
                problems.append(
                    Problem(
                        name, line, "taakveld",
                        "taakveld {taakveld} belongs to theme {actual}, but programme {programme} is in theme {expected}",
                        taakveld=row.taakveld, actual=Word(actual or "none (outside the social domain)"), programme=row.programme, expected=Word(expected),
                    )
                )
    return problems


def records(frames: dict[str, pd.DataFrame], options: ImportOptions) -> dict:
    """The checked files as the plain records ``store.programmes.write_programme_layers`` takes;
    allocations grouped per (municipality, year, document), each group a whole layer."""
    programmes = [
        {
            "slug": r["programme"], "name": r["name"], "name_nl": _text(r["name_nl"]), "theme": THEME_BY_SLUG[r["theme"]],
            "layer": r["layer"], "taakvelden": r["taakvelden"], "description": _text(r["description"]),
            "description_nl": _text(r["description_nl"]), "illustrative": _flag(r["illustrative"]),
        }
        for r in frames[PROGRAMMES].to_dict("records")
    ]
    providers = [
        {"slug": r["provider"], "name": r["name"], "kind": r["kind"], "kvk": _text(r["kvk"]), "illustrative": _flag(r["illustrative"])}
        for r in frames[PROVIDERS].to_dict("records")
    ]
    layers = []
    for (name, yr, kind), part in frames[ALLOCATIONS].groupby(["municipality", "year", "document"], sort=True):
        rows = [
            {
                "programme": r["programme"], "provider": r["provider"], "taakveld": r["taakveld"], "instrument": r["instrument"],
                "amount_eur": int(r["amount_eur"]), "clients": None if pd.isna(r["clients"]) else int(r["clients"]),
                "illustrative": _flag(r["illustrative"]),
            }
            for r in part.to_dict("records")
        ]
        layers.append({
            "municipality": name, "year": int(yr), "kind": kind, "illustrative": any(r["illustrative"] for r in rows),
            "source_file": ALLOCATIONS, "rows": rows,
        })
    return {"programmes": programmes, "providers": providers, "layers": layers, "status": options.status}


def _text(value) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _flag(value) -> bool:
    """An optional boolean cell: empty means False (pandas may hold it as None or NaN)."""
    return False if value is None or pd.isna(value) else bool(value)


FILE_SET = FileSet(name="programmes", tables=TABLES, check=check, records=records)
