"""The staff's questions and changes, each checked against the visitor's role before anything is read or written.

Every function takes the ``Visitor`` first and calls ``domain.access.require``: the staff pages check
too, but this is where a missing check in a page cannot open a door.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from dashboard.domain.access import Visitor, require
from dashboard.store.audit import AuditFilter, events


def audit_events(engine: Engine, visitor: Visitor | None, wanted: AuditFilter) -> list[dict]:
    """The audit log, newest first, for admins only."""
    require(visitor.role if visitor else None, "read-audit")
    return events(engine, wanted)
