"""The application service: answers the questions pages and the API ask, cached per dataset version.

Pages and API call these methods with primitive arguments only (names, years, kinds), so the
cache key is exact; every import or publish bumps the dataset version and so empties it.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

import pandas as pd

from dashboard.domain.finance import social_domain_share, theme_summary, theme_trend, total_lasten
from dashboard.domain.iv3 import BEGROTING, JAARREKENING
from dashboard.domain.themes import ThemeMapping
from dashboard.domain.variance import compare
from dashboard.queries.background import BackgroundWarmUp
from dashboard.queries.versioned_cache import VersionedCache
from dashboard.store.repository import Repository


@dataclass(frozen=True)
class ThemeOverview:
    municipality: str
    year: int
    kind: str
    inhabitants: int | None
    summary: pd.DataFrame  # domain.finance.SUMMARY_COLUMNS
    total_lasten_eur: int
    social_domain_share: float | None
    imported_at: object
    status: str


class NotFound(LookupError):
    """An unknown municipality, year, document or slug: the caller shows a friendly 404."""


def current_names(repository: Repository, public: bool) -> tuple[str, ...]:
    """Municipalities with figures in the newest year or the one before (De Bilt has no begroting 2025
    but a 2026 one; a municipality merged away before that is not on today's map)."""
    frame = repository.municipalities_by_year(published_only=public)
    if frame.empty:
        return ()
    newest = int(frame["year"].max())
    return tuple(sorted(set(frame.loc[frame["year"] >= newest - 1, "municipality"])))


class DashboardService:
    def __init__(self, repository: Repository, mapping: ThemeMapping, public: bool = False):
        """``public``: the transparency site. Every query then sees published datasets only — enforced
        here, below every page, callback and API route, never by hiding things in the UI."""
        self.repository = repository
        self.mapping = mapping
        self.public = public
        self._cache = VersionedCache()
        #: Precomputation per dataset version in the idle moments (``queries.background``).
        self.warm_up = BackgroundWarmUp(self)
        self._pinned = threading.local()  # the dataset version of the request this thread serves

    def version(self) -> int:
        """The dataset version. Inside a web request it is read once (see ``pin_version``): a page asks
        the cache dozens of times, each ask used to be a query, and one page must not mix two versions.
        Outside a request it is read every time."""
        if not getattr(self._pinned, "active", False):
            return self.repository.version()
        if self._pinned.version is None:
            self._pinned.version = self.repository.version()
        return self._pinned.version

    def pin_version(self) -> None:
        """Until ``unpin_version``, this thread reads the dataset version once, when first asked, and
        keeps it: the web layer calls this when a request starts (one request, one dataset version;
        a request that asks nothing, such as a static file, reads nothing)."""
        self._pinned.active, self._pinned.version = True, None

    def unpin_version(self) -> None:
        self._pinned.active, self._pinned.version = False, None

    def cached(self, key: tuple, compute):
        """Cache ``compute()`` under ``key`` until the dataset version changes. Feature query classes
        (drill-down, indicators) wrap this service and share its cache: keys must start with a feature name."""
        version = self.version()
        self.warm_up.notice(version)
        return self._cache.get_or_compute(version, key, compute)

    def municipalities(self) -> list[str]:
        return self.cached(("municipalities",), lambda: self.repository.municipalities(published_only=self.public))

    def documents(self) -> pd.DataFrame:
        return self.cached(("documents",), lambda: self.repository.documents(published_only=self.public))

    def amounts(self, municipality: str) -> pd.DataFrame:
        return self.cached(("amounts", municipality), lambda: self.repository.amounts(municipality, published_only=self.public))

    def inhabitants(self, municipality: str) -> dict[int, int]:
        return self.cached(("inhabitants", municipality), lambda: self.repository.inhabitants(municipality))

    def available_documents(self, municipality: str) -> list[tuple[int, str]]:
        """(year, kind) pairs with figures for this municipality, oldest first (cached: every page asks)."""
        # One query for all municipalities (~0.1 s national), instead of loading each one's amounts
        # (0.3 s for a municipality nobody opened yet: the chooser makes that any of 342).
        def compute():
            frame = self.repository.municipality_documents(published_only=self.public).sort_values(["year", "kind"])
            documents: dict = {}
            for name, year, kind in frame.itertuples(index=False):
                documents.setdefault(name, []).append((int(year), str(kind)))
            return {name: tuple(docs) for name, docs in documents.items()}
        return list(self.cached(("available-documents",), compute).get(municipality, ()))

    def latest_document(self, municipality: str, kind: str | None = None) -> tuple[int, str]:
        """Default view: the newest begroting (the budget the council is deciding on)."""
        docs = self.available_documents(municipality)
        if not docs:
            raise NotFound(f"no figures for {municipality}")
        preferred = [d for d in docs if d[1] == (kind or BEGROTING)] or docs
        return preferred[-1]

    def known_municipality(self, name: str) -> str:
        """``name`` when the store has figures for it (the national total is not a municipality)."""
        if name not in self.municipalities():
            raise NotFound(f"unknown municipality {name!r}")
        return name

    def current_municipalities(self) -> list[str]:
        """Municipalities with figures in the newest year that has any: today's map (342), not the
        388 names of 2017 (a merged municipality's old name stays openable by its address)."""
        return list(self.cached(("current-municipalities",), lambda: current_names(self.repository, self.public)))

    def require(self, municipality: str, year: int, kind: str) -> None:
        if municipality not in self.municipalities():
            raise NotFound(f"unknown municipality {municipality!r}")
        if (year, kind) not in self.available_documents(municipality):
            raise NotFound(f"no {kind} {year} for {municipality}")

    def theme_overview(self, municipality: str, year: int, kind: str) -> ThemeOverview:
        self.require(municipality, year, kind)
        return self.cached(("overview", municipality, year, kind), lambda: self._theme_overview(municipality, year, kind))

    def _theme_overview(self, municipality: str, year: int, kind: str) -> ThemeOverview:
        amounts = self.amounts(municipality)
        rows = amounts[(amounts["year"] == year) & (amounts["kind"] == kind)]
        inhabitants = self.inhabitants(municipality).get(year)
        summary = theme_summary(rows, self.mapping, inhabitants)
        total = total_lasten(rows)
        docs = self.documents()
        doc = docs[(docs["year"] == year) & (docs["kind"] == kind)].iloc[0]
        return ThemeOverview(
            municipality, year, kind, inhabitants, summary, total,
            social_domain_share(summary, total), doc["imported_at"], doc["status"],
        )

    def theme_comparison(self, municipality: str, year: int) -> pd.DataFrame:
        """Per theme: the begroting and the jaarrekening of ``year``, variance in € and % (realised −
        budget). A document that is not there (no accounts yet; on the public site: not published)
        gives None, never 0: no variance is invented."""
        def compute():
            trend = self.theme_trend(municipality)
            docs = set(self.available_documents(municipality))
            part = trend[trend["year"] == year].rename(columns={"lasten_eur": "amount_eur"})
            sums = {kind: part[part["kind"] == kind].groupby("theme")["amount_eur"].sum().astype("int64").to_dict() for kind in (BEGROTING, JAARREKENING)}
            compared = compare(sums[BEGROTING], sums[JAARREKENING], (year, BEGROTING) in docs, (year, JAARREKENING) in docs)
            return pd.DataFrame.from_records(
                [{"theme": theme, **compared[theme]} for theme in sorted(compared)],
                columns=["theme", "budget_eur", "realised_eur", "variance_eur", "variance_pct"],
            )
        return self.cached(("theme-comparison", municipality, year), compute)

    def theme_trend(self, municipality: str) -> pd.DataFrame:
        if municipality not in self.municipalities():
            raise NotFound(f"unknown municipality {municipality!r}")
        return self.cached(("trend", municipality), lambda: theme_trend(self.amounts(municipality), self.mapping))
