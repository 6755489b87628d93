"""Tables of what comparison needs beside the Iv3 figures: classifications and regions, the fund's
head counts and what each gemeentefonds circular pays per social cluster.

Keyed on the stored municipality name (the importers join every source name to it first). Documented in
``data/README.md`` ("Comparison tables").
"""

from sqlalchemy import Column, Float, Integer, String, Table, Text

from dashboard.domain.limits import MUNICIPALITY_NAME_LENGTH, PROFILE_LENGTH
from dashboard.store.schema import metadata

municipality_region = Table(
    "municipality_region",
    metadata,
    Column("municipality", String(MUNICIPALITY_NAME_LENGTH), primary_key=True),
    Column("gm_code", String(10)),
    Column("province", String(PROFILE_LENGTH)),
    Column("size_class", String(PROFILE_LENGTH)),
    Column("urbanity", String(PROFILE_LENGTH)),
    Column("urbanity_code", Integer),
    Column("youth_region", String(PROFILE_LENGTH)),
    Column("labour_region", String(PROFILE_LENGTH)),
    Column("address_density", Float),
    Column("centre_function", String(PROFILE_LENGTH)),
    Column("social_structure", String(PROFILE_LENGTH)),
)

fund_volume = Table(
    "fund_volume",
    metadata,
    Column("circular", String(10), primary_key=True),  # e.g. S2024
    Column("payment_year", Integer, primary_key=True),
    Column("municipality", String(MUNICIPALITY_NAME_LENGTH), primary_key=True),
    # the fund's head counts (measures inwo, jong, bo3_nw, ephh, loonksub, doelgroep): forecasts with fractions
    Column("fund_inhabitants", Float),
    Column("young_0_17", Float),
    Column("bijstand", Float),
    Column("one_person_households", Float),
    Column("wage_subsidy", Float),
    Column("target_group", Float),
)

fund_payment = Table(
    "fund_payment",
    metadata,
    Column("circular", String(10), primary_key=True),
    Column("payment_year", Integer, primary_key=True),
    Column("municipality", String(MUNICIPALITY_NAME_LENGTH), primary_key=True),
    Column("cluster", String(PROFILE_LENGTH), primary_key=True),
    Column("factor", Float, nullable=False),
    Column("theme", String(20), nullable=False),
    Column("measures_eur", Float, nullable=False),  # Σ factor × weight × volume, euros with cents
    Column("siudu_eur", Float, nullable=False),  # Σ SIUDU weight × amount
    Column("payment_eur", Float, nullable=False),
)

fund_note = Table(
    "fund_note",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("circular", String(10), nullable=False),
    Column("payment_year", Integer, nullable=False),
    Column("note", Text, nullable=False),
)
