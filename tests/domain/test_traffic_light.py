"""The traffic-light rule at its edges: on target, on the tolerance, each direction, a band, missing, stale."""
from datetime import date

import pytest

from dashboard.domain.traffic_light import (
    AT_RISK,
    BAND,
    BETTER,
    HIGHER,
    LOWER,
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    OUTDATED,
    UNCHANGED,
    UNKNOWN,
    WORSE,
    Observation,
    Period,
    Target,
    assess,
    due_date,
    is_stale,
    judge,
    reference_date_for,
    target_for,
    trend,
)

TODAY = date(2026, 11, 22)


def yearly(*pairs):
    return [Observation(Period(y), v) for y, v in pairs]


# judge: one value against one target -----------------------------------------------------------

@pytest.mark.parametrize(
    "value, expected",
    [
        (60.0, ON_TRACK),  # exactly on target
        (75.0, ON_TRACK),
        (59.9, AT_RISK),
        (55.0, AT_RISK),  # exactly on the tolerance
        (54.9, OFF_TRACK),
        (0.0, OFF_TRACK),
    ],
)
def test_higher_is_better_minimum_target(value, expected):
    assert judge(value, Target(minimum=60.0), tolerance=5.0) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        (8.0, ON_TRACK),  # exactly on target
        (3.0, ON_TRACK),
        (8.5, AT_RISK),
        (10.0, AT_RISK),  # exactly on the tolerance
        (10.01, OFF_TRACK),
    ],
)
def test_lower_is_better_maximum_target(value, expected):
    assert judge(value, Target(maximum=8.0), tolerance=2.0) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        (12.0, ON_TRACK),  # on the lower edge
        (15.0, ON_TRACK),  # on the upper edge
        (13.5, ON_TRACK),
        (11.0, AT_RISK),  # exactly the tolerance below the band
        (16.0, AT_RISK),  # exactly the tolerance above the band
        (10.9, OFF_TRACK),
        (16.1, OFF_TRACK),
    ],
)
def test_band_target(value, expected):
    assert judge(value, Target(minimum=12.0, maximum=15.0), tolerance=1.0) == expected


def test_decimal_edges_are_exact_where_binary_floats_are_not():
    # 1.1 - 1.0 is 0.10000000000000009 in binary floating point: it must still count as "on the tolerance".
    assert 1.1 - 1.0 > 0.1
    assert judge(1.1, Target(maximum=1.0), tolerance=0.1) == AT_RISK
    assert judge(0.7, Target(minimum=0.8), tolerance=0.1) == AT_RISK


def test_zero_tolerance_means_any_miss_is_off_track():
    assert judge(59.99, Target(minimum=60.0), tolerance=0.0) == OFF_TRACK
    assert judge(60.0, Target(minimum=60.0), tolerance=0.0) == ON_TRACK


# target_for: targets carry forward --------------------------------------------------------------

def test_target_of_the_year_or_the_latest_earlier_one():
    targets = {2020: Target(minimum=50.0), 2023: Target(minimum=55.0)}
    assert target_for(targets, 2023) == Target(minimum=55.0)
    assert target_for(targets, 2025) == Target(minimum=55.0)
    assert target_for(targets, 2021) == Target(minimum=50.0)
    assert target_for(targets, 2019) is None


def test_target_fits_direction():
    assert Target(minimum=1.0).fits(HIGHER) and not Target(minimum=1.0).fits(LOWER)
    assert Target(maximum=1.0).fits(LOWER) and not Target(maximum=1.0).fits(BAND)
    assert Target(1.0, 2.0).fits(BAND) and not Target(2.0, 1.0).fits(BAND)
    assert not Target(1.0, 2.0).fits(HIGHER)


# periods and staleness -------------------------------------------------------------------------

def test_periods_parse_order_and_dates():
    q = Period.parse("2026-Q3")
    assert (q.year, q.quarter, str(q)) == (2026, 3, "2026-Q3")
    assert q.start == date(2026, 7, 1) and q.end == date(2026, 9, 30)
    assert Period.parse("2025").end == date(2025, 12, 31)
    assert Period(2026, 1).previous() == Period(2025, 4) and Period(2025, 4).next() == Period(2026, 1)
    assert Period(2024) < Period(2025) and Period(2025, 4) < Period(2026, 1)
    for bad in ("2025-Q5", "25", "2025Q1", "2025-q1", ""):
        with pytest.raises(ValueError):
            Period.parse(bad)


def test_yearly_value_is_stale_once_the_next_year_is_six_months_overdue():
    # 2024's value: 2025 ends 31-12-2025, plus six months → due 30-06-2026.
    assert due_date(Period(2024)) == date(2026, 6, 30)
    assert not is_stale(Period(2024), date(2026, 6, 30))
    assert is_stale(Period(2024), date(2026, 7, 1))
    assert not is_stale(Period(2025), TODAY)


def test_quarterly_value_is_stale_once_the_next_quarter_is_three_months_overdue():
    # Q2 2026: Q3 ends 30-09-2026, plus three months → due 31-12-2026.
    assert due_date(Period(2026, 2)) == date(2026, 12, 31)
    assert due_date(Period(2025, 4)) == date(2026, 6, 30)
    assert not is_stale(Period(2026, 2), TODAY)
    assert is_stale(Period(2026, 1), TODAY)  # due 30-09-2026


