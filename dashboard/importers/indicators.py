"""Indicators, targets, values and stories: the results layer, imported with ``python -m dashboard import DIR``.

Four files, all required together (documented in ``data/README.md``): ``indicators.csv``,
``indicator_targets.csv``, ``indicator_values.csv`` and ``stories.csv``. Cells are parsed by
``tables.read_table``; this module adds the cross-file checks (references, the results chain,
targets that fit the direction, periods that fit the frequency, one known municipality) and the
write, which replaces that municipality's results layer in one transaction (other municipalities'
layers are untouched). What the checks need of the store comes in as ``KnownInStore``; the rows go out
as plain records for ``store.indicators.write_results_layer`` (``dashboard.ingest`` joins the two).
"""
from __future__ import annotations

import pandas as pd

from dashboard.domain.indicators import LEVEL_RANK, LEVELS, VOICES
from dashboard.domain.limits import NAME_LENGTH, UNIT_LENGTH, is_percent
from dashboard.domain.refusal import Refusal, Word
from dashboard.domain.themes import THEME_BY_SLUG, THEME_SLUGS
from dashboard.domain.traffic_light import BAND, DIRECTIONS, FREQUENCIES, HIGHER, LOWER, Period, Target
from dashboard.importers.problems import Problem
from dashboard.importers.project import UNKNOWN_INDICATOR, UNKNOWN_PROGRAMME, UNKNOWN_PROVIDER, FileSet, ImportOptions, KnownInStore, one_municipality
from dashboard.importers.tables import Column, TableSpec, boolean, choice, count, decimal_number, iso_date, slug, text, text_up_to, year

INDICATORS, TARGETS, VALUES, STORIES = "indicators.csv", "indicator_targets.csv", "indicator_values.csv", "stories.csv"
PROGRAMMES_FILE, PROVIDERS_FILE = "programmes.csv", "providers.csv"  # of the programme file set (drill-down)


def period(value: str) -> Period:
    return Period.parse(value)


def tolerance(value: str) -> float:
    number = decimal_number(value)
    if number < 0:
        raise Refusal("{value!r}: a tolerance cannot be negative", value=value)
    return number


def decimals(value: str) -> int:
    number = count(value)
    if number > 4:
        raise Refusal("{value!r}: show at most 4 decimals", value=value)
    return number


TABLES = (
    TableSpec(
        INDICATORS,
        (
            Column("municipality", text),  # the CBS name, the same on every row: whose results layer this is
            Column("indicator", slug),
            Column("name", text_up_to(NAME_LENGTH)),
            Column("name_nl", text_up_to(NAME_LENGTH), required=False),
            Column("theme", choice(*THEME_BY_SLUG)),
            Column("level", choice(*LEVELS)),
            Column("contributes_to", slug, required=False),
            Column("programme", slug, required=False),
            Column("provider", slug, required=False),
            Column("unit", text_up_to(UNIT_LENGTH)),
            Column("unit_nl", text_up_to(UNIT_LENGTH), required=False),
            Column("decimals", decimals),
            Column("direction", choice(*DIRECTIONS)),
            Column("tolerance", tolerance),
            Column("frequency", choice(*FREQUENCIES)),
            Column("source", text),
            Column("owner", text),
            Column("definition", text),
            Column("definition_nl", text, required=False),
            Column("illustrative", boolean, required=False),
        ),
        key=("indicator",),
        description="one row per indicator: what is measured, how, by whom, and which way is better",
    ),
    TableSpec(
        TARGETS,
        (
            Column("indicator", slug),
            Column("year", year),
            Column("minimum", decimal_number, required=False),
            Column("maximum", decimal_number, required=False),
        ),
        key=("indicator", "year"),
        description="indicator × year → target: a minimum, a maximum, or both (a band)",
    ),
    TableSpec(
        VALUES,
        (
            Column("indicator", slug),
            Column("period", period),
            Column("value", decimal_number),
            Column("note", text, required=False),
        ),
        key=("indicator", "period"),
        description="indicator × period (2025 or 2025-Q3) → measured value, with an optional note",
    ),
    TableSpec(
        STORIES,
        (
            Column("indicator", slug, required=False),
            Column("programme", slug, required=False),
            Column("date", iso_date),
            Column("title", text_up_to(NAME_LENGTH)),
            Column("text", text),
            Column("author", text_up_to(NAME_LENGTH)),
            Column("voice", choice(*VOICES)),
            Column("language", choice("en", "nl")),
        ),
        description="indicator or programme × date → the story behind the numbers",
    ),
)

