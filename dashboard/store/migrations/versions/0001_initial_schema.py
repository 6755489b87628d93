"""The schema of the releases before migrations, exactly as their ``metadata.create_all`` made it.

Revision ID: 0001
Revises:
Created: 2026-12-01

Python-side defaults (``default=False``, ``default="published"``) are not in the database, as with
``create_all``. A store made before migrations may lack the tables of features newer than the release
that made it: only the missing tables are created (``dashboard.store.migrations.upgrade`` runs this
revision on such a store, which on a store of the last release only stamps it).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

#: Parents before children.
TABLES = (
    "municipality", "population", "document", "taakveld", "amount", "dataset_version",
    "programme", "provider", "programme_layer", "allocation",
    "indicator_import", "indicator", "indicator_target", "indicator_value", "indicator_story",
)


def upgrade() -> None:
    existing = set() if op.get_context().as_sql else set(sa.inspect(op.get_bind()).get_table_names())

    def create_table(name: str, *items) -> None:
        if name not in existing:
            op.create_table(name, *items)

    # dashboard/store/schema.py: municipalities, CBS Iv3 documents and amounts
    create_table(
        "municipality",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("province", sa.String(length=50), nullable=True),
        sa.Column("size_class", sa.String(length=50), nullable=True),
        sa.Column("urbanity", sa.String(length=50), nullable=True),
        sa.Column("is_national", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    create_table(
        "population",
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("inhabitants", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
        sa.PrimaryKeyConstraint("municipality_id", "year"),
    )
    create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "kind", name="uq_document_year_kind"),
    )
    create_table(
        "taakveld",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code", "name", name="uq_taakveld_code_name"),
    )
    create_table(
        "amount",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("taakveld_id", sa.Integer(), nullable=False),
        sa.Column("lasten_eur", sa.BigInteger(), nullable=True),
        sa.Column("baten_eur", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
        sa.ForeignKeyConstraint(["taakveld_id"], ["taakveld.id"]),
        sa.PrimaryKeyConstraint("document_id", "municipality_id", "taakveld_id"),
        sa.Index("ix_amount_municipality", "municipality_id", "document_id"),
    )
    create_table(
        "dataset_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # dashboard/store/schema_programmes.py: programmes, providers and allocations
    create_table(
        "programme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_nl", sa.String(length=200), nullable=True),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("layer", sa.String(length=20), nullable=False),
        sa.Column("taakvelden", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("description_nl", sa.Text(), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("slug"),
    )
    create_table(
        "provider",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("kvk", sa.String(length=8), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("slug"),
    )
    create_table(
        "programme_layer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("municipality_id", "year", "kind", name="uq_programme_layer"),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
    )
    create_table(
        "allocation",
        sa.Column("layer_id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("taakveld", sa.String(length=10), nullable=False),
        sa.Column("instrument", sa.String(length=20), nullable=False),
        sa.Column("amount_eur", sa.BigInteger(), nullable=False),
        sa.Column("clients", sa.Integer(), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["layer_id"], ["programme_layer.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["programme_id"], ["programme.id"]),
        sa.ForeignKeyConstraint(["provider_id"], ["provider.id"]),
        sa.PrimaryKeyConstraint("layer_id", "programme_id", "provider_id", "taakveld"),
    )
    # dashboard/store/schema_indicators.py: the results layers
    create_table(
        "indicator_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("municipality_id"),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
    )
    create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_nl", sa.String(length=200), nullable=True),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("contributes_to", sa.String(length=80), nullable=True),
        sa.Column("programme", sa.String(length=80), nullable=True),
        sa.Column("provider", sa.String(length=80), nullable=True),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("unit_nl", sa.String(length=100), nullable=True),
        sa.Column("decimals", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("tolerance", sa.Float(), nullable=False),
        sa.Column("frequency", sa.String(length=10), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("definition_nl", sa.Text(), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("import_id", "slug", name="uq_indicator_slug_per_import"),
        sa.ForeignKeyConstraint(["import_id"], ["indicator_import.id"], ondelete="CASCADE"),
    )
    create_table(
        "indicator_target",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("minimum", sa.Float(), nullable=True),
        sa.Column("maximum", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("indicator_id", "year"),
    )
    create_table(
        "indicator_value",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("indicator_id", "year", "quarter"),
    )
    create_table(
        "indicator_story",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=80), nullable=True),
        sa.Column("programme", sa.String(length=80), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("voice", sa.String(length=20), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["indicator_import.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)
