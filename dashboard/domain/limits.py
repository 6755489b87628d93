"""The bounds every stored value keeps: one copy for the importers (which refuse a value beyond
them, by line) and the schema (which declares the text lengths), so SQLite and PostgreSQL never
differ on what was stored.

Amounts: no municipality's taakveld, nor the national total, comes near a trillion euros (the
largest figure in the CBS files is the national algemene uitkering, EUR 44 bn). With every amount
within ``AMOUNT_CEILING_EUR``, any sum of up to ``AMOUNTS_SUMMABLE`` (9.2 million) amounts fits a
64-bit integer exactly, in pandas, SQLite and PostgreSQL alike: more than every amount of every
municipality in every document the store can hold (~0.6 million per ten years), so no total can
overflow and turn negative.
"""
from __future__ import annotations

#: The largest amount of one row, in whole euros (either sign): EUR 1,000,000,000,000.
AMOUNT_CEILING_EUR = 10**12
INT64_MAX = 2**63 - 1
AMOUNTS_SUMMABLE = INT64_MAX // AMOUNT_CEILING_EUR
#: Inhabitants of one municipality (or the country: 18 million) and clients of one provider.
COUNT_CEILING = 10**8

# Text lengths (characters), as the schema declares them.
MUNICIPALITY_NAME_LENGTH = 100
PROFILE_LENGTH = 50  # Provincie, Gemeentegrootte, Stedelijkheid
TAAKVELD_NAME_LENGTH = 200
NAME_LENGTH = 200  # programme, provider and indicator names, story titles and authors
UNIT_LENGTH = 100


def within_amount_ceiling(euros: int) -> bool:
    return -AMOUNT_CEILING_EUR <= euros <= AMOUNT_CEILING_EUR


def is_percent(unit: str | None) -> bool:
    """A unit in percent ('% of adults', 'procent'): its values and targets lie within 0–100."""
    lowered = (unit or "").strip().lower()
    return lowered.startswith("%") or lowered.split(" ")[0] in ("percent", "procent", "percentage")