_BOUNDS_NEEDED = {
    HIGHER: "{indicator} is '{direction}': higher is better needs a minimum and no maximum",
    LOWER: "{indicator} is '{direction}': lower is better needs a maximum and no minimum",
    BAND: "{indicator} is '{direction}': a target band needs both a minimum and a maximum, minimum not above maximum",
}


def _wrong_bound(direction: str, target: Target) -> str:
    """The column to point at when a target's bounds do not fit its direction."""
    if direction == HIGHER:
        return "maximum" if target.maximum is not None else "minimum"
    if direction == LOWER:
        return "minimum" if target.minimum is not None else "maximum"
    return "minimum" if target.minimum is None else "maximum"


def check(frames: dict[str, pd.DataFrame], known: KnownInStore, directory: str) -> list[Problem]:
    """Cross-file and store checks; every problem names file, line and column."""
    problems: list[Problem] = []
    indicators = frames[INDICATORS]
    by_slug = {r["indicator"]: r for r in indicators.pipe(_records)}
    programmes = _known_programmes(frames, known)
    providers = _known_providers(frames, known)

    name = f"{directory}/{INDICATORS}"
    problems += one_municipality(indicators.pipe(_records), known, name, Word("indicators"))
    for row in by_slug.values():
        line, theme = int(row["line"]), THEME_BY_SLUG[row["theme"]]
        parent_slug = row["contributes_to"]
        if parent_slug is not None:
            parent = by_slug.get(parent_slug)
            if parent is None:
                problems.append(Problem(name, line, "contributes_to", UNKNOWN_INDICATOR, indicator=parent_slug, file=INDICATORS))
            elif LEVEL_RANK[parent["level"]] >= LEVEL_RANK[row["level"]]:
                problems.append(
                    Problem(name, line, "contributes_to",
                            ("an {level} can only contribute to a higher level (output → outcome or goal, outcome → goal), not to the {parent_level} {parent!r}"
                             if row["level"][0] in "aeiou" else
                             "a {level} can only contribute to a higher level (output → outcome or goal, outcome → goal), not to the {parent_level} {parent!r}"),
                            level=row["level"], parent_level=parent["level"], parent=parent_slug)
                )
            elif parent["theme"] != row["theme"]:
                problems.append(Problem(name, line, "contributes_to", "{parent!r} is in theme {parent_theme}, this indicator in {theme}",
                                        parent=parent_slug, parent_theme=Word(THEME_BY_SLUG[parent["theme"]]), theme=Word(theme)))
        programme_slug = row["programme"]
        if programme_slug is not None:
            if programme_slug not in programmes:
                problems.append(Problem(name, line, "programme", UNKNOWN_PROGRAMME, programme=programme_slug, file=PROGRAMMES_FILE))
            elif programmes[programme_slug] != theme:
                problems.append(Problem(name, line, "programme", "programme {programme!r} is in theme {programme_theme}, this indicator in {theme}",
                                        programme=programme_slug, programme_theme=Word(programmes[programme_slug]), theme=Word(theme)))
        if row["provider"] is not None and row["provider"] not in providers:
            problems.append(Problem(name, line, "provider", UNKNOWN_PROVIDER, provider=row["provider"], file=PROVIDERS_FILE))

    name = f"{directory}/{TARGETS}"
    targets: dict[str, set[int]] = {}
    for row in frames[TARGETS].pipe(_records):
        line, owner = int(row["line"]), by_slug.get(row["indicator"])
        if owner is None:
            problems.append(Problem(name, line, "indicator", UNKNOWN_INDICATOR, indicator=row["indicator"], file=INDICATORS))
            continue
        target = Target(_number(row["minimum"]), _number(row["maximum"]))
        problems += _percent_problems(owner, name, line, {"minimum": target.minimum, "maximum": target.maximum})
        if not target.fits(owner["direction"]):
            problems.append(Problem(name, line, _wrong_bound(owner["direction"], target), _BOUNDS_NEEDED[owner["direction"]],
                                    indicator=row["indicator"], direction=owner["direction"]))
        targets.setdefault(row["indicator"], set()).add(int(row["year"]))
    for slug_, row in by_slug.items():
        if slug_ not in targets:
            problems.append(Problem(f"{directory}/{INDICATORS}", int(row["line"]), "indicator", "{indicator} has no target in {file}", indicator=slug_, file=TARGETS))

    name = f"{directory}/{VALUES}"
    for row in frames[VALUES].pipe(_records):
        line, owner = int(row["line"]), by_slug.get(row["indicator"])
        if owner is None:
            problems.append(Problem(name, line, "indicator", UNKNOWN_INDICATOR, indicator=row["indicator"], file=INDICATORS))
            continue
        problems += _percent_problems(owner, name, line, {"value": _number(row["value"])})
        when: Period = row["period"]
        if when.frequency != owner["frequency"]:
            example = "2025" if owner["frequency"] == "yearly" else "2025-Q3"
            problems.append(Problem(name, line, "period", "{indicator} is measured {frequency}: write the period like {example}, not {period}",
                                    indicator=row["indicator"], frequency=Word(owner["frequency"]), example=example, period=str(when)))
        known_years = targets.get(row["indicator"], set())
        if known_years and when.year < min(known_years):
            problems.append(Problem(name, line, "period", "{indicator} has no target for {year} or earlier in {file}", indicator=row["indicator"], year=when.year, file=TARGETS))

    name = f"{directory}/{STORIES}"
    for row in frames[STORIES].pipe(_records):
        line = int(row["line"])
        about_indicator, about_programme = row["indicator"], row["programme"]
        if (about_indicator is None) == (about_programme is None):
            problems.append(Problem(name, line, "indicator", "fill in exactly one of indicator and programme"))
        elif about_indicator is not None and about_indicator not in by_slug:
            problems.append(Problem(name, line, "indicator", UNKNOWN_INDICATOR, indicator=about_indicator, file=INDICATORS))
        elif about_programme is not None and about_programme not in programmes:
            problems.append(Problem(name, line, "programme", UNKNOWN_PROGRAMME, programme=about_programme, file=PROGRAMMES_FILE))
    return problems


