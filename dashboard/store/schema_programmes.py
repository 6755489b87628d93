"""Tables of the programme and provider layer below the CBS theme totals (issue 3, drill-down).

Programmes and providers are a catalogue shared by all municipalities (keyed by slug, because
URLs and other features refer to them). Allocations belong to one ``programme_layer``: one
municipality's (year, document), imported as a whole, with its own status and illustrative flag.
Documented in ``data/README.md`` (section "Programmes, providers and allocations").
"""
from sqlalchemy import BigInteger, Boolean, Column, DateTime, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from dashboard.domain.limits import NAME_LENGTH
from dashboard.store.schema import metadata

programme = Table(
    "programme",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(80), nullable=False, unique=True),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("name_nl", String(NAME_LENGTH)),
    Column("theme", String(20), nullable=False),  # Vital | Young | Work | Participate
    Column("layer", String(20), nullable=False),  # social base | maatwerk | escalated care
    Column("taakvelden", Text, nullable=False),  # Iv3 codes it books on, space-separated (descriptive)
    Column("description", Text),
    Column("description_nl", Text),
    Column("illustrative", Boolean, nullable=False, default=False),
)

provider = Table(
    "provider",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(80), nullable=False, unique=True),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("kind", String(40), nullable=False),  # welfare organisation | care provider | social enterprise | municipality
    Column("kvk", String(8)),  # Chamber of Commerce number, optional
    Column("illustrative", Boolean, nullable=False, default=False),
)

programme_layer = Table(
    "programme_layer",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("municipality_id", Integer, ForeignKey("municipality.id"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("kind", String(20), nullable=False),  # begroting | jaarrekening
    Column("status", String(20), nullable=False),  # draft | published
    # True when any allocation of this layer is generated (demo): shown as "illustrative" on screen.
    Column("illustrative", Boolean, nullable=False),
    Column("source_file", Text),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("municipality_id", "year", "kind", name="uq_programme_layer"),
)

allocation = Table(
    "allocation",
    metadata,
    Column("layer_id", Integer, ForeignKey("programme_layer.id", ondelete="CASCADE"), primary_key=True),
    Column("programme_id", Integer, ForeignKey("programme.id"), primary_key=True),
    Column("provider_id", Integer, ForeignKey("provider.id"), primary_key=True),
    Column("taakveld", String(10), primary_key=True),  # Iv3 code as stored for this document, e.g. 6.71a
    Column("instrument", String(20), nullable=False),  # subsidy | procurement | lump sum | pgb | benefit
    Column("amount_eur", BigInteger, nullable=False),  # whole euros; negative only for corrections
    Column("clients", Integer),  # NULL where a client count does not apply
    Column("illustrative", Boolean, nullable=False, default=False),
)
