"""Tables of the savings layer and the learning loop (issue 15).

Like the results layer, each municipality has at most one savings layer and one learning layer:
one ``savings_target`` row (unique per municipality: the target with its total and period, the
import's status and illustrative flag) and one ``learning_layer`` row, each replaced whole by an
import of that municipality's files; deleting the row removes its children (ON DELETE CASCADE).
Programmes, providers and indicators are slugs (checked on import, not foreign keys, because their
own importers replace them). Documented in ``data/README.md`` (section "Savings targets, measures and the learning loop").
"""

from sqlalchemy import BigInteger, Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from dashboard.domain.limits import NAME_LENGTH
from dashboard.store.schema import metadata

savings_target = Table(
    "savings_target",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("municipality_id", Integer, ForeignKey("municipality.id"), nullable=False, unique=True),  # one target per municipality
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("name_nl", String(NAME_LENGTH)),
    Column("total_eur", BigInteger, nullable=False),  # whole euros to save over the period
    Column("start_year", Integer, nullable=False),
    Column("end_year", Integer, nullable=False),
    Column("status", String(20), nullable=False),  # draft | published
    Column("illustrative", Boolean, nullable=False),
    Column("source", Text, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)

savings_split = Table(
    "savings_split",
    metadata,
    Column("target_id", Integer, ForeignKey("savings_target.id", ondelete="CASCADE"), primary_key=True),
    Column("theme", String(20), primary_key=True),  # Vital | Young | Work | Participate
    Column("year", Integer, primary_key=True),
    Column("amount_eur", BigInteger, nullable=False),
)

savings_measure = Table(
    "savings_measure",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target_id", Integer, ForeignKey("savings_target.id", ondelete="CASCADE"), nullable=False),
    Column("slug", String(80), nullable=False),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("name_nl", String(NAME_LENGTH)),
    Column("theme", String(20), nullable=False),
    Column("programmes", Text, nullable=False),  # programme slugs, space-separated (may be empty)
    Column("provider", String(80)),  # provider or partner slug, optional
    Column("kind", String(30), nullable=False),  # efficiency | reduction | shift to social base | partner offer
    Column("status", String(20), nullable=False),  # planned | running | achieved | dropped
    Column("owner", String(NAME_LENGTH), nullable=False),
    Column("description", Text),
    Column("description_nl", Text),
    Column("illustrative", Boolean, nullable=False),
    UniqueConstraint("target_id", "slug", name="uq_savings_measure_slug"),
)

savings_measure_year = Table(
    "savings_measure_year",
    metadata,
    Column("measure_id", Integer, ForeignKey("savings_measure.id", ondelete="CASCADE"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("expected_eur", BigInteger, nullable=False),
    Column("realised_eur", BigInteger),  # NULL: not (yet) reported
)

savings_measure_indicator = Table(
    "savings_measure_indicator",
    metadata,
    Column("measure_id", Integer, ForeignKey("savings_measure.id", ondelete="CASCADE"), primary_key=True),
    Column("indicator", String(80), primary_key=True),  # slug in the municipality's results layer: must not be harmed
)

learning_layer = Table(
    "learning_layer",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("municipality_id", Integer, ForeignKey("municipality.id"), nullable=False, unique=True),
    Column("status", String(20), nullable=False),  # draft | published
    Column("illustrative", Boolean, nullable=False),
    Column("source", Text, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)

ambition = Table(
    "ambition",
    metadata,
    Column("layer_id", Integer, ForeignKey("learning_layer.id", ondelete="CASCADE"), primary_key=True),
    Column("theme", String(20), primary_key=True),
    Column("text", Text, nullable=False),
    Column("text_nl", Text),
)

learning_note = Table(
    "learning_note",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("layer_id", Integer, ForeignKey("learning_layer.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("theme", String(20), nullable=False),
    Column("programmes", Text, nullable=False),  # programme slugs, space-separated (may be empty)
    Column("indicators", Text, nullable=False),  # indicator slugs, space-separated (may be empty)
    Column("saw", Text, nullable=False),  # what we saw
    Column("learned", Text, nullable=False),  # what we learned
    Column("decision", String(20), nullable=False),  # continue | adjust | stop
    Column("author", String(NAME_LENGTH), nullable=False),
    Column("language", String(2), nullable=False),  # en | nl
)