def _percent_problems(owner: dict, name: str, line: int, numbers: dict[str, float | None]) -> list[Problem]:
    if not is_percent(owner["unit"]):
        return []
    return [Problem(name, line, column, "{number:g} is outside 0–100, and {indicator} is in {unit!r}", number=number, indicator=owner["indicator"], unit=owner["unit"])
            for column, number in numbers.items() if number is not None and not 0 <= number <= 100]


def layer_municipality(frames: dict[str, pd.DataFrame]) -> str:
    """The municipality whose layer these (checked) files are."""
    return str(frames[INDICATORS]["municipality"].iloc[0])


def _known_programmes(frames: dict[str, pd.DataFrame], known_in_store: KnownInStore) -> dict[str, str]:
    """Programme slug → theme name, from the store and from this import's programmes.csv."""
    known = dict(known_in_store.programme_themes())
    if PROGRAMMES_FILE in frames:
        known.update({r["programme"]: THEME_BY_SLUG.get(r["theme"], r["theme"]) for r in frames[PROGRAMMES_FILE].pipe(_records)})
    return known


def _known_providers(frames: dict[str, pd.DataFrame], known_in_store: KnownInStore) -> set[str]:
    known = set(known_in_store.provider_slugs())
    if PROVIDERS_FILE in frames:
        known.update(frames[PROVIDERS_FILE]["provider"])
    return known


