"""A savings target (taakstelling) and the measures that fill it: target, planned and realised per
year and theme, cumulative, and the gap still to find. Pure; whole euros as ``int``, shares as ``Decimal``.

Why this rule: Kampen had to cut EUR 4 million in four years and the council lost sight of how much
was actually found and saved; the tracker must show it per year and theme, and its sums reconcile.

* **target** – the split per theme and year the council set; it adds up to the total (checked on import).
* **planned** – the expected savings of every measure that is not dropped (a dropped measure no
  longer fills the target, whatever it promised).
* **realised** – what measures actually saved, dropped ones included (money saved before a measure
  was stopped was still saved).
* **gap** – target minus planned: what is still to be found; **shortfall** – target minus realised.
Cumulative figures run over the target's years in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

KINDS: tuple[str, ...] = ("efficiency", "reduction", "shift to social base", "partner offer")
PLANNED, RUNNING, ACHIEVED, DROPPED = "planned", "running", "achieved", "dropped"
MEASURE_STATUSES: tuple[str, ...] = (PLANNED, RUNNING, ACHIEVED, DROPPED)
#: A measure's money counts towards ``planned`` unless it is dropped.
COUNTS_AS_PLANNED = frozenset({PLANNED, RUNNING, ACHIEVED})


@dataclass(frozen=True)
class SavingsTarget:
    municipality: str
    total_eur: int
    start_year: int
    end_year: int
    split: Mapping[tuple[str, int], int]  # (theme, year) → euros to save
    illustrative: bool = False
    status: str = "published"
    name: str = ""
    name_nl: str | None = None

    def label(self, lang: str) -> str:
        return (self.name_nl or self.name) if lang == "nl" else self.name

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start_year, self.end_year + 1))

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


@dataclass(frozen=True)
class Measure:
    slug: str
    name: str
    theme: str
    kind: str
    status: str
    expected: Mapping[int, int]  # year → euros expected to be saved
    realised: Mapping[int, int] = field(default_factory=dict)  # year → euros saved (only years reported)
    programmes: tuple[str, ...] = ()
    provider: str | None = None
    owner: str = ""
    indicators: tuple[str, ...] = ()  # the indicators this measure must not harm
    name_nl: str | None = None
    description: str | None = None
    description_nl: str | None = None
    illustrative: bool = False

    def label(self, lang: str) -> str:
        return (self.name_nl or self.name) if lang == "nl" else self.name

    @property
    def counts_as_planned(self) -> bool:
        return self.status in COUNTS_AS_PLANNED

    def planned_in(self, year: int) -> int:
        return self.expected.get(year, 0) if self.counts_as_planned else 0

    def realised_in(self, year: int) -> int:
        return self.realised.get(year, 0)

    @property
    def expected_total(self) -> int:
        return sum(self.expected.values())

    @property
    def realised_total(self) -> int:
        return sum(self.realised.values())


@dataclass(frozen=True)
class YearRow:
    """One year of one theme (or of all themes when ``theme`` is None)."""

    year: int
    theme: str | None
    target_eur: int
    planned_eur: int
    realised_eur: int
    target_cumulative_eur: int
    planned_cumulative_eur: int
    realised_cumulative_eur: int

    @property
    def gap_eur(self) -> int:
        """Still to find, cumulatively up to this year: target minus planned (negative: more planned than needed)."""
        return self.target_cumulative_eur - self.planned_cumulative_eur

    @property
    def shortfall_eur(self) -> int:
        """Not (yet) saved, cumulatively up to this year: target minus realised."""
        return self.target_cumulative_eur - self.realised_cumulative_eur


@dataclass(frozen=True)
class Progress:
    target: SavingsTarget
    rows: tuple[YearRow, ...]  # per theme (themes in the order given) and year, then the totals (theme None)

    def of(self, theme: str | None) -> tuple[YearRow, ...]:
        return tuple(r for r in self.rows if r.theme == theme)

    def last(self, theme: str | None = None) -> YearRow:
        return self.of(theme)[-1]

    @property
    def gap_eur(self) -> int:
        return self.last().gap_eur


def progress(target: SavingsTarget, measures: Iterable[Measure], themes: Iterable[str]) -> Progress:
    """Target, planned and realised per theme and year, cumulative, and the totals over all themes.
    Measures' years outside the target's period do not count (the importer refuses them)."""
    measures = tuple(measures)
    rows: list[YearRow] = []
    totals = {year: [0, 0, 0] for year in target.years}
    for theme in themes:
        mine = [m for m in measures if m.theme == theme]
        running = [0, 0, 0]
        for year in target.years:
            values = [target.split.get((theme, year), 0), sum(m.planned_in(year) for m in mine), sum(m.realised_in(year) for m in mine)]
            running = [a + b for a, b in zip(running, values)]
            totals[year] = [a + b for a, b in zip(totals[year], values)]
            rows.append(YearRow(year, theme, *values, *running))
    running = [0, 0, 0]
    for year in target.years:
        running = [a + b for a, b in zip(running, totals[year])]
        rows.append(YearRow(year, None, *totals[year], *running))
    return Progress(target, tuple(rows))


def split_difference(total_eur: int, split: Mapping[tuple[str, int], int]) -> int:
    """How far the split per theme and year misses the total (0: it adds up). One copy for the importer and tests."""
    return total_eur - sum(split.values())
