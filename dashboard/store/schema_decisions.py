"""Tables of decision rounds (issue 16): a yardstick fixed before any score, the scores, the decision.

A round's yardstick — its criteria with weights, its scale's steps, its leading principles, its options
with their amounts and their conflicts with the principles — cannot change once ``locked_at`` is set:
``store.decisions`` refuses it, and on SQLite and PostgreSQL triggers (``LOCK_TRIGGERS``, made by
migration 0005 and by ``create_all``) refuse it on any connection. A closed round keeps its record:
only its published flags may still change, and it is never deleted once locked. A change to the
yardstick means a new round, copied from the old one (``copied_from_id``).
"""

from sqlalchemy import DDL, BigInteger, Boolean, Column, DateTime, ForeignKey, Integer, String, Table, Text, UniqueConstraint, event

from dashboard.domain.limits import MUNICIPALITY_NAME_LENGTH, NAME_LENGTH
from dashboard.store.schema import metadata
from dashboard.store.schema_accounts import USER_NAME_LENGTH

decision_round = Table(
    "decision_round",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("municipality", String(MUNICIPALITY_NAME_LENGTH), nullable=False),
    Column("title", String(NAME_LENGTH), nullable=False),
    Column("kind", String(10), nullable=False),  # spend | saving
    Column("amount_eur", BigInteger, nullable=False),  # the budget to spend or the saving to find
    Column("scale_max", Integer, nullable=False),  # scores run 1..scale_max
    Column("status", String(10), nullable=False),  # yardstick | locked | scoring | closed
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(USER_NAME_LENGTH), nullable=False),
    Column("locked_at", DateTime(timezone=True)),
    Column("closed_at", DateTime(timezone=True)),
    Column("decision", Text),  # the decision taken, recorded at closing
    Column("published", Boolean, nullable=False),
    Column("names_published", Boolean, nullable=False),  # the public sees participants' names only when set
    Column("illustrative", Boolean, nullable=False),
    Column("copied_from_id", Integer, ForeignKey("decision_round.id")),
)

decision_criterion = Table(
    "decision_criterion",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("decision_round.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("description", Text, nullable=False),
    Column("weight", Integer, nullable=False),  # points; the round's weights sum to 100 at locking
)

decision_scale_step = Table(
    "decision_scale_step",
    metadata,
    Column("round_id", Integer, ForeignKey("decision_round.id", ondelete="CASCADE"), primary_key=True),
    Column("value", Integer, primary_key=True),  # 1..scale_max
    Column("description", Text, nullable=False),
)

decision_principle = Table(
    "decision_principle",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("decision_round.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", String(NAME_LENGTH), nullable=False),
)

decision_option = Table(
    "decision_option",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("decision_round.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("description", Text, nullable=False),
    Column("amount_eur", BigInteger, nullable=False),  # its cost (spending) or its saving
)

decision_conflict = Table(
    "decision_conflict",
    metadata,
    Column("option_id", Integer, ForeignKey("decision_option.id", ondelete="CASCADE"), primary_key=True),
    Column("principle_id", Integer, ForeignKey("decision_principle.id", ondelete="CASCADE"), primary_key=True),
)

decision_submission = Table(
    "decision_submission",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("decision_round.id", ondelete="CASCADE"), nullable=False),
    Column("participant", String(USER_NAME_LENGTH), nullable=False),  # the account name of the login
    Column("role", String(20), nullable=False),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("round_id", "participant", name="uq_decision_submission_participant"),  # one complete submission each
)

decision_score = Table(
    "decision_score",
    metadata,
    Column("submission_id", Integer, ForeignKey("decision_submission.id", ondelete="CASCADE"), primary_key=True),
    Column("option_id", Integer, ForeignKey("decision_option.id", ondelete="CASCADE"), primary_key=True),
    Column("criterion_id", Integer, ForeignKey("decision_criterion.id", ondelete="CASCADE"), primary_key=True),
    Column("score", Integer, nullable=False),
)

decision_reason = Table(
    "decision_reason",
    metadata,
    Column("submission_id", Integer, ForeignKey("decision_submission.id", ondelete="CASCADE"), primary_key=True),
    Column("option_id", Integer, ForeignKey("decision_option.id", ondelete="CASCADE"), primary_key=True),
    Column("reason", Text, nullable=False),  # the participant's short reason for this option's scores
)

LOCKED = "the yardstick of this round is locked; copy it to a new round to change it"
CLOSED = "this round is closed; its record cannot change"

#: Yardstick tables and how a row finds its round's ``locked_at`` (a conflict through its option).
_YARDSTICK = {
    "decision_criterion": "SELECT locked_at FROM decision_round WHERE id = {row}.round_id",
    "decision_scale_step": "SELECT locked_at FROM decision_round WHERE id = {row}.round_id",
    "decision_principle": "SELECT locked_at FROM decision_round WHERE id = {row}.round_id",
    "decision_option": "SELECT locked_at FROM decision_round WHERE id = {row}.round_id",
    "decision_conflict": "SELECT r.locked_at FROM decision_round r JOIN decision_option o ON o.round_id = r.id WHERE o.id = {row}.option_id",
}
#: Columns of a round that are part of its yardstick or its closed record.
_ROUND_FIXED = ("title", "kind", "amount_eur", "scale_max", "locked_at", "municipality")
_RECORD = ("status", "closed_at", "decision")


def _sqlite() -> list[str]:
    statements = []
    for table, lookup in _YARDSTICK.items():
        for verb, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            statements.append(
                f"CREATE TRIGGER {table}_locked_{verb.lower()} BEFORE {verb} ON {table} "
                f"WHEN ({lookup.format(row=row)}) IS NOT NULL BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END"
            )
    fixed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _ROUND_FIXED)
    record = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _RECORD)
    statements += [
        f"CREATE TRIGGER decision_round_locked_update BEFORE UPDATE ON decision_round WHEN OLD.locked_at IS NOT NULL AND ({fixed}) "
        f"BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END",
        f"CREATE TRIGGER decision_round_closed_update BEFORE UPDATE ON decision_round WHEN OLD.status = 'closed' AND ({record}) "
        f"BEGIN SELECT RAISE(ABORT, '{CLOSED}'); END",
        f"CREATE TRIGGER decision_round_locked_delete BEFORE DELETE ON decision_round WHEN OLD.locked_at IS NOT NULL "
        f"BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END",
        "CREATE TRIGGER decision_submission_closed_insert BEFORE INSERT ON decision_submission "
        f"WHEN (SELECT status FROM decision_round WHERE id = NEW.round_id) = 'closed' BEGIN SELECT RAISE(ABORT, '{CLOSED}'); END",
    ]
    return statements


