"""What savings do to results and where they land: flags beside measures, the layer split of the cuts,
and each theme's spending against the year before the target began. Pure.

* **Saving and still effective?** A measure is *flagged* when any indicator it must not harm is off
  track; the status itself comes from ``domain.traffic_light`` (through the assessed results), never
  recomputed here.
* **Where do the cuts land?** A measure's planned savings fall on the layers of its programmes
  (social base, maatwerk, escalated care as the programme layer marks them), split evenly over its
  programmes; a measure without a programme lands on no layer. Each layer's share of the planned
  savings is set against its share of the allocated spending; the warning fires when the social base
  carries a larger share of the savings than of the spending (advisers: do not cut the social base).
* **Does it show in the accounts?** Each theme's lasten per year against the year before the target's
  first year, from the CBS figures (one document kind, so like is compared with like).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from dashboard.domain.drilldown import LAYERS
from dashboard.domain.indicators import IndicatorResult
from dashboard.domain.savings import Measure, SavingsTarget
from dashboard.domain.traffic_light import OFF_TRACK

SOCIAL_BASE = LAYERS[0]


@dataclass(frozen=True)
class MeasureCheck:
    measure: Measure
    indicators: tuple[IndicatorResult, ...]  # the linked indicators that have a result, in the measure's order
    missing: tuple[str, ...]  # linked slugs without a result (not in the visible results layer)

    @property
    def flagged(self) -> bool:
        return any(r.status == OFF_TRACK for r in self.indicators)

    @property
    def off_track(self) -> tuple[IndicatorResult, ...]:
        return tuple(r for r in self.indicators if r.status == OFF_TRACK)


def check_measures(measures: Iterable[Measure], results: Iterable[IndicatorResult]) -> tuple[MeasureCheck, ...]:
    """Each measure with the assessed indicators it must not harm; flagged when one is off track."""
    by_slug = {r.info.slug: r for r in results}
    return tuple(MeasureCheck(m, tuple(by_slug[s] for s in m.indicators if s in by_slug), tuple(s for s in m.indicators if s not in by_slug)) for m in measures)


@dataclass(frozen=True)
class LayerShare:
    layer: str
    savings_eur: Decimal  # planned savings over the whole period that land on this layer
    savings_share: Decimal | None  # of all planned savings that land on a layer
    spending_eur: int
    spending_share: Decimal | None  # of all allocated spending

    @property
    def carries_more(self) -> bool:
        """This layer carries a larger share of the cuts than of the spending."""
        return self.savings_share is not None and self.spending_share is not None and self.savings_share > self.spending_share


@dataclass(frozen=True)
class CutsLanding:
    layers: tuple[LayerShare, ...]  # in LAYERS order
    unassigned_eur: Decimal  # planned savings of measures without a programme (on no layer)

    @property
    def social_base_warning(self) -> bool:
        return self.layers[0].carries_more


def where_cuts_land(
    measures: Iterable[Measure], programme_layers: Mapping[str, str], spending_by_programme: Mapping[str, int], years: Iterable[int]
) -> CutsLanding:
    """The layer split of the planned savings over ``years`` against the layer split of the spending.
    ``programme_layers``: programme slug → layer; ``spending_by_programme``: slug → euros of the
    reference document (the year before the target began)."""
    years = tuple(years)
    savings = {layer: Decimal(0) for layer in LAYERS}
    unassigned = Decimal(0)
    for m in measures:
        planned = Decimal(sum(m.planned_in(y) for y in years))
        landed = [programme_layers[p] for p in m.programmes if programme_layers.get(p) in savings]
        if not landed:
            unassigned += planned
            continue
        for layer in landed:
            savings[layer] += planned / len(landed)
    spending = {layer: 0 for layer in LAYERS}
    for slug, euros in spending_by_programme.items():
        if programme_layers.get(slug) in spending:
            spending[programme_layers[slug]] += int(euros)
    savings_total, spending_total = sum(savings.values()), sum(spending.values())
    return CutsLanding(
        tuple(
            LayerShare(layer, savings[layer], _share(savings[layer], savings_total), spending[layer], _share(Decimal(spending[layer]), Decimal(spending_total)))
            for layer in LAYERS
        ),
        unassigned,
    )


@dataclass(frozen=True)
class BaselineRow:
    theme: str
    year: int
    lasten_eur: int
    baseline_year: int
    baseline_eur: int | None  # None: no figures for the baseline year

    @property
    def change_eur(self) -> int | None:
        return None if self.baseline_eur is None else self.lasten_eur - self.baseline_eur

    @property
    def change_share(self) -> Decimal | None:
        return None if not self.baseline_eur else Decimal(self.lasten_eur - self.baseline_eur) / Decimal(self.baseline_eur)


def against_baseline(lasten: Mapping[tuple[str, int], int], target: SavingsTarget, themes: Iterable[str]) -> tuple[BaselineRow, ...]:
    """Each theme's lasten in each year of the target's period that has figures, against the year
    before the period. ``lasten``: (theme, year) → CBS lasten of one document kind."""
    baseline_year = target.start_year - 1
    return tuple(
        BaselineRow(theme, year, int(lasten[(theme, year)]), baseline_year, lasten.get((theme, baseline_year)))
        for theme in themes
        for year in target.years
        if (theme, year) in lasten
    )


def _share(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if not whole else part / whole
