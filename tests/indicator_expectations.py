"""Expected indicator statuses computed straight from the demo CSV files and the rule — not from the app's store."""
from __future__ import annotations

import csv
from datetime import date

from dashboard.config.paths import DEMO_DIR
from dashboard.domain.themes import THEME_BY_SLUG
from dashboard.domain.traffic_light import STATUSES, Observation, Period, Target, assess

INDICATOR_DIR = DEMO_DIR / "indicators"


def _rows(name: str) -> list[dict]:
    with open(INDICATOR_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _number(text: str) -> float | None:
    return float(text) if text else None


def demo_indicators() -> list[dict]:
    return _rows("indicators.csv")


def demo_stories() -> list[dict]:
    return _rows("stories.csv")


def expected_assessments(reference: date | None = None) -> dict[str, tuple[dict, object]]:
    """slug → (indicator row, Assessment) for the demo files at ``reference`` (default today)."""
    reference = reference or date.today()
    targets: dict[str, dict[int, Target]] = {}
    for row in _rows("indicator_targets.csv"):
        targets.setdefault(row["indicator"], {})[int(row["year"])] = Target(_number(row["minimum"]), _number(row["maximum"]))
    values: dict[str, list[Observation]] = {}
    for row in _rows("indicator_values.csv"):
        values.setdefault(row["indicator"], []).append(Observation(Period.parse(row["period"]), float(row["value"])))
    return {
        row["indicator"]: (row, assess(row["direction"], float(row["tolerance"]), targets.get(row["indicator"], {}), values.get(row["indicator"], []), reference))
        for row in demo_indicators()
    }


def expected_counts(reference: date | None = None) -> dict[str, dict[str, int]]:
    """Theme name → status → count."""
    counts: dict[str, dict[str, int]] = {}
    for row, assessment in expected_assessments(reference).values():
        theme = counts.setdefault(THEME_BY_SLUG[row["theme"]], {s: 0 for s in STATUSES})
        theme[assessment.status] += 1
    return counts
