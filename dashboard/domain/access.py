"""Who may do what: the roles of the council site and the one rule that says which actions each may take.

Roles are ordered: an ``editor`` can do what ``council`` can, an ``admin`` what an editor can. Every write
action asks ``require`` on the server (queries and the staff pages call it), never the layout alone.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("council", "editor", "admin")

#: action -> the lowest role that may take it.
ACTIONS = {
    "read": "council",  # every page, concept figures included
    "score": "council",  # score the options of a decision round (as oneself)
    "import": "editor",  # upload the municipality's own file sets (stored as draft)
    "edit": "editor",
    "decide": "editor",  # open a decision round, set and lock its yardstick, close it with the decision, copy it
    "publish": "admin",  # publish and withdraw
    "manage-users": "admin",
    "read-audit": "admin",
}


class NotAllowed(PermissionError):
    """The role may not take this action (HTTP 403 when a session has that role, 401 without one)."""


def may(role: str | None, action: str) -> bool:
    if role not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(ACTIONS[action])


def require(role: str | None, action: str) -> None:
    """Raise ``NotAllowed`` unless ``role`` may take ``action``."""
    if not may(role, action):
        raise NotAllowed(f"{role or 'anonymous'} may not {action}")


def parse_role_map(text: str) -> dict[str, str]:
    """``"raad=council, redactie=editor, griffie=admin"`` -> {group: role}; raises ValueError on a bad role."""
    mapping: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        group, sep, role = item.rpartition("=")
        if not sep or not group.strip() or role.strip() not in ROLES:
            raise ValueError(f"{item!r} is not GROUP=ROLE with a role of {', '.join(ROLES)}")
        mapping[group.strip()] = role.strip()
    return mapping


def role_for_groups(groups, mapping: dict[str, str]) -> str | None:
    """The highest role any of ``groups`` maps to; None when none is mapped (the user is refused)."""
    if isinstance(groups, str):
        groups = [groups]
    roles = [mapping[g] for g in groups or () if isinstance(g, str) and g in mapping]
    return max(roles, key=ROLES.index) if roles else None


@dataclass(frozen=True)
class Visitor:
    """Who sent a request: the account name, its role, and how it logged in (local | oidc | warm-up)."""

    name: str
    role: str
    source: str = "local"

    def may(self, action: str) -> bool:
        return may(self.role, action)
