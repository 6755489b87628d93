"""Schema migrations (dashboard/store/migrations): stores of every age reach the newest revision
with every row kept, and the migrations make exactly the schema the table modules declare.

On SQLite always; on PostgreSQL too when TEST_DATABASE_URL is set (marked slow, like
tests/store/test_postgresql.py, whose emptying of the database these tests share).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from dashboard.config.paths import PROJECT_ROOT
from dashboard.demo.load import load_demo
from dashboard.store import migrations
from dashboard.store.database import current_revision, open_engine, upgrade_schema
from dashboard.store.migrations import BASELINE, head_revision, target_metadata
from tests.helpers import empty_database, open_store_in_processes, snapshot
from tests.store.test_postgresql import PG_SKIP_REASON, PG_URL

#: The tables of dashboard/store/schema.py: all a store had before the programme and results layers.
CORE_TABLES = ("municipality", "population", "document", "taakveld", "amount", "dataset_version")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql", id="postgresql", marks=[pytest.mark.slow, pytest.mark.skipif(not PG_URL.startswith(("postgresql", "postgres:")), reason=PG_SKIP_REASON)]
    ),
]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """An empty store: a new SQLite file, or the emptied PostgreSQL test database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    empty_database(PG_URL)
    yield PG_URL
    empty_database(PG_URL)


def store_of_previous_release(url: str, tables=None) -> None:
    """A store as the release before migrations left it: its ``create_all`` schema (which is revision
    0001), no alembic_version table. ``tables``: only these (a release older than some features)."""
    engine = open_engine(url, migrate=False)
    try:
        upgrade_schema(engine, BASELINE)
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE alembic_version"))
            made = set(inspect(conn).get_table_names())  # the tables of later revisions are not there yet
            for name in reversed(migrations_tables()):
                if name in made and tables is not None and name not in tables:
                    conn.execute(text(f"DROP TABLE {name}"))
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def migrations_tables() -> list[str]:
    """The tables of the metadata, parents first."""
    return [table.name for table in target_metadata().sorted_tables]


def fill_with_demo(url: str, programmes: bool = True) -> dict:
    engine = open_engine(url, migrate=False)  # as the store is: the previous release's code had no migrations
    try:
        # the releases before migration 0003 had no savings tables (and their demo no savings layer)
        load_demo(engine, programmes=programmes, national=False, savings="savings_target" in inspect(engine).get_table_names())
    finally:
        engine.dispose()
    rows = snapshot(url)
    if programmes:  # the whole demo: every table has rows
        assert all(rows.values()), {name: len(r) for name, r in rows.items()}
    return rows


def without_version(rows: dict) -> dict:
    return {name: r for name, r in rows.items() if name != "alembic_version"}


def kept(after: dict, before: dict) -> dict:
    """The tables ``before`` had, as they are ``after``; the tables later revisions added must be empty."""
    added = set(without_version(after)) - set(before)
    assert not any(after[name] for name in added), {name: len(after[name]) for name in added}
    return {name: after[name] for name in before if name in after}


def revision_row(url: str) -> list[tuple]:
    return snapshot(url)["alembic_version"]


def dashboard_cli(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120)


def describe(url: str) -> dict:
    """Tables, columns (type, nullability, default), primary keys, foreign keys with their ON DELETE
    rules, indexes and unique constraints, as the database reports them (alembic_version left out)."""
    engine = open_engine(url, migrate=False)
    try:
        inspector = inspect(engine)
        described = {}
        for name in sorted(set(inspector.get_table_names()) - {"alembic_version"}):
            described[name] = {
                "columns": [(c["name"], str(c["type"]), c["nullable"], c["default"]) for c in inspector.get_columns(name)],
                "primary_key": inspector.get_pk_constraint(name)["constrained_columns"],
                "foreign_keys": sorted(
                    (fk["constrained_columns"], fk["referred_table"], fk["referred_columns"], fk["options"].get("ondelete"))
                    for fk in inspector.get_foreign_keys(name)
                ),
                "indexes": sorted((i["name"], i["column_names"], i["unique"]) for i in inspector.get_indexes(name)),
                "unique": sorted((u["name"] or "", u["column_names"]) for u in inspector.get_unique_constraints(name)),
            }
        if engine.dialect.name == "sqlite":  # the CREATE statements themselves
            with engine.connect() as conn:
                described["sqlite_master"] = sorted(
                    conn.execute(text("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '%alembic_version%'")).all()
                )
        return described
    finally:
        engine.dispose()


