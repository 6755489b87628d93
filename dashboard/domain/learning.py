"""The learning loop (Movisie's Kwaliteitskompas) and its review list: what to look at, and what to stop. Pure.

Per theme the loop holds the ambition, the social results (outcome indicators), the effort
(programmes and their money), the monitor (indicators and their status) and dated learning notes,
each ending in a decision: continue, adjust or stop.

The review list names a programme for one of three reasons (a programme can meet more than one):

1. **off track, money did not fall** – one of its outcome indicators was off track in its last two
   or more measured periods in a row, and the programme's money in the latest year of that run is
   not lower than in the year before the run began (equal counts as not fallen);
2. **only outputs** – it has indicators, and every one is an output (counting cups of coffee says
   nothing about results);
3. **no indicator** – no indicator names it.

Each carries the latest decision recorded in a learning note about the programme, or none yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from dashboard.domain.indicators import OUTCOME, OUTPUT, IndicatorResult, history
from dashboard.domain.traffic_light import OFF_TRACK

CONTINUE, ADJUST, STOP = "continue", "adjust", "stop"
DECISIONS: tuple[str, ...] = (CONTINUE, ADJUST, STOP)
OFF_TRACK_MONEY_STEADY, ONLY_OUTPUTS, NO_INDICATOR = "off track, money did not fall", "only output indicators", "no indicator"
REASONS: tuple[str, ...] = (OFF_TRACK_MONEY_STEADY, ONLY_OUTPUTS, NO_INDICATOR)
#: Periods in a row an outcome must be off track before its programme is reviewed.
OFF_TRACK_PERIODS = 2


@dataclass(frozen=True)
class LearningNote:
    date: date
    theme: str
    saw: str  # what we saw
    learned: str  # what we learned
    decision: str  # one of DECISIONS
    author: str
    programmes: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    language: str = "nl"


@dataclass(frozen=True)
class ReviewItem:
    programme: str
    reason: str  # one of REASONS
    indicators: tuple[str, ...]  # the indicators behind the reason (the off-track outcomes, the outputs)
    decision: LearningNote | None  # the latest note about the programme, None: no decision yet


def off_track_run(result: IndicatorResult) -> tuple[int, ...]:
    """The years of the trailing run of off-track periods (oldest first; empty when the last is not off track)."""
    run: list[int] = []
    for period, status in reversed(history(result)):
        if status != OFF_TRACK:
            break
        run.append(period.year)
    return tuple(reversed(run))


def money_did_not_fall(money: Mapping[int, int], run_years: tuple[int, ...]) -> bool:
    """The programme's euros in the run's last year are not below those of the year before it began.
    Without figures for both years the rule cannot say the money fell, so it did not."""
    before, latest = money.get(run_years[0] - 1), money.get(run_years[-1])
    return before is None or latest is None or latest >= before


def latest_decision(notes: Iterable[LearningNote], programme: str) -> LearningNote | None:
    about = [n for n in notes if programme in n.programmes]
    return max(about, key=lambda n: n.date) if about else None


def review_list(
    programmes: Iterable[str], results: Iterable[IndicatorResult], money: Mapping[str, Mapping[int, int]], notes: Iterable[LearningNote]
) -> tuple[ReviewItem, ...]:
    """The programmes the three rules select, in the order given, each with its latest decision.
    ``money``: programme slug → year → euros (one document kind)."""
    results, notes = tuple(results), tuple(notes)
    items: list[ReviewItem] = []
    for slug in programmes:
        mine = [r for r in results if r.info.programme == slug]
        decision = latest_decision(notes, slug)
        if not mine:
            items.append(ReviewItem(slug, NO_INDICATOR, (), decision))
            continue
        stuck = [
            r.info.slug
            for r in mine
            if r.info.level == OUTCOME and len(run := off_track_run(r)) >= OFF_TRACK_PERIODS and money_did_not_fall(money.get(slug, {}), run)
        ]
        if stuck:
            items.append(ReviewItem(slug, OFF_TRACK_MONEY_STEADY, tuple(stuck), decision))
        if all(r.info.level == OUTPUT for r in mine):
            items.append(ReviewItem(slug, ONLY_OUTPUTS, tuple(r.info.slug for r in mine), decision))
    return tuple(items)
