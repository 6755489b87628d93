"""Comparison questions: peers (ready-made groups and statistical neighbours), a theme's figures
against the peers' median, band, rank and the national figure, and what the fund pays beside the lasten.

Cached per dataset version through the service (keys start with "compare"); in public mode only
published documents are compared (the service's ``documents`` are then the published ones).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from dashboard.config.paths import NATIONAL_DEMO_DIR
from dashboard.domain import peers as peer_rules
from dashboard.domain.compare import THEME_UNITS, Standing, ratio, standing, theme_lasten
from dashboard.domain.fund import THEME_CLUSTERS, circular_for_year
from dashboard.domain.themes import THEMES
from dashboard.queries.service import DashboardService, NotFound
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
SOCIAL_STRUCTURE = {"Goed": 0, "Redelijk": 1, "Matig": 2, "Zwak": 3}
CENTRE_FUNCTION = {"Zonder": 0, "Weinig": 1, "Redelijk": 2, "Sterk": 3}


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
class Comparison:
    municipality: str
    year: int
    kind: str
    group: str
    peers: tuple[Peer, ...]
    themes: tuple[ThemeComparison, ...]
    circular: str | None  # e.g. "S2024 2025": which circular the fund figures come from
    inhabitants: int | None


class CompareQueries:
    def __init__(self, service: DashboardService):
        self.service = service

    def reference(self) -> pd.DataFrame:
        """Structural variables and regions per municipality (data/demo/national/municipalities.csv)."""
        def compute():
            frame = pd.read_csv(NATIONAL_DEMO_DIR / "municipalities.csv", index_col="municipality", keep_default_na=False, na_values=[""])
            frame["social_structure_class"] = frame["social_structure"].map(SOCIAL_STRUCTURE)
            frame["centre_function_class"] = frame["centre_function"].map(CENTRE_FUNCTION)
            return frame
        return self.service.cached(("compare", "reference"), compute)

    def fund(self) -> pd.DataFrame:
        return self.service.cached(("compare", "fund"), lambda: pd.read_csv(NATIONAL_DEMO_DIR / "fund.csv"))

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
                    Peer(n.municipality, n.distance,
                         tuple(sorted(n.shares, key=n.shares.get)[:2]), tuple(sorted(n.shares, key=n.shares.get)[-1:]))
                    for n in found
                )
            column = GROUPS[group]
            names = ref.index if column is None else ref.index[ref[column] == ref.loc[municipality, column]]
            return tuple(Peer(name) for name in sorted(names) if name != municipality)
        return self.service.cached(("compare", "peers", municipality, group, year), compute)

    def theme_frame(self, year: int, kind: str) -> pd.DataFrame:
        """Every municipality's lasten per theme of one document, with its denominators (index municipality)."""
        docs = self.service.documents()
        if docs[(docs["year"] == year) & (docs["kind"] == kind)].empty:
            raise NotFound(f"no {kind} {year}")

        def compute():
            rows = self.service.repository.amounts_for_document(year, kind)
            rows = rows[~rows["is_national"].astype(bool)]
            lasten = theme_lasten(rows, self.service.mapping).pivot(index="municipality", columns="theme", values="lasten_eur")
            lasten = lasten.reindex(columns=list(THEMES))
            ref = self.reference()
            inhabitants = pd.Series(population_for_year(self.service.repository, year), dtype=float)
            frame = lasten.join(inhabitants.rename("inhabitants"), how="left")
            for column in ("young_0_17", "bijstand", "one_person_households"):
                frame[column] = ref[column].reindex(frame.index)
            return frame
        return self.service.cached(("compare", "themes", year, kind), compute)

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

    def rates(self, year: int, kind: str) -> dict:
        """Per theme and measure: {municipality: value} for every municipality, and the national value.
        Computed once per document (vectorised); a comparison then only looks peers up."""
        def compute():
            frame = self.theme_frame(year, kind)
            circular, fund = self.fund_for_year(year)
            totals = frame.sum(numeric_only=True, min_count=1)
            out = {}
            for theme in THEMES:
                unit = THEME_UNITS[theme][0]
                per_inhabitant = frame[theme] / frame["inhabitants"]
                per_unit = frame[theme] / frame[unit]
                entry = {
                    "lasten": frame[theme].dropna().to_dict(),
                    "per_inhabitant": (per_inhabitant.dropna().to_dict(), ratio(totals[theme], totals["inhabitants"])),
                    "per_unit": (per_unit.dropna().to_dict(), ratio(totals[theme], totals[unit])),
                }
                if fund.empty:
                    entry["fund"], entry["gap"] = {}, ({}, None)
                else:
                    paid = fund[theme].reindex(frame.index)
                    gap = (paid - frame[theme]) / frame["inhabitants"]
                    entry["fund"] = paid.dropna().to_dict()
                    entry["gap"] = (gap.dropna().to_dict(), ratio(fund[theme].sum() - frame[theme].sum(), totals["inhabitants"]))
                out[theme] = entry
            inhabitants = frame["inhabitants"].dropna().astype(int).to_dict()
            return circular, out, inhabitants
        return self.service.cached(("compare", "rates", year, kind), compute)

    def comparison(self, municipality: str, year: int, kind: str, group: str = DEFAULT_GROUP) -> Comparison:
        """Raises NotFound for an unknown municipality, group or document (checked on the national
        frame: no per-municipality query)."""
        self.service.known_municipality(municipality)
        circular, rates, inhabitants = self.rates(year, kind)
        if municipality not in inhabitants and not any(municipality in r["lasten"] for r in rates.values()):
            raise NotFound(f"no {kind} {year} for {municipality}")
        peers = self.peers(municipality, group, year)
        return self.service.cached(("compare", "comparison", municipality, year, kind, group),
                                   lambda: self._comparison(municipality, year, kind, group, peers))

    def _comparison(self, municipality: str, year: int, kind: str, group: str, peers) -> Comparison:
        circular, rates, inhabitants = self.rates(year, kind)
        names = [p.municipality for p in peers]

        def stand(values_national):
            values, national = values_national
            return standing(values.get(municipality), [values[n] for n in names if n in values], national)

        themes = []
        for theme in THEMES:
            r = rates[theme]
            lasten, paid = r["lasten"].get(municipality), r["fund"].get(municipality)
            themes.append(ThemeComparison(
                theme, lasten, stand(r["per_inhabitant"]), stand(r["per_unit"]), paid,
                None if paid is None or lasten is None else paid - lasten, stand(r["gap"]),
            ))
        return Comparison(municipality, year, kind, group, peers, tuple(themes), circular, inhabitants.get(municipality))

    def theme_cluster(self, theme: str) -> str:
        return THEME_CLUSTERS[theme]
