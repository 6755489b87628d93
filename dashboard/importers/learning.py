"""The learning loop: ambitions per theme and dated learning notes, imported with ``python -m dashboard import DIR``.

Two files, required together (documented in ``data/README.md``): ``ambitions.csv`` (whose
municipality column says whose loop this is) and ``learning_notes.csv`` (what we saw, learned and
decided, about which programmes and indicators, by whom). Links must point at programmes and
indicators that exist; one import replaces that municipality's learning layer whole.
"""

from __future__ import annotations

import pandas as pd

from dashboard.domain.learning import DECISIONS
from dashboard.domain.limits import NAME_LENGTH
from dashboard.domain.refusal import Word
from dashboard.domain.themes import THEME_BY_SLUG
from dashboard.importers.problems import Problem
from dashboard.importers.project import NO_SUCH_INDICATOR, UNKNOWN_PROGRAMME, FileSet, ImportOptions, KnownInStore, one_municipality
from dashboard.importers.tables import Column, TableSpec, boolean, choice, flag, iso_date, rows_of, slug_list, text, text_up_to

AMBITIONS, NOTES = "ambitions.csv", "learning_notes.csv"
PROGRAMMES_FILE, INDICATORS_FILE = "programmes.csv", "indicators.csv"  # of other file sets

TABLES = (
    TableSpec(
        AMBITIONS,
        (
            Column("municipality", text),
            Column("theme", choice(*THEME_BY_SLUG)),
            Column("ambition", text),
            Column("ambition_nl", text, required=False),
            Column("illustrative", boolean, required=False),
        ),
        key=("municipality", "theme"),
        description="theme → the ambition the council set (Kwaliteitskompas: ambitie)",
    ),
    TableSpec(
        NOTES,
        (
            Column("date", iso_date),
            Column("theme", choice(*THEME_BY_SLUG)),
            Column("programmes", slug_list, required=False),
            Column("indicators", slug_list, required=False),
            Column("saw", text),
            Column("learned", text),
            Column("decision", choice(*DECISIONS)),
            Column("author", text_up_to(NAME_LENGTH)),
            Column("language", choice("en", "nl")),
        ),
        description="date × theme → what we saw, what we learned, what we decide (continue, adjust, stop)",
    ),
)


def check(frames: dict[str, pd.DataFrame], known: KnownInStore, directory: str) -> list[Problem]:
    ambitions = rows_of(frames[AMBITIONS])
    problems = one_municipality(ambitions, known, f"{directory}/{AMBITIONS}", Word("ambitions"))
    if problems:
        return problems
    municipality = ambitions[0]["municipality"]
    programmes = set(known.programme_themes()) | (set(frames[PROGRAMMES_FILE]["programme"]) if PROGRAMMES_FILE in frames else set())
    indicators = known.indicator_slugs(municipality)
    if INDICATORS_FILE in frames:
        indicators |= {r["indicator"] for r in rows_of(frames[INDICATORS_FILE]) if r["municipality"] == municipality}
    name = f"{directory}/{NOTES}"
    for row in rows_of(frames[NOTES]):
        for programme in row["programmes"] or ():
            if programme not in programmes:
                problems.append(
                    Problem(name, int(row["line"]), "programmes", UNKNOWN_PROGRAMME, programme=programme, file=PROGRAMMES_FILE)
                )
        for indicator in row["indicators"] or ():
            if indicator not in indicators:
                problems.append(
                    Problem(
                        name,
                        int(row["line"]),
                        "indicators",
                        NO_SUCH_INDICATOR, indicator=indicator, municipality=municipality,
                    )
                )
    return problems


def records(frames: dict[str, pd.DataFrame], options: ImportOptions) -> dict:
    """The checked files as the plain records ``store.savings.write_learning_layer`` takes."""
    ambitions = rows_of(frames[AMBITIONS])
    return {
        "municipality": ambitions[0]["municipality"],
        "status": options.status,
        "illustrative": any(flag(r["illustrative"]) for r in ambitions),
        "source": ", ".join(table.file_name for table in TABLES),
        "ambitions": [{"theme": THEME_BY_SLUG[r["theme"]], "text": r["ambition"], "text_nl": r["ambition_nl"]} for r in ambitions],
        "notes": [
            {
                "date": r["date"],
                "theme": THEME_BY_SLUG[r["theme"]],
                "programmes": " ".join(r["programmes"] or ()),
                "indicators": " ".join(r["indicators"] or ()),
                "saw": r["saw"],
                "learned": r["learned"],
                "decision": r["decision"],
                "author": r["author"],
                "language": r["language"],
            }
            for r in rows_of(frames[NOTES])
        ],
    }


FILE_SET = FileSet(name="learning", tables=TABLES, check=check, records=records)
