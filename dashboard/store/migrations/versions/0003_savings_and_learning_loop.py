"""Savings targets, measures and the learning loop (issue 15): eight new tables, nothing else changed.

Revision ID: 0003
Revises: 0002
Created: 2026-12-02

Self-contained: it only creates tables (dashboard/store/schema_savings.py), so it can follow any
other revision; it follows 0002 (accounts and audit log).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learning_layer",
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
    op.create_table(
        "savings_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_nl", sa.String(length=200), nullable=True),
        sa.Column("total_eur", sa.BigInteger(), nullable=False),
        sa.Column("start_year", sa.Integer(), nullable=False),
        sa.Column("end_year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("municipality_id"),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
    )
    op.create_table(
        "ambition",
        sa.Column("layer_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_nl", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("layer_id", "theme"),
        sa.ForeignKeyConstraint(["layer_id"], ["learning_layer.id"], ondelete="CASCADE"),
    )
    op.create_table(
        "learning_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("layer_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("programmes", sa.Text(), nullable=False),
        sa.Column("indicators", sa.Text(), nullable=False),
        sa.Column("saw", sa.Text(), nullable=False),
        sa.Column("learned", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["layer_id"], ["learning_layer.id"], ondelete="CASCADE"),
    )
    op.create_table(
        "savings_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_nl", sa.String(length=200), nullable=True),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("programmes", sa.Text(), nullable=False),
        sa.Column("provider", sa.String(length=80), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("description_nl", sa.Text(), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("target_id", "slug", name="uq_savings_measure_slug"),
        sa.ForeignKeyConstraint(["target_id"], ["savings_target.id"], ondelete="CASCADE"),
    )
    op.create_table(
        "savings_split",
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount_eur", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("target_id", "theme", "year"),
        sa.ForeignKeyConstraint(["target_id"], ["savings_target.id"], ondelete="CASCADE"),
    )
    op.create_table(
        "savings_measure_indicator",
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("measure_id", "indicator"),
        sa.ForeignKeyConstraint(["measure_id"], ["savings_measure.id"], ondelete="CASCADE"),
    )
    op.create_table(
        "savings_measure_year",
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("expected_eur", sa.BigInteger(), nullable=False),
        sa.Column("realised_eur", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("measure_id", "year"),
        sa.ForeignKeyConstraint(["measure_id"], ["savings_measure.id"], ondelete="CASCADE"),
    )


def downgrade() -> None:
    op.drop_table("savings_measure_year")
    op.drop_table("savings_measure_indicator")
    op.drop_table("savings_split")
    op.drop_table("savings_measure")
    op.drop_table("learning_note")
    op.drop_table("ambition")
    op.drop_table("savings_target")
    op.drop_table("learning_layer")
