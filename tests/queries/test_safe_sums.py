"""Totals are exact at the largest amounts an import accepts, on SQLite and PostgreSQL, and a store
holding an amount beyond them says so instead of showing a total that overflowed into a negative."""
from __future__ import annotations

import os

import pytest
from sqlalchemy import update

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR, THEME_MAPPING_FILE
from dashboard.config.settings import Settings
from dashboard.domain.limits import AMOUNT_CEILING_EUR, AMOUNTS_SUMMABLE
from dashboard.domain.themes import ThemeMapping
from dashboard.store.database import open_engine
from dashboard.store.repository import AmountOutOfBounds
from dashboard.store.schema import amount
from dashboard.web.app_factory import create_app
from tests.helpers import empty_database, logged_in

CEILING_IN_THOUSANDS = f"{AMOUNT_CEILING_EUR // 1000}.0"


def _ceiling_file(folder):
    header, *lines = (DEMO_DIR / "2023_begroting.csv").read_text(encoding="utf-8").splitlines()
    columns = header.split(";")
    rows = []
    for line in (line for line in lines if line.startswith("Kampen;")):
        cells = line.split(";")
        cells[columns.index("Lasten")] = CEILING_IN_THOUSANDS
        cells[columns.index("Baten")] = "-" + CEILING_IN_THOUSANDS
        rows.append(";".join(cells))
    path = folder / "ceiling.csv"
    path.write_text("\n".join([header] + rows) + "\n", encoding="utf-8")
    return path, [row.split(";")[columns.index("Taakveld")].split()[0] for row in rows]


def _store_urls(tmp_path):
    urls = [f"sqlite:///{tmp_path / 'sums.sqlite'}"]
    postgres = os.environ.get("TEST_DATABASE_URL", "")
    if postgres.startswith("postgres"):
        empty_database(postgres)
        urls.append(postgres)
    return urls


def test_theme_totals_at_the_ceiling_are_exact_and_positive(tmp_path, monkeypatch):
    source, codes = _ceiling_file(tmp_path)
    mapping = ThemeMapping.from_csv(THEME_MAPPING_FILE)
    for url in _store_urls(tmp_path):
        monkeypatch.setenv("DATABASE_URL", url)
        assert main(["import-iv3", str(source), "--year", "2023", "--document", "begroting"]) == 0
        client = logged_in(create_app(Settings(database_url=url, load_demo=False)))
        themes = client.get("/api/v1/themes?year=2023&document=begroting").get_json()
        for row in themes:
            rows_of_theme = sum(1 for code in codes if mapping.theme_of(code) == row["theme"])
            assert row["lasten_eur"] == rows_of_theme * AMOUNT_CEILING_EUR, (url, row)
            assert row["net_eur"] == 2 * rows_of_theme * AMOUNT_CEILING_EUR, (url, row)
        if url.startswith("postgres"):
            empty_database(url)
    assert len(codes) < AMOUNTS_SUMMABLE


def test_a_stored_amount_beyond_the_ceiling_is_an_error_not_a_wrong_total(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'older.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["import-iv3", str(DEMO_DIR / "2023_begroting.csv"), "--year", "2023", "--document", "begroting"]) == 0
    engine = open_engine(url)
    with engine.begin() as conn:  # as an older release let through: fits a row, not a sum
        conn.execute(update(amount).values(lasten_eur=4 * 10**18))
    app = create_app(Settings(database_url=url, load_demo=False))
    with pytest.raises(AmountOutOfBounds, match="re-import"):
        app.server.extensions["social_dashboard"].service.repository.amounts("Kampen")
    response = logged_in(app).get("/api/v1/themes?year=2023&document=begroting")
    assert b"-" not in response.data.split(b"error")[0] and response.is_json and "error" in response.get_json()
