"""Accounts and the audit log in the store; the ``users`` command line."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from dashboard.config.paths import PROJECT_ROOT
from dashboard.domain.passwords import verify_password
from dashboard.store.accounts import AccountProblem, add_account, create_demo_accounts, find_account, list_accounts
from dashboard.store.audit import AuditFilter, events, record
from dashboard.store.database import open_engine


@pytest.fixture()
def engine(tmp_path):
    engine = open_engine(f"sqlite:///{tmp_path / 'store.sqlite'}")
    yield engine
    engine.dispose()


def _cli(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "users", *args],
        cwd=PROJECT_ROOT,
        env={"DATABASE_URL": url, "PATH": "/usr/bin:/bin"},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_passwords_are_stored_as_argon2_hashes(engine):
    account = add_account(engine, "anna", "editor", "a long enough password")
    assert account.password_hash.startswith("$argon2id$") and "a long enough password" not in account.password_hash
    assert verify_password(account.password_hash, "a long enough password")
    assert not verify_password(account.password_hash, "a long enough passwort")


@pytest.mark.parametrize(
    ("name", "role", "password", "problem"),
    [
        ("anna", "boss", "a long enough password", "role"),
        (" anna", "editor", "a long enough password", "name"),
        ("", "editor", "a long enough password", "name"),
        ("bert", "editor", "short", "12 characters"),
    ],
)
def test_bad_accounts_are_refused_with_the_reason(engine, name, role, password, problem):
    with pytest.raises(AccountProblem, match=problem):
        add_account(engine, name, role, password)
    assert list_accounts(engine) == []


def test_demo_accounts_only_in_a_store_without_accounts(engine):
    made = create_demo_accounts(engine)
    assert [(n, r) for n, r, _ in made] == [("raad", "council"), ("redactie", "editor"), ("griffie", "admin")]
    assert all(verify_password(find_account(engine, n).password_hash, p) for n, _, p in made)
    assert create_demo_accounts(engine) == []


def test_the_audit_log_cannot_be_changed_on_the_database(engine):
    record(engine, "anna", "login", "local account", role="editor", address="10.0.0.1")
    for statement in ("UPDATE audit_event SET actor = 'someone else'", "DELETE FROM audit_event"):
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    [event] = events(engine, AuditFilter())
    assert (event["actor"], event["action"], event["address"]) == ("anna", "login", "10.0.0.1")


def test_users_command_adds_lists_disables_and_resets(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    added = _cli(url, "add", "anna", "--role", "editor")
    assert added.returncode == 0, added.stderr
    password = added.stdout.split("password (shown only now): ")[1].strip()
    assert _cli(url, "add", "anna", "--role", "admin").returncode == 2
    assert _cli(url, "add", "bert", "--role", "boss").returncode == 2
    assert _cli(url, "reset", "anna", "--password-stdin", stdin="short\n").returncode == 2
    assert _cli(url, "disable", "anna").returncode == 0
    assert _cli(url, "list").stdout == "anna\teditor\tlocal\tdisabled\n"
    assert _cli(url, "enable", "anna").returncode == 0
    reset = _cli(url, "reset", "anna")
    new_password = reset.stdout.split("password (shown only now): ")[1].strip()
    engine = open_engine(url)
    try:
        account = find_account(engine, "anna")
        assert verify_password(account.password_hash, new_password) and not verify_password(account.password_hash, password)
        assert [e["detail"] for e in events(engine, AuditFilter(actor="command line"))] == [
            "reset anna (role editor)",
            "enable anna (role editor)",
            "disable anna (role editor)",
            "add anna (role editor)",
        ]
    finally:
        engine.dispose()


def test_single_sign_on_makes_one_account_per_subject_whose_role_follows_the_claim_and_never_takes_a_local_one(engine):
    from dashboard.store.accounts import single_sign_on_account

    first = single_sign_on_account(engine, "subject-1", "council")
    again = single_sign_on_account(engine, "subject-1", "admin")
    assert (again.id, again.role, again.source, again.password_hash) == (first.id, "admin", "oidc", None)
    add_account(engine, "raad", "council", "a long enough password")
    with pytest.raises(AccountProblem, match="local account"):
        single_sign_on_account(engine, "raad", "admin")
    assert find_account(engine, "raad").role == "council"
