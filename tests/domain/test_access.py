"""The role rule: council reads, editor imports and edits, admin publishes, manages users and reads the audit log."""

from __future__ import annotations

import pytest

from dashboard.domain.access import ACTIONS, NotAllowed, may, parse_role_map, require, role_for_groups


def test_each_role_may_exactly_its_actions():
    allowed = {role: {a for a in ACTIONS if may(role, a)} for role in ("council", "editor", "admin")}
    assert allowed["council"] == {"read", "score"}
    assert allowed["editor"] == {"read", "score", "import", "edit", "decide"}
    assert allowed["admin"] == set(ACTIONS)


@pytest.mark.parametrize("role", [None, "", "Admin", "root", "public"])
def test_no_role_or_an_unknown_one_may_nothing(role):
    assert not any(may(role, a) for a in ACTIONS)
    with pytest.raises(NotAllowed):
        require(role, "read")


def test_groups_map_to_the_highest_role_and_unmapped_users_get_none():
    mapping = parse_role_map("raad=council, redactie = editor,griffie=admin")
    assert role_for_groups(["raad", "redactie"], mapping) == "editor"
    assert role_for_groups("griffie", mapping) == "admin"
    assert role_for_groups(["sport", 3, None], mapping) is None
    assert role_for_groups(None, mapping) is None


@pytest.mark.parametrize("text", ["raad", "raad=boss", "=admin", "raad=council,griffie"])
def test_a_bad_role_map_is_named(text):
    with pytest.raises(ValueError, match="GROUP=ROLE"):
        parse_role_map(text)
