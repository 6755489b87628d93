"""A savings target (taakstelling) and its measures, imported with ``python -m dashboard import DIR``.

Five files, all required together (documented in ``data/README.md``): ``savings_targets.csv`` (one row:
the municipality's total and period), ``savings_split.csv`` (the total per theme and year),
``measures.csv``, ``measure_savings.csv`` (expected and realised per year) and
``measure_indicators.csv`` (the indicators a measure must not harm). The checks: the split adds up to
the total, every year lies in the period, every measure has a theme, and links point at programmes,
providers and indicators that exist (in the store or in this import). One import replaces that
municipality's savings layer whole (``store.savings.write_savings_layer``).
"""

from __future__ import annotations

import pandas as pd

from dashboard.domain.limits import NAME_LENGTH
from dashboard.domain.refusal import Word
from dashboard.domain.savings import KINDS, MEASURE_STATUSES, split_difference
from dashboard.domain.themes import THEME_BY_SLUG
from dashboard.importers.problems import Euros, Problem
from dashboard.importers.project import NO_SUCH_INDICATOR, UNKNOWN_PROGRAMME, UNKNOWN_PROVIDER, FileSet, ImportOptions, KnownInStore, one_municipality
from dashboard.importers.tables import Column, TableSpec, boolean, choice, flag, optional, rows_of, slug, slug_list, text, text_up_to, whole_euros, year

TARGETS, SPLIT, MEASURES, MEASURE_SAVINGS, MEASURE_INDICATORS = (
    "savings_targets.csv",
    "savings_split.csv",
    "measures.csv",
    "measure_savings.csv",
    "measure_indicators.csv",
)
UNKNOWN_MEASURE = "unknown measure {measure!r}: it is not in {file}"
PROGRAMMES_FILE, PROVIDERS_FILE, INDICATORS_FILE = "programmes.csv", "providers.csv", "indicators.csv"  # of other file sets

TABLES = (
    TableSpec(
        TARGETS,
        (
            Column("municipality", text),
            Column("name", text_up_to(NAME_LENGTH)),
            Column("name_nl", text_up_to(NAME_LENGTH), required=False),
            Column("start_year", year),
            Column("end_year", year),
            Column("total_eur", whole_euros),
            Column("illustrative", boolean, required=False),
        ),
        key=("municipality",),
        description="one row: the municipality's savings target, its period and total in whole euros",
    ),
    TableSpec(
        SPLIT,
        (Column("theme", choice(*THEME_BY_SLUG)), Column("year", year), Column("amount_eur", whole_euros)),
        key=("theme", "year"),
        description="theme × year → whole euros to save; adds up to the target's total",
    ),
    TableSpec(
        MEASURES,
        (
            Column("measure", slug),
            Column("name", text_up_to(NAME_LENGTH)),
            Column("name_nl", text_up_to(NAME_LENGTH), required=False),
            Column("theme", choice(*THEME_BY_SLUG)),
            Column("programmes", slug_list, required=False),
            Column("provider", slug, required=False),
            Column("kind", choice(*KINDS)),
            Column("status", choice(*MEASURE_STATUSES)),
            Column("owner", text_up_to(NAME_LENGTH)),
            Column("description", text, required=False),
            Column("description_nl", text, required=False),
            Column("illustrative", boolean, required=False),
        ),
        key=("measure",),
        description="one row per measure that fills the target",
    ),
    TableSpec(
        MEASURE_SAVINGS,
        (Column("measure", slug), Column("year", year), Column("expected_eur", whole_euros), Column("realised_eur", whole_euros, required=False)),
        key=("measure", "year"),
        description="measure × year → expected and (once known) realised savings in whole euros",
    ),
    TableSpec(
        MEASURE_INDICATORS,
        (Column("measure", slug), Column("indicator", slug)),
        key=("measure", "indicator"),
        description="measure → an indicator it must not harm (shown beside it, flagged when off track)",
    ),
)


