"""Tables of who may log in and what they did (issue 14): local and single-sign-on accounts, the audit log.

``user_account`` holds local accounts (an Argon2 hash) and the users single sign-on let in (no hash;
their role is set from the provider's claim at every login). ``audit_event`` is append-only: the
application only inserts (``store.audit``), and on SQLite and PostgreSQL a trigger refuses UPDATE and
DELETE (migration 0002). Failed logins are read back from it for the rate limit.
"""

from sqlalchemy import DDL, Boolean, Column, DateTime, Index, Integer, String, Table, Text, event

from dashboard.store.schema import metadata

USER_NAME_LENGTH = 120

user_account = Table(
    "user_account",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(USER_NAME_LENGTH), nullable=False, unique=True),  # login name, or the provider's subject
    Column("role", String(20), nullable=False),  # council | editor | admin
    Column("source", String(10), nullable=False),  # local | oidc
    Column("password_hash", Text),  # Argon2; NULL for single sign-on
    Column("disabled", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Bumped by a reset or disable: sessions made before it end.
    Column("credentials_changed_at", DateTime(timezone=True), nullable=False),
)

audit_event = Table(
    "audit_event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(USER_NAME_LENGTH), nullable=False),  # the account name, or the name tried at a failed login
    Column("role", String(20)),
    Column("action", String(40), nullable=False),  # login | failed-login | logout | import | edit | publish | withdraw | users
    Column("detail", Text, nullable=False),
    Column("address", String(64)),  # the client's IP address
    Index("ix_audit_event_actor_at", "actor", "at"),
    Index("ix_audit_event_at", "at"),
)

#: The append-only rule on the database, as migration 0002 makes it (``create_all`` makes it too).
APPEND_ONLY = {
    "sqlite": [
        f"CREATE TRIGGER audit_event_no_{verb.lower()} BEFORE {verb} ON audit_event BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        for verb in ("UPDATE", "DELETE")
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
        "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    ],
}
for _dialect, _statements in APPEND_ONLY.items():
    for _statement in _statements:
        event.listen(audit_event, "after_create", DDL(_statement).execute_if(dialect=_dialect))