@pytest.mark.parametrize("opened_by", ["app", "db upgrade"])
def test_store_of_previous_release_is_stamped_and_keeps_every_row(store_url, opened_by, capsys):
    """Tables of the last release without alembic_version: recognised as 0001, stamped, upgraded to
    head, every row of every table unchanged — whether the app opens it or ``db upgrade`` does."""
    store_of_previous_release(store_url)
    before = fill_with_demo(store_url)
    capsys.readouterr()

    if opened_by == "app":
        open_engine(store_url).dispose()
        assert f"recognised as revision {BASELINE} and stamped" in capsys.readouterr().err
    else:
        upgraded = dashboard_cli(store_url, "db", "upgrade")
        assert upgraded.returncode == 0, upgraded.stderr
        assert f"recognised as revision {BASELINE} and stamped" in upgraded.stderr
        assert upgraded.stdout.strip() == f"store: upgraded from no revision to {head_revision()} (head)"

    after = snapshot(store_url)
    assert kept(after, before) == before
    assert after["alembic_version"] == [(head_revision(),)]
    open_engine(store_url).dispose()  # a second start: nothing to do, nothing said
    assert "stamped" not in capsys.readouterr().err
    assert snapshot(store_url) == after


def test_store_at_baseline_upgrades_to_head_keeping_every_row(store_url):
    """A store made by migration 0001 alone (the first release with migrations), full of data."""
    engine = open_engine(store_url, migrate=False)
    try:
        assert upgrade_schema(engine, BASELINE) == (None, BASELINE)
    finally:
        engine.dispose()
    before = fill_with_demo(store_url)
    assert before["alembic_version"] == [(BASELINE,)]

    engine = open_engine(store_url, migrate=False)
    try:
        assert upgrade_schema(engine) == (BASELINE, head_revision())
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
    assert kept(snapshot(store_url), without_version(before)) == without_version(before)


def test_store_older_than_the_feature_tables_gets_them_and_keeps_its_rows(store_url):
    """A store of a release before the programme and results layers: the missing tables are made
    (as 0001 declares them), the CBS figures stay as they were."""
    store_of_previous_release(store_url, tables=CORE_TABLES)
    before = fill_with_demo(store_url, programmes=False)
    assert set(before) == set(CORE_TABLES)

    open_engine(store_url).dispose()
    after = snapshot(store_url)
    assert set(after) == set(migrations_tables()) | {"alembic_version"}
    assert {name: after[name] for name in CORE_TABLES} == before
    assert after["alembic_version"] == [(head_revision(),)]


def test_store_with_a_single_results_layer_gets_the_results_tables_per_municipality(store_url, capsys):
    """Older still: one results layer without a municipality. Its tables are dropped before 0001 is
    stamped, so 0001 makes them per municipality; everything else keeps its rows."""
    results = {"indicator_import", "indicator", "indicator_target", "indicator_value", "indicator_story"}
    store_of_previous_release(store_url, tables=set(migrations_tables()) - results)
    before = fill_with_demo(store_url, programmes=False)
    engine = open_engine(store_url, migrate=False)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE indicator_import (id INTEGER PRIMARY KEY, status VARCHAR(20) NOT NULL, source TEXT NOT NULL)"))
            conn.execute(text("INSERT INTO indicator_import (id, status, source) VALUES (1, 'published', 'data/demo/indicators')"))
    finally:
        engine.dispose()
    capsys.readouterr()

    open_engine(store_url).dispose()
    assert "its tables were recreated per municipality" in capsys.readouterr().err
    after = snapshot(store_url)
    assert {name: after[name] for name in before} == before
    assert all(after[name] == [] for name in results)
    assert "municipality_id" in {column[0] for column in describe(store_url)["indicator_import"]["columns"]}
    assert after["alembic_version"] == [(head_revision(),)]


def test_empty_store_is_created_by_the_migrations_at_head(store_url):
    engine = open_engine(store_url)
    try:
        assert current_revision(engine) == head_revision()
        assert set(inspect(engine).get_table_names()) == set(migrations_tables()) | {"alembic_version"}
    finally:
        engine.dispose()
    assert revision_row(store_url) == [(head_revision(),)]


def test_migrations_make_exactly_the_schema_of_the_table_modules(store_url):
    """Head = ``metadata.create_all``, column by column, key by key; alembic's own comparison of
    the migrated store with the metadata finds nothing to change."""
    engine = open_engine(store_url, migrate=False)
    try:
        target_metadata().create_all(engine)
    finally:
        engine.dispose()
    by_create_all = describe(store_url)
    empty_database(store_url)

    engine = open_engine(store_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, target_metadata()) == []
    finally:
        engine.dispose()
    by_migrations = describe(store_url)

    assert set(by_migrations) - {"sqlite_master"} == set(migrations_tables())
    assert by_migrations == by_create_all
    amount = by_migrations["amount"]
    assert ("ix_amount_municipality", ["municipality_id", "document_id"], False) in amount["indexes"]
    assert (["document_id"], "document", ["id"], "CASCADE") in amount["foreign_keys"]


