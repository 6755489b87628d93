"""One writer at a time: every import and publish runs in ``write_transaction``.

Two imports started at once used to collide: on PostgreSQL the second died with an
``IntegrityError`` (both inserted the same new municipality), on SQLite with "database is locked".
Here a writer first takes the store's write lock — ``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped
advisory lock on PostgreSQL — so the second waits for the first to commit and then runs on what the
first wrote; both succeed in turn. A writer that waits longer than ``DASHBOARD_WRITER_WAIT_SECONDS``
(default 600) gives up with ``WriterBusy`` before it has changed anything. Readers never wait: SQLite's
write-ahead log and PostgreSQL's snapshots let visitors read the previous figures meanwhile.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

#: Advisory lock key of the store's writers on PostgreSQL (the schema migration uses 7302001).
WRITER_LOCK_KEY = 7302002
DEFAULT_WAIT_SECONDS = 600


class WriterBusy(Exception):
    """Another import or publish held the store for longer than this writer would wait."""


def wait_seconds() -> float:
    value = os.environ.get("DASHBOARD_WRITER_WAIT_SECONDS", "").strip()
    try:
        return float(value) if value else DEFAULT_WAIT_SECONDS
    except ValueError:
        raise SystemExit(f"DASHBOARD_WRITER_WAIT_SECONDS must be a number of seconds, not {value!r}") from None


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that holds the store's write lock; committed when the block
    ends, rolled back (nothing changed) when it raises."""
    wait = wait_seconds()
    if engine.dialect.name == "sqlite":
        with _sqlite_immediate(engine, wait) as conn:
            yield conn
        return
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            if not conn.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY}).scalar():
                _say_waiting()
                conn.execute(text(f"SET LOCAL lock_timeout = '{int(wait * 1000)}ms'"))
                try:
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
                except OperationalError as error:
                    raise WriterBusy(_busy_message(wait)) from error
                conn.execute(text("SET LOCAL lock_timeout = 0"))
        yield conn


@contextmanager
def _sqlite_immediate(engine: Engine, wait: float) -> Iterator[Connection]:
    """pysqlite begins transactions lazily, at the first write, when another writer may have begun
    meanwhile; the driver's implicit transactions are switched off so that BEGIN IMMEDIATE takes the
    write lock at the start (waiting up to ``wait`` seconds for it)."""
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        isolation = driver.isolation_level
        driver.isolation_level = None
        try:
            _begin_immediate(conn, wait)
            try:
                yield conn
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
        finally:
            conn.exec_driver_sql("PRAGMA busy_timeout = 5000")  # the driver's default
            driver.isolation_level = isolation


def _begin_immediate(conn: Connection, wait: float) -> None:
    for timeout_ms in (0, int(wait * 1000)):
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {timeout_ms}")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if timeout_ms:
                raise WriterBusy(_busy_message(wait)) from error
            _say_waiting()


def _say_waiting() -> None:
    print("store: another import or publish is running; waiting for it to finish", file=sys.stderr)


def _busy_message(wait: float) -> str:
    return (f"another import or publish has held the store for more than {wait:g} s; nothing was changed: "
            "run this again when it has finished (DASHBOARD_WRITER_WAIT_SECONDS sets the wait)")
