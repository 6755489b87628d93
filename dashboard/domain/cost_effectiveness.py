"""Does it work for what it costs? Cost per client beside the outcome's distance to its target, now and over the years. Pure.

Why a share: indicators of one theme are in different units (per cent, weeks, per 1,000), so the
distance to target is written as a share of the target (the bound that is missed: the minimum when
below it, the maximum when above it). 0 means the target is met. A programme's distance is that of
its worst outcome indicator; the cost per client is ``domain.variance.cost_per_client`` (and hidden
with its client count in public mode, ``domain.disclosure``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from dashboard.domain.indicators import GOAL, OUTCOME, IndicatorResult
from dashboard.domain.traffic_light import OFF_TRACK, Target, target_for

#: The levels that say something about results (not outputs).
RESULT_LEVELS = frozenset({GOAL, OUTCOME})


def distance_share(result: IndicatorResult) -> Decimal | None:
    """How far the latest value misses its target, as a share of the missed bound; None without a value or target."""
    a = result.assessment
    if a.latest is None or a.target is None:
        return None
    return _share(a.latest.value, a.target)


def _share(value: float, target: Target) -> Decimal | None:
    shortfall = target.shortfall(value)
    if shortfall == 0:
        return Decimal(0)
    bound = target.minimum if target.minimum is not None and value < target.minimum else target.maximum
    return None if not bound else shortfall / abs(Decimal(repr(float(bound))))


def distances_by_year(result: IndicatorResult) -> dict[int, Decimal]:
    """Year → distance share of that year's last value against that year's target (a target stays in
    force until a new one is set); years without a value or target are absent. Quarterly indicators
    count with their last quarter of the year, as the year's standing."""
    last: dict[int, float] = {}
    for o in result.observations:  # oldest first, so the last value of a year wins
        last[o.period.year] = o.value
    out = {}
    for year, value in last.items():
        target = target_for(result.targets, year)
        share = _share(value, target) if target is not None else None
        if share is not None:
            out[year] = share
    return out


@dataclass(frozen=True)
class ProgrammeEffect:
    programme: str
    amount_eur: int
    cost_per_client_eur: float | None  # None: no count, or hidden with it
    outcomes: tuple[IndicatorResult, ...]  # its goal and outcome indicators
    distance: Decimal | None  # the worst outcome's distance share; None: no outcome with a value

    @property
    def worst(self) -> IndicatorResult | None:
        scored = [(distance_share(r), r) for r in self.outcomes]
        scored = [(d, r) for d, r in scored if d is not None]
        return max(scored, key=lambda pair: pair[0])[1] if scored else None

    @property
    def off_track(self) -> tuple[IndicatorResult, ...]:
        """Its outcome indicators that are off track now: named beside the money, not only counted."""
        return tuple(r for r in self.outcomes if r.status == OFF_TRACK)


def programme_effects(money: Iterable[tuple[str, int, float | None]], results: Iterable[IndicatorResult]) -> tuple[ProgrammeEffect, ...]:
    """Per programme ``(slug, euros, cost per client)``: its outcome indicators and their worst distance to target."""
    results = tuple(results)
    out = []
    for slug, euros, cost in money:
        outcomes = tuple(r for r in results if r.info.programme == slug and r.info.level in RESULT_LEVELS)
        distances = [d for d in (distance_share(r) for r in outcomes) if d is not None]
        out.append(ProgrammeEffect(slug, int(euros), cost, outcomes, max(distances) if distances else None))
    return tuple(out)


@dataclass(frozen=True)
class TrendPoint:
    year: int
    cost_per_client_eur: float | None  # None: no money or count that year, or hidden with the count
    distance: Decimal | None  # the worst outcome's distance that year; None: no outcome measured that year


def programme_trend(cost_by_year: dict[int, float | None], outcomes: Iterable[IndicatorResult]) -> tuple[TrendPoint, ...]:
    """Per year, oldest first: the programme's cost per client and the worst distance to target of its
    outcome indicators in that year. Years with either figure are listed; a year has the worst of the
    outcomes measured that year (an outcome measured only in other years does not make it look better)."""
    per_outcome = [distances_by_year(r) for r in outcomes if r.info.level in RESULT_LEVELS]
    years = set(cost_by_year) | {y for d in per_outcome for y in d}
    points = []
    for year in sorted(years):
        distances = [d[year] for d in per_outcome if year in d]
        points.append(TrendPoint(year, cost_by_year.get(year), max(distances) if distances else None))
    return tuple(points)


def change(points: tuple[TrendPoint, ...], field: str) -> tuple[TrendPoint, TrendPoint] | None:
    """The first and last point that have ``field`` (cost_per_client_eur or distance); None with fewer than two."""
    known = [p for p in points if getattr(p, field) is not None]
    return (known[0], known[-1]) if len(known) >= 2 else None
