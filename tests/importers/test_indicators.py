"""Importing the results layer: the demo files import; bad files exit 2 with FILE:LINE: COLUMN: problem and change nothing."""
from __future__ import annotations

import re
import shutil

import pytest
from sqlalchemy import func, select

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR
from dashboard.store.schema import dataset_version
from dashboard.store.schema_indicators import indicator, indicator_import, indicator_target, indicator_value, story
from tests.indicator_expectations import demo_indicators, demo_stories

PROBLEM_LINE = re.compile(r"^[^:]+:\d+: [a-z_-]+: .+$")
TABLES = (indicator, indicator_target, indicator_value, story, indicator_import)


@pytest.fixture()
def files(tmp_path):
    target = tmp_path / "project"
    shutil.copytree(DEMO_DIR / "indicators", target)
    return target


def snapshot(engine) -> tuple:
    with engine.connect() as conn:
        counts = tuple(conn.execute(select(func.count()).select_from(t)).scalar() for t in TABLES)
        statuses = tuple(conn.execute(select(indicator_import.c.status, indicator_import.c.illustrative)).all())
        return counts, statuses, conn.execute(select(dataset_version.c.version)).scalar()


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_demo_layer_is_stored_published_and_illustrative(store):
    (counts, statuses, _version) = snapshot(store)
    assert counts[0] == len(demo_indicators()) and counts[3] == len(demo_stories())
    assert statuses == (("published", True),)


def test_project_import_is_a_draft_unless_published(store, files, capsys):
    assert main(["import", str(files)]) == 0
    assert "(draft, illustrative)" in capsys.readouterr().out
    assert snapshot(store)[1] == (("draft", True),)
    assert main(["import", str(files), "--publish"]) == 0
    assert snapshot(store)[1] == (("published", True),)


BAD_INPUTS = [
    # (file, old text, new text, needle to find the line, expected column, words in the message)
    ("indicator_values.csv", "youth-care-per-1000;2025;122.7;", "youth-care-per-1000;2025;122,7;", "youth-care-per-1000;2025;", "value", "decimal point"),
    ("indicator_values.csv", "youth-care-per-1000;2025;", "youth-care-per-1000;2025-Q1;", "youth-care-per-1000;2025-Q1;", "period", "measured yearly"),
    ("indicator_values.csv", "youth-care-per-1000;2025;", "youth-care-per-1000;2025-Q9;", "youth-care-per-1000;2025-Q9;", "period", "is not a period"),
    ("indicator_values.csv", "youth-care-per-1000;2025;", "no-such-indicator;2025;", "no-such-indicator;2025;", "indicator", "unknown indicator"),
    ("indicator_targets.csv", "outflow-to-work;2025;12;", "outflow-to-work;2025;;12", "outflow-to-work;2025;", "maximum", "higher is better needs a minimum"),
    ("indicator_targets.csv", "youth-protection-caseload;2025;12;15", "youth-protection-caseload;2025;16;15", "youth-protection-caseload;2025;", "maximum", "minimum not above maximum"),
    ("indicators.csv", ";youth-ambulant-care;jeugdteam-plus;", ";no-such-programme;jeugdteam-plus;", "no-such-programme", "programme", "unknown programme"),
    ("indicators.csv", ";youth-ambulant-care;jeugdteam-plus;", ";youth-ambulant-care;no-such-provider;", "no-such-provider", "provider", "unknown provider"),
    ("indicators.csv", ";youth-ambulant-care;jeugdteam-plus;", ";income-support;jeugdteam-plus;", ";income-support;jeugdteam-plus;", "programme", "theme Work"),
    ("indicators.csv", "young;outcome;youth-care-per-1000;youth-residential-care", "young;outcome;youth-care-waiting-time;youth-residential-care", "youth-residential-per-1000", "contributes_to", "higher level"),
    ("indicators.csv", ";lower is better;5;yearly;", ";lower is better;-5;yearly;", ";lower is better;-5;", "tolerance", "cannot be negative"),
    ("indicators.csv", ";lower is better;5;yearly;", ";lower is better;5;monthly;", ";monthly;", "frequency", "not one of"),
    ("stories.csv", "youth-care-per-1000;;2022-09-30", "youth-care-per-1000;youth-protection;2022-09-30", "youth-care-per-1000;youth-protection;", "indicator", "exactly one"),
    ("stories.csv", "youth-care-per-1000;;2022-09-30", "youth-care-per-1000;;30-09-2022", "30-09-2022", "date", "YYYY-MM-DD"),
    # Percentages outside 0-100, number forms CBS never writes, other digits, overlong names.
    ("indicator_values.csv", "good-self-rated-health;2019;76.8;", "good-self-rated-health;2019;176.8;", "good-self-rated-health;2019;", "value", "outside 0–100"),
    ("indicator_targets.csv", "good-self-rated-health;2019;75;", "good-self-rated-health;2019;-5;", "good-self-rated-health;2019;", "minimum", "outside 0–100"),
    ("indicator_values.csv", "good-self-rated-health;2019;76.8;", "good-self-rated-health;2019;7.68e1;", "good-self-rated-health;2019;", "value", "without exponent"),
    ("indicator_values.csv", "good-self-rated-health;2019;76.8;", "good-self-rated-health;2019;7_6.8;", "good-self-rated-health;2019;", "value", "underscores"),
    ("indicator_values.csv", "good-self-rated-health;2019;76.8;", "good-self-rated-health;２０１９;76.8;", "good-self-rated-health;２０１９;", "period", "is not a period"),
    ("indicators.csv", "Kampen;good-self-rated-health;Adults who rate", "Kampen;good-self-rated-health;" + "A" * 190 + "Adults who rate", "Kampen;good-self-rated-health;", "name", "at most 200"),
]


@pytest.mark.parametrize("file_name, old, new, needle, column, words", BAD_INPUTS, ids=[f"{b[0]}:{b[4]}:{b[5]}" for b in BAD_INPUTS])
def test_bad_input_exits_2_names_file_line_column_and_changes_nothing(store, files, capsys, file_name, old, new, needle, column, words):
    before = snapshot(store)
    edit(files / file_name, old, new)
    assert main(["import", str(files), "--publish"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines and all(PROBLEM_LINE.match(line) for line in lines), lines
    expected_prefix = f"{files}/{file_name}:{line_of(files / file_name, needle)}: {column}: "
    assert any(line.startswith(expected_prefix) and words in line for line in lines), (expected_prefix, words, lines)
    assert snapshot(store) == before


def test_missing_companion_file_is_reported(store, files, capsys):
    before = snapshot(store)
    (files / "stories.csv").unlink()
    assert main(["import", str(files)]) == 2
    assert f"{files}/stories.csv:0: -: missing" in capsys.readouterr().err
    assert snapshot(store) == before


def test_indicator_without_any_target_is_reported(store, files, capsys):
    lines = [l for l in (files / "indicator_targets.csv").read_text(encoding="utf-8").splitlines() if not l.startswith("volunteering;")]
    (files / "indicator_targets.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    edit(files / "indicator_values.csv", "", "")
    assert main(["import", str(files)]) == 2
    err = capsys.readouterr().err
    assert f"{files}/indicators.csv:{line_of(files / 'indicators.csv', 'volunteering;')}: indicator: volunteering has no target" in err
