"""Indicators beyond the traffic light: their description, the results chain and status counts. Pure.

The results chain of a theme runs goal (societal effect) → outcome → output. An indicator names
the indicator it serves in ``contributes_to``; outputs serve an outcome or a goal, outcomes a goal.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Mapping

from dashboard.domain.traffic_light import NO_DATA, OFF_TRACK, OUTDATED, STATUSES, Assessment, Observation, Period, Target, assess, judge, target_for

GOAL, OUTCOME, OUTPUT = "goal", "outcome", "output"
LEVELS: tuple[str, ...] = (GOAL, OUTCOME, OUTPUT)
LEVEL_RANK: Mapping[str, int] = {level: rank for rank, level in enumerate(LEVELS)}
#: Who tells a story.
VOICES: tuple[str, ...] = ("municipality", "provider", "resident")


@dataclass(frozen=True)
class IndicatorInfo:
    slug: str
    name: str
    name_nl: str | None
    theme: str  # Vital | Young | Work | Participate
    level: str
    contributes_to: str | None
    programme: str | None
    provider: str | None
    unit: str
    unit_nl: str | None
    decimals: int
    direction: str
    tolerance: float
    frequency: str
    source: str
    owner: str
    definition: str
    definition_nl: str | None
    illustrative: bool
    status: str  # of the import: draft | published

    def label(self, lang: str) -> str:
        return (self.name_nl or self.name) if lang == "nl" else self.name

    def unit_label(self, lang: str) -> str:
        return (self.unit_nl or self.unit) if lang == "nl" else self.unit

    def definition_text(self, lang: str) -> str:
        return (self.definition_nl or self.definition) if lang == "nl" else self.definition


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator with its full series and its assessment at a reference date."""

    info: IndicatorInfo
    targets: Mapping[int, Target]
    observations: tuple[Observation, ...]  # oldest first
    assessment: Assessment
    reference_date: date

    @property
    def status(self) -> str:
        return self.assessment.status


def evaluate(info: IndicatorInfo, targets: Mapping[int, Target], observations: Iterable[Observation], reference_date: date) -> IndicatorResult:
    ordered = tuple(sorted(observations, key=lambda o: o.period))
    return IndicatorResult(info, targets, ordered, assess(info.direction, info.tolerance, targets, ordered, reference_date), reference_date)


def history(result: IndicatorResult) -> tuple[tuple[Period, str], ...]:
    """Each measured period with its status against that year's target, oldest first (no staleness:
    a past value is judged as it stood). The indicator chart's table and the review list use it."""
    out = []
    for o in result.observations:
        target = target_for(result.targets, o.period.year)
        out.append((o.period, judge(o.value, target, result.info.tolerance) if target is not None else NO_DATA))
    return tuple(out)


def status_counts(results: Iterable[IndicatorResult]) -> dict[str, int]:
    """Status → number of indicators, every status present (also with 0)."""
    counts = {status: 0 for status in STATUSES}
    for result in results:
        counts[result.status] += 1
    return counts


@dataclass
class ChainNode:
    result: IndicatorResult
    children: list["ChainNode"] = field(default_factory=list)

    def walk(self) -> Iterable["ChainNode"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class ResultsChain:
    goals: tuple[ChainNode, ...]  # each goal with the outcomes and outputs that serve it
    unlinked: tuple[ChainNode, ...]  # outcomes and outputs that name no goal or outcome of this theme


def results_chain(results: Iterable[IndicatorResult]) -> ResultsChain:
    """Arrange one theme's indicators as goal → outcome → output trees, each level sorted by name."""
    ordered = sorted(results, key=lambda r: (LEVEL_RANK[r.info.level], r.info.name))
    nodes = {r.info.slug: ChainNode(r) for r in ordered}
    goals, unlinked = [], []
    for result in ordered:
        node = nodes[result.info.slug]
        parent = nodes.get(result.info.contributes_to or "")
        if parent is not None and LEVEL_RANK[parent.result.info.level] < LEVEL_RANK[result.info.level]:
            parent.children.append(node)
        elif result.info.level == GOAL:
            goals.append(node)
        else:
            unlinked.append(node)
    return ResultsChain(tuple(goals), tuple(unlinked))


def needing_attention(node: ChainNode) -> list[IndicatorResult]:
    """Indicators in this part of the chain that are off track, outdated or have no data, in chain order."""
    return [n.result for n in node.walk() if n.result.status in (OFF_TRACK, OUTDATED, NO_DATA)]


def programmes_behind(node: ChainNode) -> list[str]:
    """Programme slugs named anywhere in this part of the chain, first mention first."""
    seen: list[str] = []
    for n in node.walk():
        programme = n.result.info.programme
        if programme and programme not in seen:
            seen.append(programme)
    return seen
