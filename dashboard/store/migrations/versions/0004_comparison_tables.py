"""Comparison tables: regions and classes, the fund's head counts, its payments per cluster and notes.

New tables only (dashboard/store/schema_compare.py); no existing row changes. Filled by load-demo,
``import-regions`` and ``import-gemeentefonds``.

Revision ID: 0004
Revises: 0003
Created: 2026-12-02 10:20:42.299783
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fund_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("circular", sa.String(length=10), nullable=False),
        sa.Column("payment_year", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "fund_payment",
        sa.Column("circular", sa.String(length=10), nullable=False),
        sa.Column("payment_year", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("cluster", sa.String(length=50), nullable=False),
        sa.Column("factor", sa.Float(), nullable=False),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("measures_eur", sa.Float(), nullable=False),
        sa.Column("siudu_eur", sa.Float(), nullable=False),
        sa.Column("payment_eur", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("circular", "payment_year", "municipality", "cluster"),
    )
    op.create_table(
        "fund_volume",
        sa.Column("circular", sa.String(length=10), nullable=False),
        sa.Column("payment_year", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("fund_inhabitants", sa.Float(), nullable=True),
        sa.Column("young_0_17", sa.Float(), nullable=True),
        sa.Column("bijstand", sa.Float(), nullable=True),
        sa.Column("one_person_households", sa.Float(), nullable=True),
        sa.Column("wage_subsidy", sa.Float(), nullable=True),
        sa.Column("target_group", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("circular", "payment_year", "municipality"),
    )
    op.create_table(
        "municipality_region",
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("gm_code", sa.String(length=10), nullable=True),
        sa.Column("province", sa.String(length=50), nullable=True),
        sa.Column("size_class", sa.String(length=50), nullable=True),
        sa.Column("urbanity", sa.String(length=50), nullable=True),
        sa.Column("urbanity_code", sa.Integer(), nullable=True),
        sa.Column("youth_region", sa.String(length=50), nullable=True),
        sa.Column("labour_region", sa.String(length=50), nullable=True),
        sa.Column("address_density", sa.Float(), nullable=True),
        sa.Column("centre_function", sa.String(length=50), nullable=True),
        sa.Column("social_structure", sa.String(length=50), nullable=True),
        sa.PrimaryKeyConstraint("municipality"),
    )


def downgrade() -> None:
    op.drop_table("municipality_region")
    op.drop_table("fund_volume")
    op.drop_table("fund_payment")
    op.drop_table("fund_note")
