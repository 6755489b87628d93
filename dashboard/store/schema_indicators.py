"""Tables of the results layer (issue 4): indicators, their targets and values, and stories.

Each municipality has at most one results layer: one ``indicator_import`` row (unique per
``municipality_id``) that an import of that municipality's files replaces as a whole (the files are
the full truth, like an export from the municipality's monitoring system); other municipalities'
layers are untouched. Deleting the import row removes its indicators, targets, values and stories
(ON DELETE CASCADE). ``indicator_import`` keeps the status (draft | published) and the illustrative
flag of that import; each indicator carries its own illustrative flag too, and its slug is unique
within its import (two municipalities may both measure "youth-care-per-1000"). Programme and provider are slugs of the programme catalogue (checked on
import, not foreign keys, because the programme layer is replaced by its own importer).
Documented in ``data/README.md`` (section "Indicators, targets, values and stories").
"""
from sqlalchemy import Boolean, Column, Date, DateTime, Float, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from dashboard.domain.limits import NAME_LENGTH, UNIT_LENGTH
from dashboard.store.schema import metadata

indicator_import = Table(
    "indicator_import",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("municipality_id", Integer, ForeignKey("municipality.id"), nullable=False, unique=True),  # one layer per municipality
    Column("status", String(20), nullable=False),  # draft | published
    Column("illustrative", Boolean, nullable=False),  # True when any indicator of the import is illustrative
    Column("source", Text, nullable=False),  # the directory imported from
    Column("imported_at", DateTime(timezone=True), nullable=False),
)

indicator = Table(
    "indicator",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("indicator_import.id", ondelete="CASCADE"), nullable=False),
    Column("slug", String(80), nullable=False),  # unique per import (per municipality), see below
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("name_nl", String(NAME_LENGTH)),
    Column("theme", String(20), nullable=False),  # Vital | Young | Work | Participate
    Column("level", String(10), nullable=False),  # goal | outcome | output
    Column("contributes_to", String(80)),  # slug of the goal/outcome this one serves (results chain)
    Column("programme", String(80)),  # programme slug, optional
    Column("provider", String(80)),  # provider slug, optional
    Column("unit", String(UNIT_LENGTH), nullable=False),
    Column("unit_nl", String(UNIT_LENGTH)),
    Column("decimals", Integer, nullable=False),  # digits shown after the decimal sign
    Column("direction", String(20), nullable=False),  # higher is better | lower is better | target band
    Column("tolerance", Float, nullable=False),  # in the indicator's unit: the "at risk" margin
    Column("frequency", String(10), nullable=False),  # yearly | quarterly
    Column("source", Text, nullable=False),
    Column("owner", Text, nullable=False),  # who measures it
    Column("definition", Text, nullable=False),
    Column("definition_nl", Text),
    Column("illustrative", Boolean, nullable=False),
    UniqueConstraint("import_id", "slug", name="uq_indicator_slug_per_import"),
)

indicator_target = Table(
    "indicator_target",
    metadata,
    Column("indicator_id", Integer, ForeignKey("indicator.id", ondelete="CASCADE"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("minimum", Float),  # met when value >= minimum (higher is better, band)
    Column("maximum", Float),  # met when value <= maximum (lower is better, band)
)

indicator_value = Table(
    "indicator_value",
    metadata,
    Column("indicator_id", Integer, ForeignKey("indicator.id", ondelete="CASCADE"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("quarter", Integer, primary_key=True),  # 0 for a yearly value, 1-4 for a quarter
    Column("value", Float, nullable=False),
    Column("note", Text),
)

story = Table(
    "indicator_story",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("indicator_import.id", ondelete="CASCADE"), nullable=False),
    Column("indicator", String(80)),  # indicator slug, or NULL when the story is about a programme
    Column("programme", String(80)),  # programme slug, or NULL when the story is about an indicator
    Column("date", Date, nullable=False),
    Column("title", String(NAME_LENGTH), nullable=False),
    Column("text", Text, nullable=False),
    Column("author", String(NAME_LENGTH), nullable=False),
    Column("voice", String(20), nullable=False),  # municipality | provider | resident
    Column("language", String(2), nullable=False),  # en | nl: the language the story is written in
)
