"""Statistical neighbours: municipalities most alike in population and area, never in spending.

Each structural variable is standardised over all municipalities (z-score), the distance is the
Euclidean distance between z-vectors, and the nearest are the peers — as the CIPFA nearest-neighbour
model and the ONS statistical neighbours do. For every peer the page shows which variables make it
close or far: each variable's share of the squared distance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

#: (column, English label, Dutch label). Documented in data/README.md ("Peers").
VARIABLES = (
    ("log_inhabitants", "Inhabitants (log)", "Inwoners (log)"),
    ("address_density", "Address density", "Omgevingsadressendichtheid"),
    ("young_share", "Young people 0–17 per inhabitant", "Jongeren 0–17 per inwoner"),
    ("bijstand_per_1000", "Bijstand recipients per 1,000", "Bijstandsontvangers per 1.000"),
    ("one_person_per_1000", "One-person households per 1,000", "Eenpersoonshuishoudens per 1.000"),
    ("social_structure_class", "Social-structure class", "Sociale-structuurklasse"),
    ("centre_function_class", "Centre-function class", "Centrumfunctieklasse"),
)
VARIABLE_COLUMNS = tuple(v[0] for v in VARIABLES)
#: The fund's classes as numbers (from good/none to weak/strong); the G4 have no centre-function class.
SOCIAL_STRUCTURE = {"Goed": 0, "Redelijk": 1, "Matig": 2, "Zwak": 3}
CENTRE_FUNCTION = {"Zonder": 0, "Weinig": 1, "Redelijk": 2, "Sterk": 3}
DEFAULT_NEIGHBOURS = 15


@dataclass(frozen=True)
class Neighbour:
    municipality: str
    distance: float
    #: variable column → share of the squared distance (0–1); small = this variable makes them alike
    shares: dict
    #: variable column → z-difference (peer − municipality), signed
    differences: dict


def zscores(frame: pd.DataFrame) -> pd.DataFrame:
    """Standardise each variable column (mean 0, sd 1 over the municipalities given; NaN stays NaN)."""
    out = pd.DataFrame(index=frame.index)
    for column in VARIABLE_COLUMNS:
        values = frame[column].astype(float)
        sd = values.std(ddof=0)
        out[column] = (values - values.mean()) / sd if sd else 0.0
    return out


def nearest(frame: pd.DataFrame, municipality: str, count: int = DEFAULT_NEIGHBOURS) -> list[Neighbour]:
    """The ``count`` municipalities nearest to ``municipality`` (index of ``frame``: names).

    A variable missing for either side is left out of that pair's distance, which is then scaled up by
    √(variables / variables used) so a pair with fewer variables is not made to look closer."""
    z = zscores(frame)
    if municipality not in z.index:
        raise KeyError(municipality)
    others = z.drop(index=municipality)
    diff = (others - z.loc[municipality]).to_numpy(dtype=float)
    squared = diff**2
    used = ~np.isnan(squared)
    totals = np.nansum(squared, axis=1)
    counts = used.sum(axis=1)
    result = []
    for i, name in enumerate(others.index):
        if not counts[i]:
            continue
        distance = math.sqrt(totals[i] * len(VARIABLE_COLUMNS) / counts[i])
        columns = [c for j, c in enumerate(VARIABLE_COLUMNS) if used[i, j]]
        shares = {c: (float(squared[i, j]) / totals[i] if totals[i] else 0.0) for j, c in enumerate(VARIABLE_COLUMNS) if used[i, j]}
        result.append(Neighbour(name, distance, shares, {c: float(diff[i, VARIABLE_COLUMNS.index(c)]) for c in columns}))
    result.sort(key=lambda n: (n.distance, n.municipality))
    return result[:count]
