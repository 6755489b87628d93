"""The review list: each rule with a hand-made programme that meets it and one that just does not."""

from __future__ import annotations

from datetime import date

from dashboard.domain.learning import NO_INDICATOR, OFF_TRACK_MONEY_STEADY, ONLY_OUTPUTS, LearningNote, off_track_run, review_list
from tests.domain.savings_cases import indicator


def reasons(items):
    return {(i.programme, i.reason) for i in items}


def test_outcome_off_track_two_periods_while_money_did_not_fall():
    stuck = indicator("o1", {2021: 60, 2022: 40, 2023: 40}, programme="stuck")
    money = {"stuck": {2021: 100, 2023: 100}}
    items = review_list(["stuck"], [stuck], money, [])
    assert reasons(items) == {("stuck", OFF_TRACK_MONEY_STEADY)}
    assert items[0].indicators == ("o1",)
    assert items[0].decision is None


def test_not_selected_when_money_fell_or_only_one_period_off_track_or_recovered():
    fell = indicator("o1", {2021: 60, 2022: 40, 2023: 40}, programme="fell")
    once = indicator("o2", {2022: 60, 2023: 40}, programme="once")
    recovered = indicator("o3", {2021: 40, 2022: 40, 2023: 60}, programme="recovered")
    money = {"fell": {2021: 100, 2023: 99}, "once": {2022: 1, 2023: 2}, "recovered": {2020: 1, 2023: 9}}
    assert review_list(["fell", "once", "recovered"], [fell, once, recovered], money, []) == ()


def test_off_track_outputs_do_not_count_for_the_outcome_rule():
    output = indicator("out", {2022: 40, 2023: 40}, level="output", programme="busy")
    outcome = indicator("res", {2022: 60, 2023: 60}, programme="busy")
    assert review_list(["busy"], [output, outcome], {}, []) == ()


def test_only_output_indicators():
    cups = indicator("cups", {2023: 60}, level="output", programme="coffee")
    items = review_list(["coffee"], [cups], {}, [])
    assert reasons(items) == {("coffee", ONLY_OUTPUTS)}
    assert items[0].indicators == ("cups",)


def test_no_indicator_at_all_and_the_latest_decision():
    notes = [
        LearningNote(date(2023, 1, 1), "Work", "saw", "learned", "continue", "me", programmes=("silent",)),
        LearningNote(date(2024, 6, 1), "Work", "saw", "learned", "stop", "me", programmes=("silent", "other")),
        LearningNote(date(2025, 1, 1), "Work", "saw", "learned", "adjust", "me", programmes=("other",)),
    ]
    measured = indicator("res", {2023: 60}, programme="measured")
    items = review_list(["silent", "measured"], [measured], {}, notes)
    assert reasons(items) == {("silent", NO_INDICATOR)}
    assert items[0].decision.decision == "stop"


def test_the_trailing_off_track_run():
    assert off_track_run(indicator("x", {2020: 40, 2021: 60, 2022: 40, 2023: 30})) == (2022, 2023)
    assert off_track_run(indicator("x", {2022: 40, 2023: 60})) == ()
