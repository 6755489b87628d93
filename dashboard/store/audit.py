"""The audit log: append an event, read events back (filtered), count recent failed logins.

There is deliberately no function here that changes or removes an event (and migration 0002's
triggers refuse it on the database too).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection, Engine

from dashboard.store.schema_accounts import USER_NAME_LENGTH, audit_event

#: Longest detail kept (a long import report is cut, the event stays).
DETAIL_LENGTH = 4000


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    action: str | None = None
    text: str | None = None  # part of the detail
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 500


def record(target: Engine | Connection, actor: str, action: str, detail: str, role: str | None = None, address: str | None = None) -> None:
    """Append one event; ``target`` may be the connection of the transaction it belongs to (an import is
    logged in its own transaction, so the event exists exactly when the import does)."""
    values = {
        "at": datetime.now(UTC),
        "actor": (actor or "?")[:USER_NAME_LENGTH],
        "role": role,
        "action": action,
        "detail": detail[:DETAIL_LENGTH],
        "address": (address or "")[:64] or None,
    }
    if isinstance(target, Connection):
        target.execute(insert(audit_event).values(**values))
        return
    with target.begin() as conn:
        conn.execute(insert(audit_event).values(**values))


def events(engine: Engine, wanted: AuditFilter) -> list[dict]:
    query = select(audit_event).order_by(audit_event.c.at.desc(), audit_event.c.id.desc()).limit(max(1, min(wanted.limit, 10000)))
    if wanted.actor:
        query = query.where(audit_event.c.actor == wanted.actor)
    if wanted.action:
        query = query.where(audit_event.c.action == wanted.action)
    if wanted.text:
        query = query.where(audit_event.c.detail.contains(wanted.text, autoescape=True))
    if wanted.since:
        query = query.where(audit_event.c.at >= wanted.since)
    if wanted.until:
        query = query.where(audit_event.c.at < wanted.until)
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def recent_failures(engine: Engine, actor: str, address: str | None, window: timedelta) -> tuple[int, int]:
    """(failed logins for ``actor``, failed logins from ``address``) within ``window``."""
    since = datetime.now(UTC) - window
    failed = (audit_event.c.action == "failed-login") & (audit_event.c.at >= since)
    with engine.connect() as conn:
        by_actor = conn.execute(select(func.count()).where(failed, audit_event.c.actor == actor[:USER_NAME_LENGTH])).scalar_one()
        by_address = conn.execute(select(func.count()).where(failed, audit_event.c.address == address)).scalar_one() if address else 0
    return by_actor, by_address