def _postgresql() -> list[str]:
    statements = []
    for table, lookup in _YARDSTICK.items():
        statements += [
            f"CREATE OR REPLACE FUNCTION {table}_locked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'INSERT' AND ({lookup.format(row='OLD')}) IS NOT NULL THEN RAISE EXCEPTION '{LOCKED}'; END IF; "
            f"IF TG_OP <> 'DELETE' AND ({lookup.format(row='NEW')}) IS NOT NULL THEN RAISE EXCEPTION '{LOCKED}'; END IF; "
            "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
            f"CREATE TRIGGER {table}_locked BEFORE INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_locked()",
        ]
    fixed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in _ROUND_FIXED)
    record = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in _RECORD)
    statements += [
        "CREATE OR REPLACE FUNCTION decision_round_locked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP = 'DELETE' THEN IF OLD.locked_at IS NOT NULL THEN RAISE EXCEPTION '{LOCKED}'; END IF; RETURN OLD; END IF; "
        f"IF OLD.locked_at IS NOT NULL AND ({fixed}) THEN RAISE EXCEPTION '{LOCKED}'; END IF; "
        f"IF OLD.status = 'closed' AND ({record}) THEN RAISE EXCEPTION '{CLOSED}'; END IF; RETURN NEW; END $$",
        "CREATE TRIGGER decision_round_locked BEFORE UPDATE OR DELETE ON decision_round FOR EACH ROW EXECUTE FUNCTION decision_round_locked()",
        "CREATE OR REPLACE FUNCTION decision_submission_closed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF (SELECT status FROM decision_round WHERE id = NEW.round_id) = 'closed' THEN RAISE EXCEPTION '{CLOSED}'; END IF; RETURN NEW; END $$",
        "CREATE TRIGGER decision_submission_closed BEFORE INSERT ON decision_submission FOR EACH ROW EXECUTE FUNCTION decision_submission_closed()",
    ]
    return statements


#: The lock on the database, per dialect (migration 0005 runs these; ``create_all`` does too).
LOCK_TRIGGERS = {"sqlite": _sqlite(), "postgresql": _postgresql()}
#: The functions PostgreSQL keeps after the tables are dropped (for the downgrade).
POSTGRESQL_FUNCTIONS = [f"{table}_locked" for table in _YARDSTICK] + ["decision_round_locked", "decision_submission_closed"]

# After the last table of this module exists: the triggers read decision_round and decision_option.
for _dialect, _statements in LOCK_TRIGGERS.items():
    for _statement in _statements:
        event.listen(decision_reason, "after_create", DDL(_statement).execute_if(dialect=_dialect))
