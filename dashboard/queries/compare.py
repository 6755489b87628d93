"""Comparison questions: peers (ready-made groups and statistical neighbours), a theme's figures
against the peers' median, band, rank and the national figure, and what the fund pays beside the lasten.

Cached per dataset version through the service (keys start with "compare"); in public mode only
published documents are compared (the service's ``documents`` are then the published ones).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.domain import peers as peer_rules
from dashboard.domain.compare import (
    Figures, Standing, code_order, figures_per, per, ratio, standing, standing_in, taakveld_lasten, taakveld_names, theme_lasten, unit_of,
)
from dashboard.domain.fund import FUND_MEASURES, THEME_CLUSTERS, circular_for_year, newest_circular
from dashboard.domain.themes import THEMES
from dashboard.queries.service import DashboardService, NotFound
from dashboard.store import compare_tables
from dashboard.store.repository import population_for_year

#: group slug → column of the reference table it shares (None: statistical neighbours / everyone).
GROUPS = {
    "neighbours": None,
    "size": "size_class",
    "urbanity": "urbanity",
    "province": "province",
    "youth-region": "youth_region",
    "labour-region": "labour_region",
    "all": None,
}
DEFAULT_GROUP = "neighbours"
#: The figures' column of the four themes together (the social domain).
SOCIAL_DOMAIN = ""


@dataclass(frozen=True)
class Peer:
    municipality: str
    distance: float | None = None  # statistical neighbours only
    close: tuple = ()  # variable columns that make it close (smallest share of the distance)
    far: tuple = ()  # the variable that sets it apart most


@dataclass(frozen=True)
class ThemeComparison:
    theme: str
    lasten_eur: float | None
    per_inhabitant: Standing
    per_unit: Standing
    fund_eur: float | None
    fund_difference_eur: float | None  # fund − lasten
    fund_difference_per_inhabitant: Standing


@dataclass(frozen=True)
class TaakveldComparison:
    code: str  # comparison code (domain.compare.comparison_code)
    name: str
    theme: str
    lasten_eur: float | None
    unit: tuple  # domain.compare.unit_of
    per_inhabitant: Standing
    per_unit: Standing


@dataclass(frozen=True)
class TrendPoint:
    year: int
    standing: Standing  # per inhabitant; value None: no figures for the municipality that year


@dataclass(frozen=True)
class Trend:
    municipality: str
    kind: str
    group: str
    key: str  # theme, comparison taakveld or "" (the four themes together)
    points: tuple[TrendPoint, ...]
    first_year: int | None  # the municipality's first year with figures
    first_document_year: int | None  # the first year of the document kind in the store

    @property
    def starts_late(self) -> bool:
        """True for a municipality formed by a merger after the first year: its line starts later."""
        return self.first_year is not None and self.first_document_year is not None and self.first_year > self.first_document_year


@dataclass(frozen=True)
class Comparison:
    municipality: str
    year: int
    kind: str
    group: str
    peers: tuple[Peer, ...]
    themes: tuple[ThemeComparison, ...]
    circular: str | None  # e.g. "S2024 2025": which circular the fund figures come from
    inhabitants: int | None


def positions(index: pd.Index, municipality: str, peers) -> tuple[int, np.ndarray]:
    """Where the municipality (-1: not in this document) and its peers with figures stand in ``index``."""
    at = index.get_indexer([municipality, *(p.municipality for p in peers)])
    return int(at[0]), at[1:][at[1:] >= 0]


class CompareQueries:
    def __init__(self, service: DashboardService):
        self.service = service

    def reference(self) -> pd.DataFrame:
        """Structural variables and regions per municipality of today's map: those with a size class
        (gemeenteklassen) and the head counts of the newest circular (``domain.fund.newest_circular``)."""

        def compute():
            engine = self.service.repository.engine
            frame = compare_tables.regions(engine)
            volumes = compare_tables.fund_volumes(engine)
            newest = newest_circular(sorted(set(volumes[["circular", "payment_year"]].itertuples(index=False, name=None))))
            if newest is not None:
                part = volumes[(volumes["circular"] == newest[0]) & (volumes["payment_year"] == newest[1])]
                frame = frame.join(part.set_index("municipality").drop(columns=["circular", "payment_year"]), how="inner")
                frame["fund_circular"] = f"{newest[0]} {newest[1]}"
            else:
                frame = frame.iloc[0:0].reindex(columns=[*frame.columns, *FUND_MEASURES.values(), "fund_circular"])
            frame = frame[frame["size_class"].notna()].sort_index()
            frame["social_structure_class"] = frame["social_structure"].map(peer_rules.SOCIAL_STRUCTURE)
            frame["centre_function_class"] = frame["centre_function"].map(peer_rules.CENTRE_FUNCTION)
            return frame

        return self.service.cached(("compare", "reference"), compute)

    def fund(self) -> pd.DataFrame:
        return self.service.cached(("compare", "fund"), lambda: compare_tables.fund_payments(self.service.repository.engine))

    def fund_notes(self) -> pd.DataFrame:
        return self.service.cached(("compare", "fund-notes"), lambda: compare_tables.fund_notes(self.service.repository.engine))

    def variables(self, year: int) -> pd.DataFrame:
        """The statistical-neighbour variables (domain.peers.VARIABLES) of every municipality."""

        def compute():
            ref = self.reference()
            inhabitants = pd.Series(population_for_year(self.service.repository, year), dtype=float)
            inhabitants = inhabitants.reindex(ref.index).fillna(ref["fund_inhabitants"])
            frame = pd.DataFrame(index=ref.index)
            frame["log_inhabitants"] = inhabitants.map(math.log)
            frame["address_density"] = ref["address_density"]
            frame["young_share"] = ref["young_0_17"] / ref["fund_inhabitants"]
            frame["bijstand_per_1000"] = ref["bijstand"] / ref["fund_inhabitants"] * 1000
            frame["one_person_per_1000"] = ref["one_person_households"] / ref["fund_inhabitants"] * 1000
            frame["social_structure_class"] = ref["social_structure_class"]
            frame["centre_function_class"] = ref["centre_function_class"]
            return frame

        return self.service.cached(("compare", "variables", year), compute)

    def peers(self, municipality: str, group: str, year: int) -> tuple[Peer, ...]:
        if group not in GROUPS:
            raise NotFound(f"unknown group {group!r}; choose one of {', '.join(GROUPS)}")
        ref = self.reference()
        if municipality not in ref.index:
            raise NotFound(f"{municipality!r} is not on today's map of municipalities: no peers")

        def compute():
            if group == "neighbours":
                found = peer_rules.nearest(self.variables(year), municipality)
                return tuple(
                    Peer(n.municipality, n.distance, tuple(sorted(n.shares, key=n.shares.get)[:2]), tuple(sorted(n.shares, key=n.shares.get)[-1:]))
                    for n in found
                )
            column = GROUPS[group]
            names = ref.index if column is None else ref.index[ref[column] == ref.loc[municipality, column]]
            return tuple(Peer(name) for name in sorted(names) if name != municipality)

        return self.service.cached(("compare", "peers", municipality, group, year), compute)

    def theme_frame(self, year: int, kind: str) -> pd.DataFrame:
        """Every municipality's lasten per theme and per comparison taakveld of one document, with its
        denominators (index municipality). Built once per document and dataset version; every
        comparison of that document is then a few vectorised divisions on it."""
        if (year, kind) not in self._documents():
            raise NotFound(f"no {kind} {year}")

        def compute():
            rows = self.service.repository.amounts_for_document(year, kind)
            rows = rows[~rows["is_national"].astype(bool)]
            lasten = theme_lasten(rows, self.service.mapping).pivot(index="municipality", columns="theme", values="lasten_eur")
            lasten = lasten.reindex(columns=list(THEMES))
            codes = taakveld_lasten(rows, self.service.mapping).pivot(index="municipality", columns="code", values="lasten_eur")
            ref = self.reference()
            inhabitants = pd.Series(population_for_year(self.service.repository, year), dtype=float)
            frame = lasten.join(codes, how="left").join(inhabitants.rename("inhabitants"), how="left")
            for column in ("young_0_17", "bijstand", "one_person_households", "wage_subsidy", "target_group"):
                frame[column] = ref[column].reindex(frame.index)
            frame["re_integration"] = frame["wage_subsidy"] + frame["target_group"]
            return frame

        return self.service.cached(("compare", "themes", year, kind), compute)

    def figures(self, year: int, kind: str) -> Figures:
        """Per inhabitant and per unit of every theme and comparison taakveld, and per inhabitant of the
        four themes together (``SOCIAL_DOMAIN``), for every municipality of one document: the divisions of
        every comparison, trend and taakveld table of that document, done once per dataset version."""

        def compute():
            frame = self.theme_frame(year, kind)
            frame = frame.assign(**{SOCIAL_DOMAIN: frame[list(THEMES)].sum(axis=1, min_count=1)})
            pairs = [(SOCIAL_DOMAIN, "inhabitants")]
            for theme, codes in self.taakveld_catalogue(year, kind).items():
                pairs += [(theme, "inhabitants"), (theme, unit_of(theme)[0])]
                pairs += [pair for code, _ in codes if code in frame for pair in ((code, "inhabitants"), (code, unit_of(theme, code)[0]))]
            return figures_per(frame, pairs)

        return self.service.cached(("compare", "figures", year, kind), compute)

    def _documents(self) -> frozenset[tuple[int, str]]:
        """The (year, kind) documents compared (the published ones in public mode): a set, since every
        comparison asks it for every year of its trend."""

        def compute():
            docs = self.service.documents()
            return frozenset((int(y), str(k)) for y, k in docs[["year", "kind"]].itertuples(index=False, name=None))

        return self.service.cached(("compare", "documents"), compute)

    def taakveld_catalogue(self, year: int, kind: str) -> dict[str, tuple[tuple[str, str], ...]]:
        """theme → its comparison taakvelden in this document: (code, CBS name), in code order."""

        def compute():
            rows = self.service.repository.amounts_for_document(year, kind)
            named = taakveld_names(rows)
            catalogue = {theme: [] for theme in THEMES}
            for code, name in named.items():
                theme = self.service.mapping.theme_of(code)
                if theme in catalogue:
                    catalogue[theme].append((code, name))
            return {theme: tuple(sorted(items, key=lambda item: code_order(item[0]))) for theme, items in catalogue.items()}

        self.theme_frame(year, kind)  # raises NotFound for a document that is not there (or not published)
        return self.service.cached(("compare", "taakvelden", year, kind), compute)

    def fund_for_year(self, year: int) -> tuple[str | None, pd.DataFrame]:
        """(circular label, payment per municipality × theme) for a payment year; empty without a circular."""

        def compute():
            fund = self.fund()
            code = circular_for_year(list(fund[["circular", "payment_year"]].drop_duplicates().itertuples(index=False, name=None)), year)
            if code is None:
                return None, pd.DataFrame()
            part = fund[(fund["circular"] == code) & (fund["payment_year"] == year)]
            return f"{code} {year}", part.pivot(index="municipality", columns="theme", values="payment_eur")

        return self.service.cached(("compare", "fund", year), compute)

    def comparison(self, municipality: str, year: int, kind: str, group: str = DEFAULT_GROUP) -> Comparison:
        """Raises NotFound for an unknown municipality, group or document (checked on the national
        frame: no per-municipality query)."""
        self.service.known_municipality(municipality)
        frame = self.theme_frame(year, kind)
        if municipality not in frame.index:
            raise NotFound(f"no {kind} {year} for {municipality}")
        peers = self.peers(municipality, group, year)
        return self.service.cached(("compare", "comparison", municipality, year, kind, group), lambda: self._comparison(municipality, year, kind, group, peers))

    def _comparison(self, municipality: str, year: int, kind: str, group: str, peers) -> Comparison:
        frame, figures = self.theme_frame(year, kind), self.figures(year, kind)
        circular, fund = self.fund_for_year(year)
        own_at, peers_at = positions(frame.index, municipality, peers)
        totals = frame.sum(numeric_only=True, min_count=1)
        payments = fund.reindex(frame.index)
        themes = []
        for theme in THEMES:
            unit = unit_of(theme)[0]
            lasten = frame[theme].get(municipality)
            lasten = None if lasten is None or pd.isna(lasten) else float(lasten)
            if fund.empty:
                own_fund, gap, gap_national = None, pd.Series(dtype=float), None
            else:
                own_fund = None if municipality not in fund.index else float(fund.at[municipality, theme])
                gap = per(payments[theme] - frame[theme], frame["inhabitants"])
                gap_national = ratio(fund[theme].sum() - frame[theme].sum(), totals["inhabitants"])
            themes.append(
                ThemeComparison(
                    theme,
                    lasten,
                    figures.standing(theme, "inhabitants", own_at, peers_at),
                    figures.standing(theme, unit, own_at, peers_at),
                    own_fund,
                    None if own_fund is None or lasten is None else own_fund - lasten,
                    standing_in(gap, own_at, peers_at, gap_national) if len(gap) else standing(None, [], None),
                )
            )
        own = frame["inhabitants"].get(municipality)
        inhabitants = None if own is None or pd.isna(own) else int(own)
        return Comparison(municipality, year, kind, group, peers, tuple(themes), circular, inhabitants)

    def taakvelden(self, municipality: str, year: int, kind: str, theme: str, group: str = DEFAULT_GROUP) -> tuple[TaakveldComparison, ...]:
        """The theme's comparison taakvelden: per inhabitant and per unit of each one's target group."""
        self.service.require(municipality, year, kind)
        if theme not in THEMES:
            raise NotFound(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
        peers = self.peers(municipality, group, year)

        def compute():
            frame, figures = self.theme_frame(year, kind), self.figures(year, kind)
            own_at, peers_at = positions(frame.index, municipality, peers)
            result = []
            for code, name in self.taakveld_catalogue(year, kind)[theme]:
                unit = unit_of(theme, code)
                lasten = frame[code].get(municipality) if code in frame else None
                result.append(
                    TaakveldComparison(
                        code,
                        name,
                        theme,
                        None if lasten is None or pd.isna(lasten) else float(lasten),
                        unit,
                        figures.standing(code, "inhabitants", own_at, peers_at),
                        figures.standing(code, unit[0], own_at, peers_at),
                    )
                )
            return tuple(result)

        return self.service.cached(("compare", "taakvelden", municipality, year, kind, theme, group), compute)

    def trend(self, municipality: str, year: int, kind: str, group: str = DEFAULT_GROUP, key: str = "") -> Trend:
        """Over every year of ``kind``: the municipality's figure per inhabitant against its peers'
        (the peers of ``year``) median and middle half. ``key``: a theme (default: the social domain's
        four themes together) or a comparison taakveld. A year without the municipality's figures (it did
        not exist yet: a merger) has no point."""
        self.service.require(municipality, year, kind)
        peers = self.peers(municipality, group, year)

        def compute():
            points = []
            docs = self.service.documents()
            for doc_year in sorted(int(y) for y in docs.loc[docs["kind"] == kind, "year"]):
                frame, figures = self.theme_frame(doc_year, kind), self.figures(doc_year, kind)
                points.append(TrendPoint(doc_year, figures.standing(key or SOCIAL_DOMAIN, "inhabitants", *positions(frame.index, municipality, peers))))
            with_figure = [p.year for p in points if p.standing.value is not None]
            return Trend(municipality, kind, group, key, tuple(points), with_figure[0] if with_figure else None, points[0].year if points else None)

        return self.service.cached(("compare", "trend", municipality, year, kind, group, key), compute)

    def theme_cluster(self, theme: str) -> str:
        return THEME_CLUSTERS[theme]