def records(frames: dict[str, pd.DataFrame], options: ImportOptions) -> dict:
    """The checked files as the plain records ``store.indicators.write_results_layer`` takes: one
    municipality's whole results layer (targets and values name their indicator by slug)."""
    indicators = frames[INDICATORS].pipe(_records)
    forced = bool(getattr(options, "illustrative", False))
    indicator_rows = [
        {
            "slug": r["indicator"], "name": r["name"], "name_nl": _opt(r["name_nl"]),
            "theme": THEME_BY_SLUG[r["theme"]], "level": r["level"], "contributes_to": _opt(r["contributes_to"]),
            "programme": _opt(r["programme"]), "provider": _opt(r["provider"]), "unit": r["unit"], "unit_nl": _opt(r["unit_nl"]),
            "decimals": int(r["decimals"]), "direction": r["direction"], "tolerance": float(r["tolerance"]),
            "frequency": r["frequency"], "source": r["source"], "owner": r["owner"], "definition": r["definition"],
            "definition_nl": _opt(r["definition_nl"]), "illustrative": _flag(r["illustrative"]) or forced,
        }
        for r in indicators
    ]
    targets = [
        {"indicator": r["indicator"], "year": int(r["year"]), "minimum": _number(r["minimum"]), "maximum": _number(r["maximum"])}
        for r in frames[TARGETS].pipe(_records)
    ]
    values = [
        {"indicator": r["indicator"], "year": r["period"].year, "quarter": r["period"].quarter, "value": float(r["value"]), "note": _opt(r["note"])}
        for r in frames[VALUES].pipe(_records)
    ]
    stories = [
        {
            "indicator": _opt(r["indicator"]), "programme": _opt(r["programme"]), "date": r["date"],
            "title": r["title"], "text": r["text"], "author": r["author"], "voice": r["voice"], "language": r["language"],
        }
        for r in frames[STORIES].pipe(_records)
    ]
    return {
        "municipality": layer_municipality(frames), "status": options.status,
        "illustrative": any(_flag(r["illustrative"]) for r in indicators) or forced,
        "source": ", ".join(table.file_name for table in TABLES),
        "indicators": indicator_rows, "targets": targets, "values": values, "stories": stories,
    }


def cells(layer: dict) -> dict[str, list[dict[str, str]]]:
    """A stored results layer (``store.indicators.read_results_layer``) as the cell text of the four files,
    the inverse of ``records``: an edit changes a cell and the layer goes through ``check`` and the write again."""
    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    municipality = layer["municipality"]
    indicators = [
        {**{k: cell(v) for k, v in r.items() if k not in ("slug", "theme")}, "municipality": municipality,
         "indicator": r["slug"], "theme": THEME_SLUGS[r["theme"]]}
        for r in layer["indicators"]
    ]
    values = [
        {"indicator": r["indicator"], "period": str(Period(int(r["year"]), int(r["quarter"]))), "value": cell(r["value"]), "note": cell(r["note"])}
        for r in layer["values"]
    ]
    return {
        INDICATORS: indicators,
        TARGETS: [{k: cell(r[k]) for k in ("indicator", "year", "minimum", "maximum")} for r in layer["targets"]],
        VALUES: values,
        STORIES: [{k: cell(v) for k, v in r.items()} for r in layer["stories"]],
    }


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts with empty cells as None (pandas holds them as None or NaN)."""
    return [{k: _opt(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _opt(value):
    return None if value is None or (isinstance(value, float) and value != value) else value


def _flag(value) -> bool:
    """An optional boolean cell: empty means False (pandas may hold it as None or NaN)."""
    return False if value is None or pd.isna(value) else bool(value)


FILE_SET = FileSet(name="indicators", tables=TABLES, check=check, records=records)
