"""Database tables. Amounts are whole euros (BigInteger); CBS's EUR 1,000 are converted on import.

Documented column by column in ``data/README.md`` (the data dictionary).
"""
from sqlalchemy import BigInteger, Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text, UniqueConstraint

from dashboard.domain.limits import MUNICIPALITY_NAME_LENGTH, PROFILE_LENGTH, TAAKVELD_NAME_LENGTH

metadata = MetaData()

municipality = Table(
    "municipality",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(MUNICIPALITY_NAME_LENGTH), nullable=False, unique=True),
    Column("province", String(PROFILE_LENGTH)),
    Column("size_class", String(PROFILE_LENGTH)),
    Column("urbanity", String(PROFILE_LENGTH)),
    # True for CBS's "Nederland" rows: a national total to compare with, never a municipality.
    Column("is_national", Boolean, nullable=False, default=False),
)

population = Table(
    "population",
    metadata,
    Column("municipality_id", Integer, ForeignKey("municipality.id"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("inhabitants", Integer, nullable=False),
)

document = Table(
    "document",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("year", Integer, nullable=False),
    Column("kind", String(20), nullable=False),  # begroting | jaarrekening
    Column("status", String(20), nullable=False, default="published"),  # draft | published
    Column("source", Text, nullable=False),
    Column("source_file", Text),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("year", "kind", name="uq_document_year_kind"),
)

taakveld = Table(
    "taakveld",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(10), nullable=False),
    Column("name", String(TAAKVELD_NAME_LENGTH), nullable=False),
    # The same code was renamed in 2025 (6.4 Begeleide participatie → WSW en beschut werk).
    UniqueConstraint("code", "name", name="uq_taakveld_code_name"),
)

amount = Table(
    "amount",
    metadata,
    Column("document_id", Integer, ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
    Column("municipality_id", Integer, ForeignKey("municipality.id"), primary_key=True),
    Column("taakveld_id", Integer, ForeignKey("taakveld.id"), primary_key=True),
    Column("lasten_eur", BigInteger),  # NULL: CBS published no figure
    Column("baten_eur", BigInteger),  # NULL: not in the source (the ten-year file has no baten)
    # Pages ask for one municipality's rows across documents; without this every query scans the table.
    Index("ix_amount_municipality", "municipality_id", "document_id"),
)

dataset_version = Table(
    "dataset_version",
    metadata,
    # One row; bumped in the same transaction as every import or publish, so caches keyed on
    # it see changes at once.
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
)
