"""``backup`` while the server runs and an import is half-way, then ``restore``: the store is back as
it was, row for row; bad files are refused with a message and change nothing."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR
from dashboard.store.database import open_engine
from dashboard.store.schema import dataset_version
from tests.helpers import snapshot
from tests.store.test_concurrent_writers import TEN_YEAR, finish, start, wait_in_transaction

FULL = ["import-iv3", str(DEMO_DIR / "2023_begroting.csv"), "--year", "2023", "--document", "begroting"]


def _without_version(rows: dict) -> dict:
    return {table: content for table, content in rows.items() if table != "dataset_version"}


def _version(url: str) -> int:
    with open_engine(url).connect() as conn:
        return conn.execute(select(dataset_version.c.version)).scalar()


@pytest.mark.slow
def test_backup_during_an_import_then_restore_gives_the_store_as_it_was(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(FULL) == 0
    before = snapshot(url)
    importing = start(url, TEN_YEAR, delay=0.05)
    early = wait_in_transaction(importing)  # the import holds its write transaction now
    capsys.readouterr()
    assert main(["backup", str(tmp_path / "backup.sqlite")]) == 0
    assert "backup: wrote" in capsys.readouterr().out
    assert finish(importing, early)[0] == 0
    assert snapshot(url) != before  # the import landed after the backup
    seen = _version(url)

    assert main(["restore", str(tmp_path / "backup.sqlite")]) == 0
    assert _without_version(snapshot(url)) == _without_version(before)
    assert _version(url) > seen  # caches of the servers see a new version, never an old one again


@pytest.mark.parametrize("content", [None, b"not a database at all", "empty-sqlite"])
def test_restore_refuses_what_is_not_a_backup_and_changes_nothing(tmp_path, monkeypatch, capsys, content):
    import sqlite3

    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(FULL) == 0
    before = snapshot(url)
    source = tmp_path / "candidate.sqlite"
    if content == "empty-sqlite":
        sqlite3.connect(source).execute("CREATE TABLE other (x)").connection.close()
    elif content is not None:
        source.write_bytes(content)
    capsys.readouterr()
    assert main(["restore", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: restore: ") and "Traceback" not in err
    assert snapshot(url) == before


def test_backup_refuses_to_overwrite_and_postgresql_is_pointed_to_pg_dump(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(FULL) == 0
    (tmp_path / "taken.sqlite").write_bytes(b"keep me")
    assert main(["backup", str(tmp_path / "taken.sqlite")]) == 2
    assert (tmp_path / "taken.sqlite").read_bytes() == b"keep me"
    from dashboard.store.backup import POSTGRESQL_HINT

    assert "pg_dump" in POSTGRESQL_HINT and "pg_restore" in POSTGRESQL_HINT