def test_db_current_and_db_upgrade_on_the_command_line(store_url):
    empty = dashboard_cli(store_url, "db", "current")
    assert (empty.returncode, empty.stdout.strip()) == (0, "none (empty store: db upgrade creates the schema)"), empty.stderr

    upgraded = dashboard_cli(store_url, "db", "upgrade")
    assert (upgraded.returncode, upgraded.stdout.strip()) == (0, f"store: upgraded from no revision to {head_revision()} (head)"), upgraded.stderr
    current = dashboard_cli(store_url, "db", "current")
    assert (current.returncode, current.stdout.strip()) == (0, f"{head_revision()} (head)"), current.stderr
    again = dashboard_cli(store_url, "db", "upgrade")
    assert (again.returncode, again.stdout.strip()) == (0, f"store: at revision {head_revision()} (head)"), again.stderr

    empty_database(store_url)
    store_of_previous_release(store_url)
    old = dashboard_cli(store_url, "db", "current")
    assert (old.returncode, old.stdout.strip()) == (0, f"none (made before migrations: db upgrade stamps it at {BASELINE})"), old.stderr
    assert "alembic_version" not in snapshot(store_url)  # db current changes nothing


# SQLite only: what the store does so that SQLite migrations are safe (PostgreSQL has transactional DDL).


@pytest.fixture()
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


@pytest.fixture()
def extra_revision(tmp_path, monkeypatch):
    """A copy of the migrations with one more revision after head, written by the test."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrations.HERE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrations, "HERE", copy)
    head = head_revision()
    head_revision.cache_clear()
    revision = f"{int(head) + 1:04d}"

    def write(upgrade_body: str) -> str:
        (copy / "versions" / f"{revision}_test.py").write_text(
            f"import sqlalchemy as sa\nfrom alembic import op\n\nrevision = {revision!r}\ndown_revision = {head!r}\n"
            f"branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n{upgrade_body}\n\n\ndef downgrade():\n    pass\n",
            encoding="utf-8",
        )
        head_revision.cache_clear()
        return revision

    yield write
    head_revision.cache_clear()


def test_sqlite_migration_that_rebuilds_a_parent_table_keeps_the_child_rows(sqlite_url, extra_revision):
    """Batch mode copies a table, drops it and renames the copy. With foreign keys on, dropping
    ``document`` would cascade into every amount (ON DELETE CASCADE): they are off while migrating."""
    open_engine(sqlite_url).dispose()
    before = fill_with_demo(sqlite_url, programmes=False)
    revision = extra_revision('    with op.batch_alter_table("document", recreate="always") as batch:\n        batch.add_column(sa.Column("note", sa.Text()))')
    engine = open_engine(sqlite_url)
    try:
        assert current_revision(engine) == revision
        assert "note" in {c["name"] for c in inspect(engine).get_columns("document")}
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back on for the app
    finally:
        engine.dispose()
    after = snapshot(sqlite_url)
    assert after["amount"] == before["amount"] and len(after["amount"]) > 1000
    assert [row[:-1] for row in after["document"]] == before["document"]


def test_sqlite_migration_that_fails_leaves_the_store_as_it_was(sqlite_url, extra_revision):
    """pysqlite would commit each DDL statement at once; the store runs migrations in one transaction."""
    open_engine(sqlite_url).dispose()
    head = head_revision()
    before = fill_with_demo(sqlite_url, programmes=False)
    extra_revision(
        '    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))\n'
        '    op.execute("DELETE FROM amount")\n'
        '    raise RuntimeError("migration failed halfway")'
    )
    with pytest.raises(RuntimeError, match="halfway"):
        open_engine(sqlite_url)
    assert snapshot(sqlite_url) == before
    assert revision_row(sqlite_url) == [(head,)]


def test_processes_starting_together_on_an_empty_sqlite_store_all_succeed(sqlite_url):
    """gunicorn workers on one new SQLite file: BEGIN IMMEDIATE lets one migrate, the others wait."""
    open_store_in_processes(sqlite_url, 4)
    assert revision_row(sqlite_url) == [(head_revision(),)]


def test_opening_a_sqlite_store_at_head_does_not_wait_for_a_running_import(sqlite_url, tmp_path):
    """Only a store that needs a migration takes the write lock; an import may hold it for seconds."""
    import sqlite3
    import time

    open_engine(sqlite_url).dispose()
    writer = sqlite3.connect(tmp_path / "store.sqlite", isolation_level=None, timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO dataset_version (id, version) VALUES (1, 1)")
        started = time.perf_counter()
        open_engine(sqlite_url).dispose()
        assert time.perf_counter() - started < 2  # the driver would wait 5 s for the lock, then fail
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_the_decision_rounds_migration_holds_a_frozen_copy_of_the_lock_triggers_the_schema_makes():
    """A migration must not change when the table modules do: 0005 keeps its own copy of the triggers.
    When this fails, the triggers in schema_decisions changed: write a new revision that replaces them."""
    import importlib

    from dashboard.store import schema_decisions

    migration = importlib.import_module("dashboard.store.migrations.versions.0005_decision_rounds")
    assert migration.LOCK_TRIGGERS == schema_decisions.LOCK_TRIGGERS
    assert migration.POSTGRESQL_FUNCTIONS == schema_decisions.POSTGRESQL_FUNCTIONS
