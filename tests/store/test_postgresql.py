"""The store on a real PostgreSQL, selected by URL alone.

Runs when TEST_DATABASE_URL names a PostgreSQL database that may be emptied, e.g.
``postgresql://dashboard:dashboard@127.0.0.1/dashboard_test`` (CI starts one: see .ci/run);
skips with a message otherwise. Every test starts from an empty database.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR
from dashboard.config.settings import Settings
from dashboard.store.database import open_engine
from tests.helpers import empty_database, open_store_in_processes, snapshot, logged_in

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
PG_SKIP_REASON = "PostgreSQL tests need TEST_DATABASE_URL=postgresql://user:pw@host/db (a database that may be emptied)"

pytestmark = [
    pytest.mark.slow,  # a database server
    pytest.mark.skipif(not PG_URL.startswith(("postgresql", "postgres:")), reason=PG_SKIP_REASON),
]


@pytest.fixture()
def pg(monkeypatch):
    empty_database(PG_URL)
    monkeypatch.setenv("DATABASE_URL", PG_URL)  # the bare URL: the app must pick the driver itself
    yield PG_URL
    empty_database(PG_URL)


#: Kampen in full detail, two of today's others, and a merged municipality with its predecessor.
SAMPLE = ("Kampen", "Zwolle", "Vlieland", "Voorne aan Zee", "Brielle")


def themes_of_every_document(client) -> dict:
    answers = {}
    for name in SAMPLE:
        for year in range(2017, 2027):
            for kind in ("begroting", "jaarrekening"):
                response = client.get("/api/v1/themes", query_string={"municipality": name, "year": year, "document": kind})
                answers[(name, year, kind)] = (response.status_code, response.get_json())
    return answers


def test_demo_on_postgresql_answers_exactly_as_on_sqlite(pg, client):
    """First start on an empty PostgreSQL loads the demo by itself; every API answer equals SQLite's."""
    from dashboard.web.app_factory import create_app

    app = create_app(Settings(database_url=pg))
    pg_client = logged_in(app)
    names = pg_client.get("/api/v1/municipalities").get_json()
    assert "Nederland" not in names and "Kampen" in names  # Boolean is_national on PostgreSQL
    assert names == client.get("/api/v1/municipalities").get_json()
    on_postgresql = themes_of_every_document(pg_client)
    on_sqlite = themes_of_every_document(client)
    assert sum(status == 200 for (name, _, _), (status, _) in on_postgresql.items() if name == "Kampen") == 18
    assert on_postgresql == on_sqlite
    csv_pg = pg_client.get("/api/v1/themes?municipality=Kampen&year=2025&document=begroting&format=csv").get_data()
    csv_sqlite = client.get("/api/v1/themes?municipality=Kampen&year=2025&document=begroting&format=csv").get_data()
    assert csv_pg == csv_sqlite
    page = pg_client.get("/")
    assert page.status_code == 200
    app.server.extensions["social_dashboard"].service.repository.engine.dispose()


def test_import_replace_and_failed_import_on_postgresql(pg, tmp_path, capsys):
    full = DEMO_DIR / "2023_begroting.csv"
    assert main(["import-iv3", str(DEMO_DIR / "iv3_2017_2026_lasten.csv")]) == 0
    assert main(["import-iv3", str(full), "--year", "2023", "--document", "begroting"]) == 0
    capsys.readouterr()
    before = snapshot(pg)

    header, *lines = full.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([header, lines[0].replace(";3305.0;", ";3.305,0;")] + lines[1:]) + "\n", encoding="utf-8")
    assert main(["import-iv3", str(bad), "--year", "2023", "--document", "begroting"]) == 2
    assert f"{bad}:2: Lasten: '3.305,0'" in capsys.readouterr().err
    assert snapshot(pg) == before

    # Re-importing the same document replaces it: same rows, new document id, other documents untouched.
    assert main(["import-iv3", str(full), "--year", "2023", "--document", "begroting"]) == 0
    after = snapshot(pg)
    assert len(after["amount"]) == len(before["amount"])
    assert len(after["document"]) == len(before["document"]) == 18
    assert [r[1:] for r in after["municipality"]] == [r[1:] for r in before["municipality"]]


