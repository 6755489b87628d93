"""Decision rounds (issue 16): round, criteria, scale steps, principles, options and their conflicts,
submissions with scores and reasons (dashboard/store/schema_decisions.py).

New tables only; no existing row changes. Triggers on SQLite and PostgreSQL refuse any change to a
locked yardstick and to a closed round's record, on every connection (the statements of
``schema_decisions.LOCK_TRIGGERS`` as of this revision, frozen below; changing them later is a new revision that
drops and recreates them).

Revision ID: 0005
Revises: 0004
Created: 2026-12-02 19:00:38.783558
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

#: The lock triggers as of this revision (a frozen copy of ``schema_decisions.LOCK_TRIGGERS``; a test keeps
#: the two equal, so changing the triggers means a new revision).
LOCK_TRIGGERS = {'postgresql': ["CREATE OR REPLACE FUNCTION decision_criterion_locked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' "
                "AND (SELECT locked_at FROM decision_round WHERE id = OLD.round_id) IS NOT NULL THEN RAISE EXCEPTION 'the yardstick of "
                "this round is locked; copy it to a new round to change it'; END IF; IF TG_OP <> 'DELETE' AND (SELECT locked_at FROM "
                "decision_round WHERE id = NEW.round_id) IS NOT NULL THEN RAISE EXCEPTION 'the yardstick of this round is locked; copy it "
                "to a new round to change it'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
                'CREATE TRIGGER decision_criterion_locked BEFORE INSERT OR UPDATE OR DELETE ON decision_criterion FOR EACH ROW EXECUTE '
                'FUNCTION decision_criterion_locked()',
                "CREATE OR REPLACE FUNCTION decision_scale_step_locked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' "
                "AND (SELECT locked_at FROM decision_round WHERE id = OLD.round_id) IS NOT NULL THEN RAISE EXCEPTION 'the yardstick of "
                "this round is locked; copy it to a new round to change it'; END IF; IF TG_OP <> 'DELETE' AND (SELECT locked_at FROM "
                "decision_round WHERE id = NEW.round_id) IS NOT NULL THEN RAISE EXCEPTION 'the yardstick of this round is locked; copy it "
                "to a new round to change it'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
                'CREATE TRIGGER decision_scale_step_locked BEFORE INSERT OR UPDATE OR DELETE ON decision_scale_step FOR EACH ROW EXECUTE '
                'FUNCTION decision_scale_step_locked()',
                "CREATE OR REPLACE FUNCTION decision_principle_locked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' "
                "AND (SELECT locked_at FROM decision_round WHERE id = OLD.round_id) IS NOT NULL THEN RAISE EXCEPTION 'the yardstick of "
                "this round is locked; copy it to a new round to change it'; END IF; IF TG_OP <> 'DELETE' AND (SELECT locked_at FROM "
                "decision_round WHERE id = NEW.round_id) IS NOT NULL THEN RAISE EXCEPTION 'the yardstick of this round is locked; copy it "
                "to a new round to change it'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
                'CREATE TRIGGER decision_principle_locked BEFORE INSERT OR UPDATE OR DELETE ON decision_principle FOR EACH ROW EXECUTE '
                'FUNCTION decision_principle_locked()',
                "CREATE OR REPLACE FUNCTION decision_option_locked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' AND "
                "(SELECT locked_at FROM decision_round WHERE id = OLD.round_id) IS NOT NULL THEN RAISE EXCEPTION 'the yardstick of this "
                "round is locked; copy it to a new round to change it'; END IF; IF TG_OP <> 'DELETE' AND (SELECT locked_at FROM "
                "decision_round WHERE id = NEW.round_id) IS NOT NULL THEN RAISE EXCEPTION 'the yardstick of this round is locked; copy it "
                "to a new round to change it'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
                'CREATE TRIGGER decision_option_locked BEFORE INSERT OR UPDATE OR DELETE ON decision_option FOR EACH ROW EXECUTE FUNCTION '
                'decision_option_locked()',
                "CREATE OR REPLACE FUNCTION decision_conflict_locked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' "
                'AND (SELECT r.locked_at FROM decision_round r JOIN decision_option o ON o.round_id = r.id WHERE o.id = OLD.option_id) IS '
                "NOT NULL THEN RAISE EXCEPTION 'the yardstick of this round is locked; copy it to a new round to change it'; END IF; IF "
                "TG_OP <> 'DELETE' AND (SELECT r.locked_at FROM decision_round r JOIN decision_option o ON o.round_id = r.id WHERE o.id = "
                "NEW.option_id) IS NOT NULL THEN RAISE EXCEPTION 'the yardstick of this round is locked; copy it to a new round to change "
                "it'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
                'CREATE TRIGGER decision_conflict_locked BEFORE INSERT OR UPDATE OR DELETE ON decision_conflict FOR EACH ROW EXECUTE '
                'FUNCTION decision_conflict_locked()',
                "CREATE OR REPLACE FUNCTION decision_round_locked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN "
                "IF OLD.locked_at IS NOT NULL THEN RAISE EXCEPTION 'the yardstick of this round is locked; copy it to a new round to "
                "change it'; END IF; RETURN OLD; END IF; IF OLD.locked_at IS NOT NULL AND (NEW.title IS DISTINCT FROM OLD.title OR "
                'NEW.kind IS DISTINCT FROM OLD.kind OR NEW.amount_eur IS DISTINCT FROM OLD.amount_eur OR NEW.scale_max IS DISTINCT FROM '
                'OLD.scale_max OR NEW.locked_at IS DISTINCT FROM OLD.locked_at OR NEW.municipality IS DISTINCT FROM OLD.municipality) THEN '
                "RAISE EXCEPTION 'the yardstick of this round is locked; copy it to a new round to change it'; END IF; IF OLD.status = "
                "'closed' AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.closed_at IS DISTINCT FROM OLD.closed_at OR NEW.decision IS "
                "DISTINCT FROM OLD.decision) THEN RAISE EXCEPTION 'this round is closed; its record cannot change'; END IF; RETURN NEW; "
                'END $$',
                'CREATE TRIGGER decision_round_locked BEFORE UPDATE OR DELETE ON decision_round FOR EACH ROW EXECUTE FUNCTION '
                'decision_round_locked()',
                'CREATE OR REPLACE FUNCTION decision_submission_closed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF (SELECT status '
                "FROM decision_round WHERE id = NEW.round_id) = 'closed' THEN RAISE EXCEPTION 'this round is closed; its record cannot "
                "change'; END IF; RETURN NEW; END $$",
                'CREATE TRIGGER decision_submission_closed BEFORE INSERT ON decision_submission FOR EACH ROW EXECUTE FUNCTION '
                'decision_submission_closed()'],
 'sqlite': ['CREATE TRIGGER decision_criterion_locked_insert BEFORE INSERT ON decision_criterion WHEN (SELECT locked_at FROM '
            "decision_round WHERE id = NEW.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it "
            "to a new round to change it'); END",
            'CREATE TRIGGER decision_criterion_locked_update BEFORE UPDATE ON decision_criterion WHEN (SELECT locked_at FROM '
            "decision_round WHERE id = OLD.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it "
            "to a new round to change it'); END",
            'CREATE TRIGGER decision_criterion_locked_delete BEFORE DELETE ON decision_criterion WHEN (SELECT locked_at FROM '
            "decision_round WHERE id = OLD.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it "
            "to a new round to change it'); END",
            'CREATE TRIGGER decision_scale_step_locked_insert BEFORE INSERT ON decision_scale_step WHEN (SELECT locked_at FROM '
            "decision_round WHERE id = NEW.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it "
            "to a new round to change it'); END",
            'CREATE TRIGGER decision_scale_step_locked_update BEFORE UPDATE ON decision_scale_step WHEN (SELECT locked_at FROM '
            "decision_round WHERE id = OLD.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it "
            "to a new round to change it'); END",
            'CREATE TRIGGER decision_scale_step_locked_delete BEFORE DELETE ON decision_scale_step WHEN (SELECT locked_at FROM '
            "decision_round WHERE id = OLD.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it "
            "to a new round to change it'); END",
            'CREATE TRIGGER decision_principle_locked_insert BEFORE INSERT ON decision_principle WHEN (SELECT locked_at FROM '
            "decision_round WHERE id = NEW.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it "
            "to a new round to change it'); END",
            'CREATE TRIGGER decision_principle_locked_update BEFORE UPDATE ON decision_principle WHEN (SELECT locked_at FROM '
            "decision_round WHERE id = OLD.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it "
            "to a new round to change it'); END",
            'CREATE TRIGGER decision_principle_locked_delete BEFORE DELETE ON decision_principle WHEN (SELECT locked_at FROM '
            "decision_round WHERE id = OLD.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it "
            "to a new round to change it'); END",
            'CREATE TRIGGER decision_option_locked_insert BEFORE INSERT ON decision_option WHEN (SELECT locked_at FROM decision_round '
            "WHERE id = NEW.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it to a new round "
            "to change it'); END",
            'CREATE TRIGGER decision_option_locked_update BEFORE UPDATE ON decision_option WHEN (SELECT locked_at FROM decision_round '
            "WHERE id = OLD.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it to a new round "
            "to change it'); END",
            'CREATE TRIGGER decision_option_locked_delete BEFORE DELETE ON decision_option WHEN (SELECT locked_at FROM decision_round '
            "WHERE id = OLD.round_id) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'the yardstick of this round is locked; copy it to a new round "
            "to change it'); END",
            'CREATE TRIGGER decision_conflict_locked_insert BEFORE INSERT ON decision_conflict WHEN (SELECT r.locked_at FROM '
            'decision_round r JOIN decision_option o ON o.round_id = r.id WHERE o.id = NEW.option_id) IS NOT NULL BEGIN SELECT '
            "RAISE(ABORT, 'the yardstick of this round is locked; copy it to a new round to change it'); END",
            'CREATE TRIGGER decision_conflict_locked_update BEFORE UPDATE ON decision_conflict WHEN (SELECT r.locked_at FROM '
            'decision_round r JOIN decision_option o ON o.round_id = r.id WHERE o.id = OLD.option_id) IS NOT NULL BEGIN SELECT '
            "RAISE(ABORT, 'the yardstick of this round is locked; copy it to a new round to change it'); END",
            'CREATE TRIGGER decision_conflict_locked_delete BEFORE DELETE ON decision_conflict WHEN (SELECT r.locked_at FROM '
            'decision_round r JOIN decision_option o ON o.round_id = r.id WHERE o.id = OLD.option_id) IS NOT NULL BEGIN SELECT '
            "RAISE(ABORT, 'the yardstick of this round is locked; copy it to a new round to change it'); END",
            'CREATE TRIGGER decision_round_locked_update BEFORE UPDATE ON decision_round WHEN OLD.locked_at IS NOT NULL AND (NEW.title IS '
            'NOT OLD.title OR NEW.kind IS NOT OLD.kind OR NEW.amount_eur IS NOT OLD.amount_eur OR NEW.scale_max IS NOT OLD.scale_max OR '
            "NEW.locked_at IS NOT OLD.locked_at OR NEW.municipality IS NOT OLD.municipality) BEGIN SELECT RAISE(ABORT, 'the yardstick of "
            "this round is locked; copy it to a new round to change it'); END",
            "CREATE TRIGGER decision_round_closed_update BEFORE UPDATE ON decision_round WHEN OLD.status = 'closed' AND (NEW.status IS NOT "
            "OLD.status OR NEW.closed_at IS NOT OLD.closed_at OR NEW.decision IS NOT OLD.decision) BEGIN SELECT RAISE(ABORT, 'this round "
            "is closed; its record cannot change'); END",
            'CREATE TRIGGER decision_round_locked_delete BEFORE DELETE ON decision_round WHEN OLD.locked_at IS NOT NULL BEGIN SELECT '
            "RAISE(ABORT, 'the yardstick of this round is locked; copy it to a new round to change it'); END",
            'CREATE TRIGGER decision_submission_closed_insert BEFORE INSERT ON decision_submission WHEN (SELECT status FROM decision_round '
            "WHERE id = NEW.round_id) = 'closed' BEGIN SELECT RAISE(ABORT, 'this round is closed; its record cannot change'); END"]}
POSTGRESQL_FUNCTIONS = ['decision_criterion_locked',
 'decision_scale_step_locked',
 'decision_principle_locked',
 'decision_option_locked',
 'decision_conflict_locked',
 'decision_round_locked',
 'decision_submission_closed']


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table('decision_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('municipality', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('amount_eur', sa.BigInteger(), nullable=False),
    sa.Column('scale_max', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision', sa.Text(), nullable=True),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('names_published', sa.Boolean(), nullable=False),
    sa.Column('illustrative', sa.Boolean(), nullable=False),
    sa.Column('copied_from_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['copied_from_id'], ['decision_round.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('decision_criterion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['decision_round.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('decision_option',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('amount_eur', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['decision_round.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('decision_principle',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['decision_round.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('decision_scale_step',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['decision_round.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('round_id', 'value')
    )
    op.create_table('decision_submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('participant', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('round_id', 'participant', name='uq_decision_submission_participant'),
    sa.ForeignKeyConstraint(['round_id'], ['decision_round.id'], ondelete='CASCADE')
    )
    op.create_table('decision_conflict',
    sa.Column('option_id', sa.Integer(), nullable=False),
    sa.Column('principle_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['option_id'], ['decision_option.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['principle_id'], ['decision_principle.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('option_id', 'principle_id')
    )
    op.create_table('decision_reason',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('submission_id', 'option_id'),
    sa.ForeignKeyConstraint(['submission_id'], ['decision_submission.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['option_id'], ['decision_option.id'], ondelete='CASCADE')
    )
    op.create_table('decision_score',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('submission_id', 'option_id', 'criterion_id'),
    sa.ForeignKeyConstraint(['submission_id'], ['decision_submission.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['option_id'], ['decision_option.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['criterion_id'], ['decision_criterion.id'], ondelete='CASCADE')
    )
    # ### end Alembic commands ###
    for statement in LOCK_TRIGGERS.get(op.get_context().dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    op.drop_table('decision_score')
    op.drop_table('decision_reason')
    op.drop_table('decision_conflict')
    op.drop_table('decision_submission')
    op.drop_table('decision_scale_step')
    op.drop_table('decision_principle')
    op.drop_table('decision_option')
    op.drop_table('decision_criterion')
    op.drop_table('decision_round')
    # ### end Alembic commands ###
    if op.get_context().dialect.name == "postgresql":
        for name in POSTGRESQL_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
