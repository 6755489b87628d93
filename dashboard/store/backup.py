"""``backup`` and ``restore`` of a SQLite store while the server runs.

A backup is SQLite's online backup of the whole file in one step: a consistent copy of the last
committed state, taken beside a running server and even during an import (whose uncommitted rows
are not in it). A restore checks that the file is a store of this application, copies it over the
store in one step under the writers' lock, and raises the dataset version above the one the servers
have seen, so no cache keeps figures of before the restore.

PostgreSQL has its own tools, which do the same consistently while the server runs:
``pg_dump --format=custom --file=FILE DBNAME`` and ``pg_restore --clean --if-exists --dbname=DBNAME FILE``.
"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from dashboard.store.schema import dataset_version
from dashboard.store.writing import write_transaction

POSTGRESQL_HINT = ("this store is PostgreSQL: use pg_dump --format=custom --file=FILE DBNAME (backup) and "
                   "pg_restore --clean --if-exists --dbname=DBNAME FILE (restore)")


class BackupRefused(ValueError):
    """The store or the file cannot be backed up or restored this way (the message says why)."""


def backup(engine: Engine, target: Path) -> int:
    """Write a consistent copy of the store to ``target`` (a new file); returns its dataset version."""
    source = _sqlite_file(engine)
    target = Path(target)
    if target.exists():
        raise BackupRefused(f"{target} exists already: choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    with _open(source) as src, _open(target) as dst:
        src.backup(dst)  # pages=-1: the whole database in one step, under one read snapshot
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        return _version(dst)


def restore(engine: Engine, source: Path) -> int:
    """Replace the store's contents by the backup ``source``; returns the new dataset version."""
    target = _sqlite_file(engine)
    source = Path(source)
    if not source.is_file():
        raise BackupRefused(f"{source}: no such file")
    try:
        with _open(source) as src:
            if src.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupRefused(f"{source} is damaged (SQLite integrity check failed): nothing was restored")
            tables = {row[0] for row in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise BackupRefused(f"{source} is not a SQLite store ({error}): nothing was restored") from None
    if not {"alembic_version", "dataset_version", "document", "amount"} <= tables:
        raise BackupRefused(f"{source} is not a store of this dashboard (its tables are missing): nothing was restored")
    with write_transaction(engine) as conn:  # no import or publish runs meanwhile
        seen = int(conn.execute(select(dataset_version.c.version)).scalar() or 0)
    with _open(source) as src, _open(target) as dst:
        src.backup(dst)
    with write_transaction(engine) as conn:
        restored = int(conn.execute(select(dataset_version.c.version)).scalar() or 0)
        conn.execute(update(dataset_version).where(dataset_version.c.id == 1).values(version=max(seen, restored) + 1))
    return max(seen, restored) + 1


def _sqlite_file(engine: Engine) -> Path:
    if engine.dialect.name != "sqlite":
        raise BackupRefused(POSTGRESQL_HINT)
    if not engine.url.database or engine.url.database == ":memory:":
        raise BackupRefused("the store is in memory: there is no file to back up")
    return Path(engine.url.database)


def _open(path: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(str(path), timeout=60))


def _version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT version FROM dataset_version WHERE id = 1").fetchone()
    return int(row[0]) if row else 0