def check(frames: dict[str, pd.DataFrame], known: KnownInStore, directory: str) -> list[Problem]:
    """Cross-file and store checks; every problem names file, line and column."""
    name = f"{directory}/{TARGETS}"
    targets = rows_of(frames[TARGETS])
    problems = one_municipality(targets, known, name, Word("savings target"))
    if len(targets) > 1:
        problems.append(Problem(name, int(targets[1]["line"]), "municipality", "one savings target per import: a municipality has one target at a time"))
    if problems:
        return problems
    target = targets[0]
    line, start, end = int(target["line"]), int(target["start_year"]), int(target["end_year"])
    if end < start:  # every year would be outside it: this one message says what is wrong
        return [Problem(name, line, "end_year", "the period ends ({end}) before it starts ({start})", end=end, start=start)]
    if int(target["total_eur"]) <= 0:
        problems.append(Problem(name, line, "total_eur", "a savings target is a positive amount of euros"))

    def outside(file: str, row: dict) -> None:
        if not start <= int(row["year"]) <= end:
            problems.append(Problem(f"{directory}/{file}", int(row["line"]), "year", "{year} is outside the target's period {start}–{end}",
                                    year=int(row["year"]), start=start, end=end))

    split = rows_of(frames[SPLIT])
    for row in split:
        outside(SPLIT, row)
    difference = split_difference(int(target["total_eur"]), {(r["theme"], int(r["year"])): int(r["amount_eur"]) for r in split})
    if difference:
        problems.append(
            Problem(
                name,
                line,
                "total_eur",
                "the split per theme and year in {file} adds up to {split}, not to the total {total}",
                file=SPLIT, split=Euros(int(target["total_eur"]) - difference), total=Euros(int(target["total_eur"])),
            )
        )

    programmes = dict(known.programme_themes())
    if PROGRAMMES_FILE in frames:
        programmes.update({r["programme"]: THEME_BY_SLUG[r["theme"]] for r in rows_of(frames[PROGRAMMES_FILE]) if r["theme"]})
    providers = set(known.provider_slugs()) | (set(frames[PROVIDERS_FILE]["provider"]) if PROVIDERS_FILE in frames else set())
    name = f"{directory}/{MEASURES}"
    measures = {r["measure"]: r for r in rows_of(frames[MEASURES])}
    for row in measures.values():
        for programme in row["programmes"] or ():
            if programme not in programmes:
                problems.append(
                    Problem(name, int(row["line"]), "programmes", UNKNOWN_PROGRAMME, programme=programme, file=PROGRAMMES_FILE)
                )
            elif programmes[programme] != THEME_BY_SLUG[row["theme"]]:
                problems.append(
                    Problem(
                        name,
                        int(row["line"]),
                        "programmes",
                        "programme {programme!r} is in theme {programme_theme}, this measure in {theme}",
                        programme=programme, programme_theme=Word(programmes[programme]), theme=Word(THEME_BY_SLUG[row["theme"]]),
                    )
                )
        if row["provider"] is not None and row["provider"] not in providers:
            problems.append(
                Problem(name, int(row["line"]), "provider", UNKNOWN_PROVIDER, provider=row["provider"], file=PROVIDERS_FILE)
            )

    for row in rows_of(frames[MEASURE_SAVINGS]):
        if row["measure"] not in measures:
            problems.append(
                Problem(f"{directory}/{MEASURE_SAVINGS}", int(row["line"]), "measure", UNKNOWN_MEASURE, measure=row["measure"], file=MEASURES)
            )
        outside(MEASURE_SAVINGS, row)

    indicators = known.indicator_slugs(target["municipality"])
    if INDICATORS_FILE in frames:
        indicators |= {r["indicator"] for r in rows_of(frames[INDICATORS_FILE]) if r["municipality"] == target["municipality"]}
    name = f"{directory}/{MEASURE_INDICATORS}"
    for row in rows_of(frames[MEASURE_INDICATORS]):
        if row["measure"] not in measures:
            problems.append(Problem(name, int(row["line"]), "measure", UNKNOWN_MEASURE, measure=row["measure"], file=MEASURES))
        if row["indicator"] not in indicators:
            problems.append(
                Problem(
                    name,
                    int(row["line"]),
                    "indicator",
                    NO_SUCH_INDICATOR, indicator=row["indicator"], municipality=target["municipality"],
                )
            )
    return problems


def records(frames: dict[str, pd.DataFrame], options: ImportOptions) -> dict:
    """The checked files as the plain records ``store.savings.write_savings_layer`` takes."""
    (target,) = rows_of(frames[TARGETS])
    measures = rows_of(frames[MEASURES])
    illustrative = flag(target["illustrative"]) or any(flag(m["illustrative"]) for m in measures)
    return {
        "municipality": target["municipality"],
        "status": options.status,
        "source": ", ".join(table.file_name for table in TABLES),
        "target": {
            "name": target["name"],
            "name_nl": target["name_nl"],
            "total_eur": int(target["total_eur"]),
            "start_year": int(target["start_year"]),
            "end_year": int(target["end_year"]),
            "illustrative": illustrative,
        },
        "split": [{"theme": THEME_BY_SLUG[r["theme"]], "year": int(r["year"]), "amount_eur": int(r["amount_eur"])} for r in rows_of(frames[SPLIT])],
        "measures": [
            {
                "slug": m["measure"],
                "name": m["name"],
                "name_nl": m["name_nl"],
                "theme": THEME_BY_SLUG[m["theme"]],
                "programmes": " ".join(m["programmes"] or ()),
                "provider": m["provider"],
                "kind": m["kind"],
                "status": m["status"],
                "owner": m["owner"],
                "description": m["description"],
                "description_nl": m["description_nl"],
                "illustrative": flag(m["illustrative"]),
            }
            for m in measures
        ],
        "years": [
            {
                "measure": r["measure"],
                "year": int(r["year"]),
                "expected_eur": int(r["expected_eur"]),
                "realised_eur": None if optional(r["realised_eur"]) is None else int(r["realised_eur"]),
            }
            for r in rows_of(frames[MEASURE_SAVINGS])
        ],
        "links": [{"measure": r["measure"], "indicator": r["indicator"]} for r in rows_of(frames[MEASURE_INDICATORS])],
    }


FILE_SET = FileSet(name="savings", tables=TABLES, check=check, records=records)
