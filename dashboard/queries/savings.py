"""Savings and learning-loop queries for pages and the API: one municipality's tracker, flags, where the
cuts land, the accounts against the year before the target, and the learning loop with its review list.

Wraps ``DashboardService`` and shares its versioned cache (keys start with "savings" and carry the
municipality), so an import or publish empties these answers too. On the public site only published
layers exist (``SavingsRepository(published_only=...)``); the indicator statuses come from
``IndicatorQueries`` (and so from ``domain.traffic_light``), the money from the programme layer and CBS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard.domain import disclosure
from dashboard.domain.cost_effectiveness import ProgrammeEffect, TrendPoint, programme_effects, programme_trend
from dashboard.domain.iv3 import BEGROTING, JAARREKENING
from dashboard.domain.learning import LearningNote, ReviewItem, review_list
from dashboard.domain.savings import Measure, Progress, SavingsTarget, progress
from dashboard.domain.savings_effects import BaselineRow, CutsLanding, MeasureCheck, against_baseline, check_measures, where_cuts_land
from dashboard.domain.themes import THEME_SLUGS, THEMES
from dashboard.domain.variance import cost_per_client
from dashboard.queries.indicators import IndicatorQueries
from dashboard.queries.service import DashboardService, NotFound
from dashboard.store.savings import SavingsRepository


@dataclass(frozen=True)
class Learning:
    ambitions: dict  # theme → (ambition, Dutch ambition or None)
    notes: tuple[LearningNote, ...]  # oldest first
    status: str | None  # draft | published, None without a learning layer
    illustrative: bool

    def of(self, theme: str) -> tuple[LearningNote, ...]:
        return tuple(n for n in self.notes if n.theme == theme)


@dataclass(frozen=True)
class Reference:
    """The document the cuts and the accounts are set against: the year before the target began."""

    year: int
    kind: str


class SavingsQueries:
    def __init__(self, service: DashboardService, municipality: str, today: date | None = None):
        self.service = service
        self.municipality = municipality
        self.indicators = IndicatorQueries(service, municipality, today)
        self._repository = SavingsRepository(service.repository.engine, municipality, published_only=service.public)

    def _cached(self, name: str, compute, *extra):
        return self.service.cached(("savings", self.municipality, name, *extra), compute)

    # the stored layers -------------------------------------------------------------------------

    def target(self) -> SavingsTarget | None:
        return self._cached("target", self._repository.target)

    def require_target(self) -> SavingsTarget:
        target = self.target()
        if target is None:
            raise NotFound(f"there is no savings target for {self.municipality}")
        return target

    def measures(self) -> tuple[Measure, ...]:
        return self._cached("measures", self._repository.measures)

    def learning(self) -> Learning:
        def compute():
            ambitions, notes, layer = self._repository.learning()
            return Learning(ambitions, notes, layer and layer["status"], bool(layer and layer["illustrative"]))

        return self._cached("learning", compute)

    # the tracker -------------------------------------------------------------------------------

    def progress(self) -> Progress:
        return self._cached("progress", lambda: progress(self.require_target(), self.measures(), THEMES))

    def checks(self, reference_date: date) -> tuple[MeasureCheck, ...]:
        """Every measure with the traffic lights of the indicators it must not harm, at ``reference_date``."""
        return self._cached("checks", lambda: check_measures(self.measures(), self.indicators.results(reference_date)), reference_date.isoformat())

    def reference(self) -> Reference | None:
        """The jaarrekening of the year before the target began, else that year's begroting; None when neither is loaded."""
        documents = set(self.service.available_documents(self.municipality))
        year = self.require_target().start_year - 1
        for kind in (JAARREKENING, BEGROTING):
            if (year, kind) in documents:
                return Reference(year, kind)
        return None

    def cuts(self) -> tuple[CutsLanding, Reference | None]:
        def compute():
            reference = self.reference()
            spending = self.indicators.programme_amounts(self.municipality, reference.year, reference.kind) if reference else {}
            return where_cuts_land(self.measures(), self.programme_layers(), spending, self.require_target().years), reference

        return self._cached("cuts", compute)

    def baseline(self) -> tuple[BaselineRow, ...]:
        """Each theme's CBS lasten (jaarrekening: the accounts) in the target's years against the year before."""

        def compute():
            trend = self.service.theme_trend(self.municipality)
            realised = trend[trend["kind"] == JAARREKENING]
            lasten = {(str(r.theme), int(r.year)): int(r.lasten_eur) for r in realised.itertuples(index=False)}
            return against_baseline(lasten, self.require_target(), THEMES)

        return self._cached("baseline", compute)

    # the learning loop -------------------------------------------------------------------------

    def programme_layers(self) -> dict[str, str]:
        """Programme slug → layer (social base, maatwerk, escalated care), from the programme catalogue."""

        def compute():
            from dashboard.store.programmes import ProgrammeRepository

            frame = ProgrammeRepository(self.service.repository.engine).programmes()
            return {str(r["slug"]): str(r["layer"]) for r in frame.to_dict("records")}

        return self.service.cached(("savings", "programme-layers"), compute)

    def programme_money(self) -> dict[str, dict[int, int]]:
        """Programme slug → year → euros in the begroting (the budget the council sets; every year has one)."""

        def compute():
            money: dict[str, dict[int, int]] = {}
            for year, kind in self.service.available_documents(self.municipality):
                if kind == BEGROTING:
                    for slug, euros in self.indicators.programme_amounts(self.municipality, year, kind).items():
                        money.setdefault(slug, {})[year] = euros
            return money

        return self._cached("programme-money", compute)

    def review(self, reference_date: date) -> tuple[ReviewItem, ...]:
        """The review list over the municipality's programmes (those with money in its programme layer)."""

        def compute():
            money = self.programme_money()
            order = {slug: i for i, slug in enumerate(self.indicators.programmes())}
            programmes = sorted(money, key=lambda s: (order.get(s, len(order)), s))
            return review_list(programmes, self.indicators.results(reference_date), money, self.learning().notes)

        return self._cached("review", compute, reference_date.isoformat())

    # cost-effectiveness ------------------------------------------------------------------------

    def cost_effectiveness(self, theme: str, year: int, kind: str, reference_date: date) -> tuple[ProgrammeEffect, ...]:
        """The theme's programmes in one document: euros, cost per client (hidden with a suppressed count
        on the public site) and the worst distance to target of their outcome indicators."""

        def compute():
            return programme_effects(self._money(theme, year, kind), self.indicators.theme_results(theme, reference_date))

        return self._cached("cost-effectiveness", compute, theme, year, kind, reference_date.isoformat())

    def cost_trends(self, theme: str, kind: str, reference_date: date) -> dict[str, tuple[TrendPoint, ...]]:
        """Programme slug → its cost per client (in every ``kind`` document with programme figures) and
        its worst outcome's distance to target, per year (``domain.cost_effectiveness.programme_trend``)."""

        def compute():
            from dashboard.queries.drilldown import Drilldown

            costs: dict[str, dict[int, float | None]] = {}
            for year, document in sorted(Drilldown(self.service).layer_documents(self.municipality)):
                if document == kind:
                    for slug, _, cost in self._money(theme, year, kind):
                        costs.setdefault(slug, {})[year] = cost
            results = self.indicators.theme_results(theme, reference_date)
            return {slug: programme_trend(by_year, (r for r in results if r.info.programme == slug)) for slug, by_year in costs.items()}

        return self._cached("cost-trends", compute, theme, kind, reference_date.isoformat())

    def provider_effects(self, provider: str, year: int, kind: str, reference_date: date) -> tuple[ProgrammeEffect, ...]:
        """The programmes one provider is paid for in one document: what it receives there, its cost per
        client (hidden with a suppressed count on the public site) and how those programmes' outcome
        indicators stand (on the public site only published layers exist)."""

        def compute():
            from dashboard.queries.drilldown import Drilldown

            programmes = Drilldown(self.service).provider_view(self.municipality, year, kind, provider).programmes
            money = [(str(r["programme"]), int(r["amount_eur"]), _shown_cost(r)) for r in programmes.to_dict("records")]
            return programme_effects(money, self.indicators.results(reference_date))

        return self._cached("provider-effects", compute, provider, year, kind, reference_date.isoformat())

    def _money(self, theme: str, year: int, kind: str) -> list[tuple[str, int, float | None]]:
        """The theme's programmes in one document: (slug, euros, cost per client or None when hidden)."""
        from dashboard.queries.drilldown import Drilldown

        programmes = Drilldown(self.service).theme_view(self.municipality, year, kind, THEME_SLUGS[theme]).programmes
        return [(str(r["programme"]), int(r["amount_eur"]), cost_per_client(r["amount_eur"], r["clients"]) if _shown(r) else None) for r in programmes.to_dict("records")]


def _shown(row: dict) -> bool:
    return row.get(disclosure.DISCLOSURE_COLUMN, disclosure.SHOWN) == disclosure.SHOWN


def _shown_cost(row: dict) -> float | None:
    """A provider row's own cost per client, unless its count is hidden (then the cost would reveal it)."""
    cost = row.get("cost_per_client_eur")
    return float(cost) if _shown(row) and cost is not None and cost == cost else None
