"""Indicator queries for pages and the API: one municipality's results per theme, one indicator's detail, stories.

Wraps ``DashboardService`` and shares its versioned cache (keys start with "indicators" and carry
the municipality), so an import empties these answers too. Pages pass the home municipality; the
API any municipality with a layer (``has_layer``). Statuses come only from ``domain.traffic_light.assess`` (through
``domain.indicators.evaluate``). ``today`` is an argument so tests and views can fix the date;
pages pass nothing and get the real date.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard.domain.indicators import IndicatorInfo, IndicatorResult, evaluate, status_counts
from dashboard.domain.themes import THEMES
from dashboard.domain.traffic_light import Period, reference_date_for
from dashboard.queries.service import DashboardService, NotFound
from dashboard.store.indicators import IndicatorRepository, municipalities_with_layer


@dataclass(frozen=True)
class Story:
    indicator: str | None
    programme: str | None
    date: date
    title: str
    text: str
    author: str
    voice: str  # municipality | provider | resident
    language: str  # en | nl


@dataclass(frozen=True)
class Named:
    slug: str
    name: str
    name_nl: str | None

    def label(self, lang: str) -> str:
        return (self.name_nl or self.name) if lang == "nl" else self.name


def layer_municipalities(service: DashboardService) -> tuple[str, ...]:
    """The municipalities that have a results layer (a published one on the public site), cached per version."""
    return service.cached(("indicators", "municipalities"), lambda: municipalities_with_layer(service.repository.engine, service.public))


class IndicatorQueries:
    def __init__(self, service: DashboardService, municipality: str, today: date | None = None):
        self.service = service
        self.municipality = municipality
        self.today = today or date.today()
        # public: published layer only
        self._repository = IndicatorRepository(service.repository.engine, municipality, published_only=service.public)

    def has_layer(self) -> bool:
        """Whether this municipality has a results layer (a published one on the public site)."""
        return self.municipality in layer_municipalities(self.service)

    # reference dates ---------------------------------------------------------------------------

    def reference_date(self, year: int | None = None) -> date:
        """Today, or the end of ``year`` when a view asks for a year (see traffic_light.reference_date_for)."""
        return reference_date_for(year, self.today)

    # the stored layer --------------------------------------------------------------------------

    def catalogue(self) -> tuple[IndicatorInfo, ...]:
        return self.service.cached(("indicators", self.municipality, "catalogue"), self._repository.catalogue)

    def _targets(self):
        return self.service.cached(("indicators", self.municipality, "targets"), self._repository.targets)

    def _observations(self):
        return self.service.cached(("indicators", self.municipality, "observations"), self._repository.observations)

    def imported_at(self):
        """Date of import of the results layer (for "about this figure")."""
        return self.service.cached(("indicators", self.municipality, "imported-at"), self._repository.imported_at)

    def stories(self) -> tuple[Story, ...]:
        return self.service.cached(("indicators", self.municipality, "stories"), lambda: tuple(Story(**row) for row in self._repository.stories()))

    # assessed results --------------------------------------------------------------------------

    def results(self, reference_date: date) -> tuple[IndicatorResult, ...]:
        """Every indicator assessed at ``reference_date``, sorted by theme order, then slug."""
        return self.service.cached(("indicators", self.municipality, "results", reference_date.isoformat()), lambda: self._results(reference_date))

    def _results(self, reference_date: date) -> tuple[IndicatorResult, ...]:
        targets, observations = self._targets(), self._observations()
        results = [
            evaluate(info, targets.get(info.slug, {}), [o for o, _ in observations.get(info.slug, ())], reference_date)
            for info in self.catalogue()
        ]
        return tuple(sorted(results, key=lambda r: (THEMES.index(r.info.theme), r.info.slug)))

    def result(self, slug: str, reference_date: date) -> IndicatorResult:
        for result in self.results(reference_date):
            if result.info.slug == slug:
                return result
        raise NotFound(f"there is no indicator “{slug}”")

    def theme_results(self, theme: str, reference_date: date) -> tuple[IndicatorResult, ...]:
        return tuple(r for r in self.results(reference_date) if r.info.theme == theme)

    def counts_by_theme(self, reference_date: date) -> dict[str, dict[str, int]]:
        """Theme → status → number of indicators (every theme and status present)."""
        return {theme: status_counts(self.theme_results(theme, reference_date)) for theme in THEMES}

    def notes(self, slug: str) -> dict[Period, str]:
        return {o.period: note for o, note in self._observations().get(slug, ()) if note}

    def stories_for(self, info: IndicatorInfo) -> tuple[Story, ...]:
        """The indicator's own stories and those about its programme, oldest first."""
        return tuple(
            s for s in self.stories()
            if s.indicator == info.slug or (s.indicator is None and info.programme is not None and s.programme == info.programme)
        )

    # the programme layer (drill-down), for names and money -------------------------------------

    def programmes(self) -> dict[str, Named]:
        return self.service.cached(("indicators", "programme-names"), lambda: self._catalogue_names("programmes"))

    def providers(self) -> dict[str, Named]:
        return self.service.cached(("indicators", "provider-names"), lambda: self._catalogue_names("providers"))

    def _catalogue_names(self, which: str) -> dict[str, Named]:
        repository = self._programme_repository()
        if repository is None:
            return {}
        frame = getattr(repository, which)()
        return {
            row["slug"]: Named(row["slug"], row["name"], row.get("name_nl") if isinstance(row.get("name_nl"), str) else None)
            for row in frame.to_dict("records")
        }

    def programme_amounts(self, municipality: str, year: int, kind: str) -> dict[str, int]:
        """Programme slug → whole euros allocated in this document (empty without a programme layer)."""
        return self.service.cached(("indicators", "programme-amounts", municipality, year, kind), lambda: self._amounts(municipality, year, kind))

    def _amounts(self, municipality: str, year: int, kind: str) -> dict[str, int]:
        repository = self._programme_repository()
        if repository is None:
            return {}
        # One query per municipality and dataset version, not per document: a theme page of each document asks.
        frame = self.service.cached(("indicators", "allocations", municipality),
                                    lambda: repository.allocations(municipality, published_only=self.service.public))
        part = frame[(frame["year"] == year) & (frame["kind"] == kind)]
        return {str(slug): int(total) for slug, total in part.groupby("programme")["amount_eur"].sum().items()}

    def _programme_repository(self):
        try:
            from dashboard.store.programmes import ProgrammeRepository
        except ImportError:  # no programme layer in this installation
            return None
        return ProgrammeRepository(self.service.repository.engine)
