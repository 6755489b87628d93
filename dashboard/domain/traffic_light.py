"""The traffic-light rule: is an indicator on track, at risk, off track, outdated, or is there no data?

This module is the single place where a status is decided; pages, the API and the overview
counts all call :func:`assess`. It is pure (no I/O, no clock): the reference date is an argument.

The rule
========

An indicator has a *direction*, a *tolerance* (in the indicator's own unit) and a *target per year*,
written as a ``minimum`` and/or a ``maximum``:

* ``higher is better`` – the target is a minimum: met when ``value >= minimum``;
* ``lower is better`` – the target is a maximum: met when ``value <= maximum``;
* ``target band`` – both: met when ``minimum <= value <= maximum``.

The *shortfall* of a value is its distance to the target (0 when the target is met). Then

* **on track**  – the target is met (shortfall 0, so *exactly on target* is on track);
* **at risk**   – missed by no more than the tolerance (0 < shortfall <= tolerance, so *exactly
  on the tolerance* is still at risk);
* **off track** – missed by more than the tolerance;
* **outdated**  – there is a value and a target, but the last value is *stale*: whatever it said,
  it no longer says how things stand (a value that met its target long ago is not "no data");
* **no data**   – there is no value at the reference date, or no target to judge it against.

Which value and which target: the last value whose period has ended on or before the reference
date (values for later periods are ignored), judged against the target of that period's year; a
year without its own target keeps the latest earlier target (a target stays in force until a new
one is set). No target at all → no data.

Stale: a value is stale once the value of the *following* period is overdue, i.e. the following
period has ended and its publication allowance has passed: six months for yearly figures, three
months for quarterly figures (:data:`PUBLICATION_ALLOWANCE_MONTHS`). Example: a yearly value for
2024 is stale after 30 June 2026 (2025 ended on 31 December 2025, plus six months); on 30 June 2026
itself it is not yet stale.

The arrow (trend) compares the last value with the value of the period immediately before it:

* ``higher is better``: up is **better**, down is **worse**;
* ``lower is better``: down is **better**, up is **worse**;
* ``target band``: a smaller shortfall (closer to or into the band) is **better**, a larger one
  **worse**; two values both inside the band are **unchanged**;
* equal values are **unchanged**; no previous-period value, or status *outdated* or *no data*, → **unknown**.

Numbers are compared as decimals of their written form, so 1.1 against a target of 1.0 with a
tolerance of 0.1 is exactly on the tolerance (binary floating point would say it is 0.10000000000000009).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable, Mapping

from dashboard.domain.refusal import Refusal

ON_TRACK, AT_RISK, OFF_TRACK, OUTDATED, NO_DATA = "on track", "at risk", "off track", "outdated", "no data"
#: Worst first is not implied: this is the order in which statuses are listed and counted.
STATUSES: tuple[str, ...] = (ON_TRACK, AT_RISK, OFF_TRACK, OUTDATED, NO_DATA)

BETTER, WORSE, UNCHANGED, UNKNOWN = "better", "worse", "unchanged", "unknown"
TRENDS: tuple[str, ...] = (BETTER, WORSE, UNCHANGED, UNKNOWN)

HIGHER, LOWER, BAND = "higher is better", "lower is better", "target band"
DIRECTIONS: tuple[str, ...] = (HIGHER, LOWER, BAND)

YEARLY, QUARTERLY = "yearly", "quarterly"
FREQUENCIES: tuple[str, ...] = (YEARLY, QUARTERLY)

#: How long after the end of a period its value may still be missing before the previous value is stale.
PUBLICATION_ALLOWANCE_MONTHS: Mapping[str, int] = {YEARLY: 6, QUARTERLY: 3}

_PERIOD = re.compile(r"^([0-9]{4})(?:-Q([1-4]))?$")


@dataclass(frozen=True, order=True)
class Period:
    """A year (``quarter == 0``) or a quarter of a year; written ``2025`` or ``2025-Q3``."""

    year: int
    quarter: int = 0

    @classmethod
    def parse(cls, text: str) -> "Period":
        match = _PERIOD.match(text.strip())
        if not match:
            raise Refusal("{value!r} is not a period: write a year (2025) or a quarter (2025-Q3)", value=text)
        return cls(int(match.group(1)), int(match.group(2) or 0))

    @property
    def frequency(self) -> str:
        return YEARLY if self.quarter == 0 else QUARTERLY

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.quarter == 0 else 3 * self.quarter - 2, 1)

    @property
    def end(self) -> date:
        month = 12 if self.quarter == 0 else 3 * self.quarter
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def midpoint(self) -> date:
        return date.fromordinal((self.start.toordinal() + self.end.toordinal()) // 2)

    def previous(self) -> "Period":
        if self.quarter == 0:
            return Period(self.year - 1)
        return Period(self.year, self.quarter - 1) if self.quarter > 1 else Period(self.year - 1, 4)

    def next(self) -> "Period":
        if self.quarter == 0:
            return Period(self.year + 1)
        return Period(self.year, self.quarter + 1) if self.quarter < 4 else Period(self.year + 1, 1)

    def __str__(self) -> str:
        return str(self.year) if self.quarter == 0 else f"{self.year}-Q{self.quarter}"


@dataclass(frozen=True)
class Target:
    """The target of one year: a minimum, a maximum, or both (a band)."""

    minimum: float | None = None
    maximum: float | None = None

    def shortfall(self, value: float) -> Decimal:
        """Distance from ``value`` to the target; 0 when the target is met."""
        v = _dec(value)
        if self.minimum is not None and v < _dec(self.minimum):
            return _dec(self.minimum) - v
        if self.maximum is not None and v > _dec(self.maximum):
            return v - _dec(self.maximum)
        return Decimal(0)

    def fits(self, direction: str) -> bool:
        """Whether the bounds given are the ones the direction needs."""
        if direction == HIGHER:
            return self.minimum is not None and self.maximum is None
        if direction == LOWER:
            return self.maximum is not None and self.minimum is None
        return self.minimum is not None and self.maximum is not None and self.minimum <= self.maximum


@dataclass(frozen=True)
class Observation:
    period: Period
    value: float


@dataclass(frozen=True)
class Assessment:
    status: str  # one of STATUSES
    trend: str  # one of TRENDS
    latest: Observation | None  # the last value at the reference date, also when it is stale
    previous: Observation | None  # the value of the period before ``latest``, if any
    target: Target | None  # the target ``latest`` is judged against
    shortfall: float | None  # how far ``latest`` misses the target (0: met)
    stale: bool  # ``latest`` exists but is older than its frequency allows


def judge(value: float, target: Target, tolerance: float) -> str:
    """on track / at risk / off track for one value against one target (no staleness here)."""
    shortfall = target.shortfall(value)
    if shortfall == 0:
        return ON_TRACK
    if shortfall <= _dec(tolerance):
        return AT_RISK
    return OFF_TRACK


def target_for(targets: Mapping[int, Target], year: int) -> Target | None:
    """The target of ``year``, or the latest target set for an earlier year, or None."""
    if year in targets:
        return targets[year]
    earlier = [y for y in targets if y < year]
    return targets[max(earlier)] if earlier else None


def due_date(period: Period) -> date:
    """The last day on which ``period``'s value is fresh: the following period's end plus its allowance."""
    following = period.next()
    months = PUBLICATION_ALLOWANCE_MONTHS[period.frequency]
    index = following.end.year * 12 + following.end.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def is_stale(period: Period, reference_date: date) -> bool:
    return reference_date > due_date(period)


def trend(direction: str, latest: Observation | None, previous: Observation | None, target: Target | None) -> str:
    """better / worse / unchanged / unknown for the change from ``previous`` to ``latest``."""
    if latest is None or previous is None:
        return UNKNOWN
    new, old = _dec(latest.value), _dec(previous.value)
    if direction == BAND:
        if target is None:
            return UNKNOWN
        new, old = -target.shortfall(latest.value), -target.shortfall(previous.value)  # larger is better
    elif direction == LOWER:
        new, old = -new, -old
    if new > old:
        return BETTER
    if new < old:
        return WORSE
    return UNCHANGED


def assess(
    direction: str,
    tolerance: float,
    targets: Mapping[int, Target],
    observations: Iterable[Observation],
    reference_date: date,
) -> Assessment:
    """The status and trend of one indicator at ``reference_date`` — the rule in the module docstring."""
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}")
    known = sorted((o for o in observations if o.period.end <= reference_date), key=lambda o: o.period)
    if not known:
        return Assessment(NO_DATA, UNKNOWN, None, None, None, None, False)
    latest = known[-1]
    previous = next((o for o in reversed(known[:-1]) if o.period == latest.period.previous()), None)
    target = target_for(targets, latest.period.year)
    stale = is_stale(latest.period, reference_date)
    if target is None:
        return Assessment(NO_DATA, UNKNOWN, latest, previous, None, None, stale)
    shortfall = float(target.shortfall(latest.value))
    if stale:
        return Assessment(OUTDATED, UNKNOWN, latest, previous, target, shortfall, True)
    status = judge(latest.value, target, tolerance)
    return Assessment(status, trend(direction, latest, previous, target), latest, previous, target, shortfall, False)


def reference_date_for(year: int | None, today: date) -> date:
    """The date a view is judged at: today, or for a chosen year the end of that year (never after today)."""
    if year is None:
        return today
    return min(today, date(year, 12, 31))


def _dec(number: float | int) -> Decimal:
    """The decimal the number was written as (``repr`` of a float is its shortest round-trip form)."""
    return Decimal(repr(float(number)))