def test_amounts_beyond_32_bits_and_import_time_in_utc(pg, tmp_path, capsys):
    """Whole euros of a large city exceed 2**31 (BigInteger); imported_at reads back as UTC on any session zone."""
    from dashboard.store.repository import Repository

    full = DEMO_DIR / "2023_begroting.csv"
    header, *lines = full.read_text(encoding="utf-8").splitlines()
    big = tmp_path / "big.csv"
    columns = header.split(";")
    first = lines[0].split(";")
    first[columns.index("Lasten")] = "5000000.0"  # EUR 5 billion
    big.write_text("\n".join([header, ";".join(first)] + lines[1:]) + "\n", encoding="utf-8")
    started = datetime.now(timezone.utc)
    assert main(["import-iv3", str(big), "--year", "2023", "--document", "begroting"]) == 0

    engine = open_engine(pg + ("&" if "?" in pg else "?") + "options=-c%20timezone%3DPacific/Auckland")
    try:
        repository = Repository(engine)
        rows = repository.amounts("Kampen")
        assert int(rows.loc[rows["code"] == "0.1", "lasten_eur"].iloc[0]) == 5_000_000_000
        imported_at = repository.documents()["imported_at"].iloc[0]
        assert imported_at.tzinfo is not None and imported_at.utcoffset() == timedelta(0)
        assert abs(imported_at - started) < timedelta(minutes=5)
    finally:
        engine.dispose()


def test_national_file_on_postgresql(pg, shared_iv3, capsys):
    """The full 2025 file into PostgreSQL: all municipalities, Nederland kept apart, Kampen to the euro."""
    import csv
    import time
    from decimal import Decimal

    from dashboard.store.repository import Repository

    started = time.perf_counter()
    assert main(["import-iv3", str(shared_iv3 / "2025_begroting.csv"), "--year", "2025", "--document", "begroting"]) == 0
    seconds = time.perf_counter() - started
    assert " municipalities, " in capsys.readouterr().out
    with capsys.disabled():
        print(f"\nPostgreSQL import 2025_begroting.csv: {seconds:.1f} s")
    engine = open_engine(pg)
    try:
        repository = Repository(engine)
        names = repository.municipalities()
        assert "Nederland" not in names and "Kampen" in names and len(names) > 330
        with open(shared_iv3 / "2025_begroting.csv", encoding="utf-8", newline="") as handle:
            expected = sum(
                int(Decimal(r["Lasten"] or "0") * 1000)
                for r in csv.DictReader(handle, delimiter=";")
                if r["Gemeenten"] == "Amsterdam" and r["Taakveld"].split()[0] not in ("0.10", "0.11")
            )
        rows = repository.amounts("Amsterdam")
        assert int(rows.loc[~rows["code"].isin(["0.10", "0.11"]), "lasten_eur"].sum()) == expected
    finally:
        engine.dispose()


def test_workers_starting_together_on_an_empty_database_all_succeed(pg):
    """gunicorn starts several workers at once; each creates the tables if missing (PostgreSQL would
    otherwise fail some of them with duplicate-type errors)."""
    open_store_in_processes(pg, 6)


SAVINGS_ANSWERS = (
    "/api/v1/savings/targets",
    "/api/v1/savings/measures",
    "/api/v1/savings/progress?theme=work",
    "/api/v1/savings/review",
    "/api/v1/savings/learning-notes",
    "/api/v1/savings/cost-trends?theme=work",
    "/api/v1/savings/measures?format=csv",
)


def test_savings_layers_on_postgresql_answer_as_on_sqlite_and_import_all_or_nothing(pg, client, tmp_path, capsys):
    """The savings target, measures, learning loop and their derived answers read back from PostgreSQL
    exactly as from SQLite; a bad savings file changes nothing there, a good one replaces the layers as a draft."""
    import shutil

    from dashboard.web.app_factory import create_app
    from tests.importers.test_indicators import edit

    app = create_app(Settings(database_url=pg))
    pg_client = logged_in(app)
    for path in SAVINGS_ANSWERS:
        on_pg, on_sqlite = pg_client.get(path), client.get(path)
        assert on_pg.status_code == on_sqlite.status_code == 200, path
        assert on_pg.get_data() == on_sqlite.get_data(), path
    app.server.extensions["social_dashboard"].service.repository.engine.dispose()

    files = tmp_path / "savings"
    shutil.copytree(DEMO_DIR / "savings", files)
    before = snapshot(pg)
    edit(files / "measure_savings.csv", "werkcafe;2021;", "werkcafe;2025;")
    assert main(["import", str(files)]) == 2
    assert "measure_savings.csv:" in capsys.readouterr().err
    assert snapshot(pg) == before
    edit(files / "measure_savings.csv", "werkcafe;2025;", "werkcafe;2021;")
    assert main(["import", str(files)]) == 0
    assert "8 measures (draft, illustrative)" in capsys.readouterr().out
