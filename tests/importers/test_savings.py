"""Importing the savings layer and the learning loop: the demo imports; bad files exit 2 with
FILE:LINE: COLUMN: problem and change nothing (also not the other feature of the same directory)."""

from __future__ import annotations

import re
import shutil

import pytest
from sqlalchemy import func, select

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR
from dashboard.store.schema import dataset_version
from dashboard.store.schema_savings import (
    ambition,
    learning_layer,
    learning_note,
    savings_measure,
    savings_measure_indicator,
    savings_measure_year,
    savings_split,
    savings_target,
)
from tests.importers.test_indicators import edit, line_of

PROBLEM_LINE = re.compile(r"^[^:]+:\d+: [a-z_-]+: .+$")
TABLES = (savings_target, savings_split, savings_measure, savings_measure_year, savings_measure_indicator, learning_layer, ambition, learning_note)


@pytest.fixture()
def files(tmp_path):
    target = tmp_path / "project"
    shutil.copytree(DEMO_DIR / "savings", target)
    return target


def snapshot(engine) -> tuple:
    with engine.connect() as conn:
        counts = tuple(conn.execute(select(func.count()).select_from(t)).scalar() for t in TABLES)
        statuses = tuple(conn.execute(select(select(savings_target.c.status).scalar_subquery(), select(learning_layer.c.status).scalar_subquery())).all())
        return counts, statuses, conn.execute(select(dataset_version.c.version)).scalar()


def test_demo_layers_are_stored_published_and_illustrative(store):
    counts, statuses, _ = snapshot(store)
    assert counts == (1, 20, 8, 33, 10, 1, 4, 7)
    assert statuses == (("published", "published"),)
    with store.connect() as conn:
        assert conn.execute(select(savings_target.c.total_eur, savings_target.c.illustrative)).one() == (4_000_000, True)


def test_reimport_replaces_the_layers_as_a_draft(store, files, capsys):
    assert main(["import", str(files)]) == 0
    out = capsys.readouterr().out
    assert "8 measures (draft, illustrative)" in out and "7 learning notes (draft, illustrative)" in out
    counts, statuses, _ = snapshot(store)
    assert counts == (1, 20, 8, 33, 10, 1, 4, 7) and statuses == (("draft", "draft"),)


BAD_INPUTS = [
    # (file, old text, new text, needle to find the line, expected column, words in the message)
    (
        "measures.csv",
        "werk-intake;Work first at the benefit intake;Werk voorop bij de aanvraag van een uitkering;work;",
        "werk-intake;Work first at the benefit intake;Werk voorop bij de aanvraag van een uitkering;;",
        "werk-intake;",
        "theme",
        "required",
    ),
    ("measure_savings.csv", "werkcafe;2021;", "werkcafe;2025;", "werkcafe;2025;", "year", "outside the target's period 2020–2024"),
    ("savings_split.csv", "work;2020;", "work;2019;", "work;2019;", "year", "outside the target's period"),
    ("measure_indicators.csv", "werkcafe;outflow-to-work", "werkcafe;no-such-indicator", "no-such-indicator", "indicator", "unknown indicator"),
    ("measure_indicators.csv", "werkcafe;outflow-to-work", "no-such-measure;outflow-to-work", "no-such-measure", "measure", "unknown measure"),
    (
        "measures.csv",
        ";work;reintegration;re-start-coaching;",
        ";work;no-such-programme;re-start-coaching;",
        "no-such-programme",
        "programmes",
        "unknown programme",
    ),
    (
        "measures.csv",
        ";work;reintegration;re-start-coaching;",
        ";work;youth-protection;re-start-coaching;",
        "youth-protection;re-start",
        "programmes",
        "theme Young",
    ),
    ("measures.csv", ";work;reintegration;re-start-coaching;", ";work;reintegration;no-such-partner;", "no-such-partner", "provider", "unknown provider"),
    ("measures.csv", ";efficiency;running;Team Work", ";efficiency;paused;Team Work", ";paused;", "status", "not one of"),
    ("measure_savings.csv", "werkcafe;2021;80000;70000", "werkcafe;2021;80.000;70000", "werkcafe;2021;", "expected_eur", "without thousands separators"),
    ("savings_targets.csv", ";2020;2024;4000000;", ";2024;2020;4000000;", "Kampen;", "end_year", "before it starts"),
    ("savings_targets.csv", "Kampen;Social", "Atlantis;Social", "Atlantis;", "municipality", "unknown municipality"),
    ("learning_notes.csv", ";reintegration;outflow-to-work;", ";reintegration;no-such-indicator;", "no-such-indicator", "indicators", "unknown indicator"),
    ("learning_notes.csv", ";reintegration;outflow-to-work;", ";no-such-programme;outflow-to-work;", "no-such-programme", "programmes", "unknown programme"),
    ("learning_notes.csv", ";adjust;Team Work and Income;", ";pause;Team Work and Income;", ";pause;", "decision", "not one of"),
]


@pytest.mark.parametrize("file_name, old, new, needle, column, words", BAD_INPUTS, ids=[f"{b[0]}:{b[4]}:{b[5][:20]}" for b in BAD_INPUTS])
def test_bad_input_exits_2_names_file_line_column_and_changes_nothing(store, files, capsys, file_name, old, new, needle, column, words):
    before = snapshot(store)
    edit(files / file_name, old, new)
    assert main(["import", str(files), "--publish"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines and all(PROBLEM_LINE.match(line) for line in lines), lines
    expected_prefix = f"{files}/{file_name}:{line_of(files / file_name, needle)}: {column}: "
    assert any(line.startswith(expected_prefix) and words in line for line in lines), (expected_prefix, words, lines)
    assert snapshot(store) == before


def test_a_split_that_does_not_add_up_to_the_total_is_reported_on_the_total(store, files, capsys):
    before = snapshot(store)
    edit(files / "savings_split.csv", "vital;2020;140000", "vital;2020;150000")
    assert main(["import", str(files)]) == 2
    err = capsys.readouterr().err
    assert (
        f"{files}/savings_targets.csv:2: total_eur: the split per theme and year in savings_split.csv adds up to €4,010,000, not to the total €4,000,000" in err
    )
    assert snapshot(store) == before


def test_a_learning_file_without_its_companion_is_reported(store, files, capsys):
    before = snapshot(store)
    (files / "ambitions.csv").unlink()
    assert main(["import", str(files)]) == 2
    assert f"{files}/ambitions.csv:0: -: missing" in capsys.readouterr().err
    assert snapshot(store) == before
