"""Accounts: add, find, list, disable and reset local accounts; record the users single sign-on lets in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Engine

from dashboard.domain.access import ROLES
from dashboard.domain.passwords import generate_password, hash_password
from dashboard.store.schema_accounts import USER_NAME_LENGTH, user_account


class AccountProblem(ValueError):
    """A name, role or password that cannot be stored; the message says why."""


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str
    source: str
    disabled: bool
    password_hash: str | None
    credentials_changed_at: datetime

    @property
    def credentials_stamp(self) -> float:
        """Sessions carry this; a reset or disable changes it, and older sessions end."""
        stamp = self.credentials_changed_at
        return (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).timestamp()


def _now() -> datetime:
    return datetime.now(UTC)


def _check(name: str, role: str) -> None:
    if not name or len(name) > USER_NAME_LENGTH or not name.isprintable() or name != name.strip():
        raise AccountProblem(f"a name is 1 to {USER_NAME_LENGTH} printable characters without surrounding spaces: {name!r}")
    if role not in ROLES:
        raise AccountProblem(f"the role must be one of {', '.join(ROLES)}, not {role!r}")


def add_account(engine: Engine, name: str, role: str, password: str) -> Account:
    _check(name, role)
    try:
        hashed = hash_password(password)
    except ValueError as problem:
        raise AccountProblem(str(problem)) from None
    with engine.begin() as conn:
        if conn.execute(select(user_account.c.id).where(user_account.c.name == name)).first():
            raise AccountProblem(f"there is already an account {name!r}")
        now = _now()
        conn.execute(
            insert(user_account).values(name=name, role=role, source="local", password_hash=hashed, disabled=False, created_at=now, credentials_changed_at=now)
        )
    return find_account(engine, name)


def find_account(engine: Engine, name: str) -> Account | None:
    with engine.connect() as conn:
        row = conn.execute(select(user_account).where(user_account.c.name == name)).mappings().first()
    return _account(row)


def account_by_id(engine: Engine, account_id: int) -> Account | None:
    with engine.connect() as conn:
        row = conn.execute(select(user_account).where(user_account.c.id == account_id)).mappings().first()
    return _account(row)


def list_accounts(engine: Engine) -> list[Account]:
    with engine.connect() as conn:
        return [_account(r) for r in conn.execute(select(user_account).order_by(user_account.c.name)).mappings()]


def count_accounts(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(user_account)).scalar_one()


def set_disabled(engine: Engine, name: str, disabled: bool = True) -> Account:
    return _change(engine, name, disabled=disabled)


def reset_password(engine: Engine, name: str, password: str) -> Account:
    try:
        hashed = hash_password(password)
    except ValueError as problem:
        raise AccountProblem(str(problem)) from None
    return _change(engine, name, password_hash=hashed, source="local")


def single_sign_on_account(engine: Engine, subject: str, role: str) -> Account:
    """The account of a user the provider let in, created on first login; its role follows the claim.
    A local account of the same name is never taken over (AccountProblem): the subject is the provider's."""
    _check(subject, role)
    with engine.begin() as conn:
        row = conn.execute(select(user_account).where(user_account.c.name == subject)).mappings().first()
        now = _now()
        if row is not None and row["source"] != "oidc":
            raise AccountProblem(f"there is a local account {subject!r}; single sign-on does not log in as it")
        if row is None:
            conn.execute(
                insert(user_account).values(
                    name=subject, role=role, source="oidc", password_hash=None, disabled=False, created_at=now, credentials_changed_at=now
                )
            )
        elif row["role"] != role:
            conn.execute(update(user_account).where(user_account.c.id == row["id"]).values(role=role))
    return find_account(engine, subject)


def _change(engine: Engine, name: str, **values) -> Account:
    with engine.begin() as conn:
        changed = conn.execute(update(user_account).where(user_account.c.name == name).values(credentials_changed_at=_now(), **values))
        if changed.rowcount != 1:
            raise AccountProblem(f"there is no account {name!r}")
    return find_account(engine, name)


def _account(row) -> Account | None:
    if row is None:
        return None
    return Account(
        id=row["id"],
        name=row["name"],
        role=row["role"],
        source=row["source"],
        disabled=bool(row["disabled"]),
        password_hash=row["password_hash"],
        credentials_changed_at=row["credentials_changed_at"],
    )


#: The accounts a council site without any gets on first start (README: "Log in to the demo").
DEMO_ACCOUNTS = (("raad", "council"), ("redactie", "editor"), ("griffie", "admin"))


def create_demo_accounts(engine: Engine) -> list[tuple[str, str, str]]:
    """One account per role with a generated password, only when there are no accounts at all.
    Returns (name, role, password) of those made (empty when the store had accounts)."""
    if count_accounts(engine):
        return []
    made = []
    for name, role in DEMO_ACCOUNTS:
        password = generate_password()
        add_account(engine, name, role, password)
        made.append((name, role, password))
    return made
