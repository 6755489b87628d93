"""Does it work for what it costs? Cost per client beside the outcome's distance to its target. Pure.

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

#: The levels that say something about results (not outputs).
RESULT_LEVELS = frozenset({GOAL, OUTCOME})


def distance_share(result: IndicatorResult) -> Decimal | None:
    """How far the latest value misses its target, as a share of the missed bound; None without a value or target."""
    a = result.assessment
    if a.latest is None or a.target is None:
        return None
    shortfall = a.target.shortfall(a.latest.value)
    if shortfall == 0:
        return Decimal(0)
    bound = a.target.minimum if a.target.minimum is not None and a.latest.value < a.target.minimum else a.target.maximum
    return None if not bound else shortfall / abs(Decimal(repr(float(bound))))


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


def programme_effects(money: Iterable[tuple[str, int, float | None]], results: Iterable[IndicatorResult]) -> tuple[ProgrammeEffect, ...]:
    """Per programme ``(slug, euros, cost per client)``: its outcome indicators and their worst distance to target."""
    results = tuple(results)
    out = []
    for slug, euros, cost in money:
        outcomes = tuple(r for r in results if r.info.programme == slug and r.info.level in RESULT_LEVELS)
        distances = [d for d in (distance_share(r) for r in outcomes) if d is not None]
        out.append(ProgrammeEffect(slug, int(euros), cost, outcomes, max(distances) if distances else None))
    return tuple(out)