# assess: the whole rule ------------------------------------------------------------------------

def test_missing_data_is_no_data():
    result = assess(HIGHER, 5.0, {2025: Target(minimum=60.0)}, [], TODAY)
    assert (result.status, result.trend, result.latest) == (NO_DATA, UNKNOWN, None)


def test_stale_last_value_is_outdated_not_no_data_and_is_kept_for_display():
    """7.0 meets the maximum of 8.0, but 2025's value is long overdue: what is true is "outdated"."""
    result = assess(LOWER, 1.0, {2024: Target(maximum=8.0)}, yearly((2023, 9.0), (2024, 7.0)), TODAY)
    assert result.status == OUTDATED and result.stale and result.shortfall == 0
    assert result.trend == UNKNOWN
    assert result.latest == Observation(Period(2024), 7.0)


def test_same_series_is_judged_when_it_was_fresh():
    series = yearly((2023, 9.0), (2024, 7.0))
    result = assess(LOWER, 1.0, {2024: Target(maximum=8.0)}, series, date(2026, 6, 30))
    assert (result.status, result.trend, result.stale) == (ON_TRACK, BETTER, False)


def test_values_after_the_reference_date_are_ignored():
    series = yearly((2024, 50.0), (2025, 70.0))
    result = assess(HIGHER, 5.0, {2024: Target(minimum=60.0)}, series, date(2025, 12, 30))
    assert result.latest.period == Period(2024)
    assert result.status == OFF_TRACK  # 50 misses 60 by 10 > 5


def test_judged_against_the_target_of_the_values_year():
    targets = {2024: Target(minimum=50.0), 2025: Target(minimum=60.0)}
    result = assess(HIGHER, 5.0, targets, yearly((2024, 52.0), (2025, 57.0)), TODAY)
    assert result.target == Target(minimum=60.0)
    assert result.status == AT_RISK and result.shortfall == pytest.approx(3.0)
    assert result.trend == BETTER


def test_no_target_at_all_is_no_data():
    result = assess(HIGHER, 5.0, {2026: Target(minimum=60.0)}, yearly((2025, 70.0)), TODAY)
    assert result.status == NO_DATA and not result.stale


@pytest.mark.parametrize(
    "direction, old, new, expected",
    [
        (HIGHER, 50.0, 55.0, BETTER),
        (HIGHER, 55.0, 50.0, WORSE),
        (HIGHER, 55.0, 55.0, UNCHANGED),
        (LOWER, 10.0, 8.0, BETTER),
        (LOWER, 8.0, 10.0, WORSE),
        (LOWER, 8.0, 8.0, UNCHANGED),
    ],
)
def test_trend_follows_the_direction(direction, old, new, expected):
    target = Target(minimum=0.0) if direction == HIGHER else Target(maximum=100.0)
    result = assess(direction, 1.0, {2024: target}, yearly((2024, old), (2025, new)), TODAY)
    assert result.trend == expected


def test_band_trend_is_about_the_distance_to_the_band():
    band = Target(minimum=12.0, maximum=15.0)
    assert trend(BAND, Observation(Period(2025), 16.0), Observation(Period(2024), 18.0), band) == BETTER
    assert trend(BAND, Observation(Period(2025), 10.0), Observation(Period(2024), 11.0), band) == WORSE
    assert trend(BAND, Observation(Period(2025), 14.0), Observation(Period(2024), 12.5), band) == UNCHANGED
    # crossing the band: 11 (1 below) → 17 (2 above) is worse although the value went up
    assert trend(BAND, Observation(Period(2025), 17.0), Observation(Period(2024), 11.0), band) == WORSE


def test_trend_needs_the_immediately_previous_period():
    series = [Observation(Period(2026, 1), 7.0), Observation(Period(2026, 3), 9.0)]  # Q2 missing
    result = assess(LOWER, 3.0, {2026: Target(maximum=8.0)}, series, TODAY)
    assert result.status == AT_RISK and result.previous is None and result.trend == UNKNOWN


def test_quarterly_series_at_today():
    series = [Observation(Period(2026, q), v) for q, v in ((1, 10.0), (2, 9.0), (3, 9.5))]
    result = assess(LOWER, 2.0, {2026: Target(maximum=8.0)}, series, TODAY)
    assert result.latest.period == Period(2026, 3)
    assert (result.status, result.trend) == (AT_RISK, WORSE)  # 9.5 misses 8 by 1.5 <= 2; 9 → 9.5 is up
    assert assess(LOWER, 1.0, {2026: Target(maximum=8.0)}, series, TODAY).status == OFF_TRACK


def test_reference_date_for_a_year_never_passes_today():
    assert reference_date_for(None, TODAY) == TODAY
    assert reference_date_for(2024, TODAY) == date(2024, 12, 31)
    assert reference_date_for(2026, TODAY) == TODAY
    assert reference_date_for(2030, TODAY) == TODAY


def test_unknown_direction_is_refused():
    with pytest.raises(ValueError):
        assess("sideways", 1.0, {}, [], TODAY)
