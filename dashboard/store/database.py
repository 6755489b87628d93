"""Engine creation: a SQLite file by default, any SQLAlchemy URL (e.g. PostgreSQL) by DATABASE_URL."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url

from dashboard.store.schema import metadata

#: Modules in this package that add feature tables to ``schema.metadata`` when imported.
FEATURE_TABLE_MODULES: tuple[str, ...] = ("schema_programmes", "schema_indicators")


def normalise_url(url: str):
    """A bare ``postgresql://`` (or Heroku-style ``postgres://``) URL uses psycopg 3, the driver in
    requirements.txt; SQLAlchemy's default would be psycopg2, which is not installed."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def open_engine(url: str) -> Engine:
    """Create the engine and the tables if they do not exist yet."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, future=True, pool_pre_ping=parsed.get_backend_name() != "sqlite")
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    for name in FEATURE_TABLE_MODULES:
        importlib.import_module(f"{__package__}.{name}")
    if parsed.get_backend_name() == "postgresql":
        # Several workers may start at once on an empty database: create the tables one at a time.
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(7302001)"))
            _drop_single_results_layer(conn)
            metadata.create_all(conn)
    else:
        with engine.begin() as conn:
            _drop_single_results_layer(conn)
        metadata.create_all(engine)
    return engine


#: The results-layer tables, children first.
RESULTS_TABLES = ("indicator_story", "indicator_value", "indicator_target", "indicator", "indicator_import")


def _drop_single_results_layer(conn) -> None:
    """Stores made before results layers were kept per municipality hold one layer without a
    municipality (and globally unique indicator slugs). Their results tables are dropped so that
    ``create_all`` makes the new ones; the layer must be imported again (it is a re-importable export)."""
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
