"""What the gemeentefonds pays per social cluster: volumes × weights × payment factor, plus SIUDU items.

The four social clusters line up with the four themes. The fund is not earmarked: a municipality may
spend more or less than a cluster brings in, so the comparison with its lasten is an indication.
The real files have spelling quirks between weights and volumes; each is resolved here by a
documented mapping, and whatever cannot be resolved is reported, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

#: Cluster → theme (data/README.md, "Gemeentefonds").
CLUSTER_THEMES = {
    "Sociale basisvoorzieningen": "Participate",
    "Participatie": "Work",
    "Individuele voorzieningen Wmo": "Vital",
    "Individuele voorzieningen Jeugd": "Young",
}
CLUSTERS = tuple(CLUSTER_THEMES)
THEME_CLUSTERS = {theme: cluster for cluster, theme in CLUSTER_THEMES.items()}

#: A weight's measure code → the column that holds its volume, where the circular spells them apart.
MEASURE_ALIASES = {"vast": "vast nieuw"}
#: SIUDU weight names → SIUDU column, beyond differences of case and spaces (which always match).
SIUDU_ALIASES = {"art. 12": "art.12"}
#: The fund's head counts comparison divides by: volume column → stored column (data/README.md).
FUND_MEASURES = {
    "inwo": "fund_inhabitants",
    "jong": "young_0_17",
    "bo3_nw": "bijstand",
    "ephh": "one_person_households",
    "loonksub": "wage_subsidy",
    "doelgroep": "target_group",
}


def measure_is_on_woz(code: str) -> bool:
    """Measures on WOZ value (WOZnwe70, …) are euros of property value: not multiplied by the factor."""
    return code.upper().startswith("WOZ")


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().lower()


@dataclass
class Circular:
    """One circular for one payment year, as read from its three files (numbers already parsed)."""

    code: str  # e.g. "S2024"
    payment_year: int
    factor: float
    volumes: pd.DataFrame  # index municipality, one column per measure code
    weights: pd.DataFrame  # index measure code, one column per cluster (€ per unit)
    siudu: pd.DataFrame  # index municipality, one column per SIUDU item (€)
    siudu_weights: pd.DataFrame  # index SIUDU item name, one column per cluster (share 0–1)
    notes: list[str] = field(default_factory=list)


def resolve_measures(circular: Circular) -> tuple[dict[str, str], list[str], list[str]]:
    """weight code → volume column; problems for weights with no volume (which would be an error);
    notes for each weight read from a column of another spelling (``MEASURE_ALIASES``)."""
    columns = set(circular.volumes.columns)
    resolved, problems, notes = {}, [], []
    for code in circular.weights.index:
        column = code if code in columns else MEASURE_ALIASES.get(code)
        if column in columns:
            resolved[code] = column
            if column != code:
                notes.append(f"weight of measure {code!r} read from volume column {column!r} (domain.fund.MEASURE_ALIASES)")
        else:
            problems.append(f"weight of measure {code!r} has no volume column")
    return resolved, problems, notes


def resolve_siudu(circular: Circular) -> tuple[dict[str, str], list[str]]:
    """SIUDU weight name → SIUDU column; notes for weights without amounts and amounts without weight."""
    by_key = {_key(c): c for c in circular.siudu.columns}
    resolved, notes = {}, []
    for name in circular.siudu_weights.index:
        key = _key(name)
        column = by_key.get(key) or by_key.get(SIUDU_ALIASES.get(key, ""))
        if column is None:
            social = circular.siudu_weights.loc[name, list(CLUSTERS)].abs().sum()
            notes.append(
                f"SIUDU weight {name.strip()!r} has no amounts in the SIUDU file" + (" (social cluster: counts 0)" if social else " (no social cluster)")
            )
        else:
            resolved[name] = column
    used = set(resolved.values())
    for column in circular.siudu.columns:
        if column not in used:
            notes.append(f"SIUDU column {column.strip()!r} has no weight: not in any cluster")
    return resolved, notes


def cluster_payments(circular: Circular) -> tuple[pd.DataFrame, list[str]]:
    """Per municipality and social cluster: measures_eur, siudu_eur and payment_eur (their sum).

    Raises ValueError when a weight's measure has no volume (the payment would be wrong)."""
    measures, problems, notes = resolve_measures(circular)
    if problems:
        raise ValueError("; ".join(problems))
    siudu_map, siudu_notes = resolve_siudu(circular)
    notes = notes + siudu_notes
    parts = []
    for cluster in CLUSTERS:
        measure_part = pd.Series(0.0, index=circular.volumes.index)
        for code, column in measures.items():
            weight = float(circular.weights.loc[code, cluster])
            if weight:
                factor = 1.0 if measure_is_on_woz(code) else circular.factor
                measure_part = measure_part + factor * weight * circular.volumes[column].astype(float)
        siudu_part = pd.Series(0.0, index=circular.siudu.index)
        for name, column in siudu_map.items():
            weight = float(circular.siudu_weights.loc[name, cluster])
            if weight:
                siudu_part = siudu_part + weight * circular.siudu[column].astype(float)
        siudu_part = siudu_part.reindex(measure_part.index).fillna(0.0)
        parts.append(
            pd.DataFrame(
                {
                    "municipality": measure_part.index,
                    "cluster": cluster,
                    "theme": CLUSTER_THEMES[cluster],
                    "measures_eur": measure_part.values,
                    "siudu_eur": siudu_part.values,
                    "payment_eur": (measure_part + siudu_part).values,
                }
            )
        )
    return pd.concat(parts, ignore_index=True), notes


def circular_for_year(circulars: list[tuple[str, int]], year: int) -> str | None:
    """The circular used for a payment year: the newest one for that year (September after May of the
    same year, a later year after an earlier one). None when no circular covers the year."""
    candidates = [code for code, payment_year in circulars if payment_year == year]
    if not candidates:
        return None
    return max(candidates, key=lambda code: (int(code[1:]), code[0] == "S"))


def newest_circular(circulars: list[tuple[str, int]]) -> tuple[str, int] | None:
    """The circular whose head counts comparison divides by: the one used for the latest payment year."""
    if not circulars:
        return None
    year = max(payment_year for _, payment_year in circulars)
    return circular_for_year(circulars, year), year
