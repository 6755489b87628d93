"""Engine creation: a SQLite file by default, any SQLAlchemy URL (e.g. PostgreSQL) by DATABASE_URL."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url

from dashboard.store import migrations

#: Modules in this package that add feature tables to ``schema.metadata`` when imported.
FEATURE_TABLE_MODULES: tuple[str, ...] = ("schema_programmes", "schema_indicators", "schema_accounts", "schema_savings", "schema_compare", "schema_decisions")


def normalise_url(url: str):
    """A bare ``postgresql://`` (or Heroku-style ``postgres://``) URL uses psycopg 3, the driver in
    requirements.txt; SQLAlchemy's default would be psycopg2, which is not installed."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def open_engine(url: str, migrate: bool = True) -> Engine:
    """Create the engine and bring the schema to the newest migration (``migrate=False``: as it is)."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, future=True, pool_pre_ping=parsed.get_backend_name() != "sqlite")
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    for name in FEATURE_TABLE_MODULES:
        importlib.import_module(f"{__package__}.{name}")
    if migrate:
        upgrade_schema(engine)
    return engine


def upgrade_schema(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Run the migrations (dashboard/store/migrations) up to ``revision`` in one transaction that also
    serialises processes starting at once: an advisory lock on PostgreSQL, BEGIN IMMEDIATE on SQLite.
    A store made before migrations is stamped at 0001 first. Returns the revisions (before, after)."""
    if revision == "head":  # the usual start: a read says so, without waiting for a running import's write lock
        current = current_revision(engine)
        if current is not None and current == migrations.head_revision():
            return current, current
    if engine.dialect.name == "sqlite":
        return _upgrade_sqlite(engine, revision)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(7302001)"))
        return _upgrade(conn, revision)


def _upgrade(conn, revision: str) -> tuple[str | None, str | None]:
    if migrations.made_before_migrations(conn):
        _drop_single_results_layer(conn)
    return migrations.upgrade(conn, revision)


def _upgrade_sqlite(engine: Engine, revision: str) -> tuple[str | None, str | None]:
    """pysqlite commits DDL at once and SQLite ignores ``PRAGMA foreign_keys`` inside a transaction.
    Here the driver leaves the transaction to us, so a failed migration leaves no half-changed schema,
    and foreign keys are off while it runs: a migration that rebuilds a table (batch mode: copy, drop,
    rename) would otherwise cascade the drop into the child tables' rows. They are checked before commit."""
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        isolation = driver.isolation_level
        driver.isolation_level = None  # no implicit BEGIN/COMMIT by the driver
        try:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                before, after = _upgrade(conn, revision)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all() if after != before else []
                if broken:
                    raise RuntimeError(f"store migration {before} -> {after} breaks foreign keys: {broken[:5]}")
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
            return before, after
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()
            driver.isolation_level = isolation


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the store (None: empty, or made before migrations)."""
    with engine.connect() as conn:
        return migrations.current_revision(conn)


#: The results-layer tables, children first.
RESULTS_TABLES = ("indicator_story", "indicator_value", "indicator_target", "indicator", "indicator_import")


def _drop_single_results_layer(conn) -> None:
    """Stores made before results layers were kept per municipality hold one layer without a
    municipality (and globally unique indicator slugs). Their results tables are dropped so that
    migration 0001 makes the new ones; the layer must be imported again (it is a re-importable export)."""
    inspector = inspect(conn)
    if "indicator_import" not in inspector.get_table_names():
        return
    if "municipality_id" in {c["name"] for c in inspector.get_columns("indicator_import")}:
        return
    for name in RESULTS_TABLES:
        if name in inspector.get_table_names():
            conn.execute(text(f"DROP TABLE {name}"))
    print("store: the results layer was kept for one municipality only; its tables were recreated per municipality — "
          "import the indicators again (python -m dashboard import DIR)", file=sys.stderr)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
