"""Two writers at once: the second waits for the first and both succeed in turn, or it gives up with a
clear message and changes nothing — never a traceback; visitors keep reading meanwhile. SQLite and
PostgreSQL (when TEST_DATABASE_URL names one)."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from dashboard.config.paths import DEMO_DIR, PROJECT_ROOT
from dashboard.store.database import open_engine
from dashboard.store.repository import Repository
from tests.helpers import empty_database, snapshot

pytestmark = pytest.mark.slow  # several processes per test

FULL = ["import-iv3", str(DEMO_DIR / "2023_begroting.csv"), "--year", "2023", "--document", "begroting"]
TEN_YEAR = ["import-iv3", str(DEMO_DIR / "iv3_2017_2026_lasten.csv")]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite'}"
        open_engine(url).dispose()
        yield url
        return
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("PostgreSQL tests need TEST_DATABASE_URL")
    empty_database(url)
    open_engine(url).dispose()
    yield url
    empty_database(url)


def start(url: str, argv: list[str], delay: float = 0.0, **env) -> subprocess.Popen:
    command = [sys.executable, "-m", "tests.slow_writer", str(delay), *argv] if delay else [sys.executable, "-m", "dashboard", *argv]
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env={**os.environ, "DATABASE_URL": url, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_in_transaction(process: subprocess.Popen) -> str:
    """Block until the slowed writer holds the write lock; returns what it printed so far."""
    seen = ""
    while "slow-writer: in transaction" not in seen:
        line = process.stderr.readline()
        assert line, f"the writer ended before writing: {seen}"
        seen += line
    return seen


def finish(process: subprocess.Popen, already: str = "") -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out, already + err


def test_two_imports_at_once_both_succeed_in_turn(store_url):
    first = start(store_url, TEN_YEAR, delay=0.05)  # ~130 INSERTs: holds the lock ~6 s
    early = wait_in_transaction(first)
    second = start(store_url, FULL)
    code_2, out_2, err_2 = finish(second)
    code_1, out_1, err_1 = finish(first, early)
    for code, out, err in ((code_1, out_1, err_1), (code_2, out_2, err_2)):
        assert code == 0, err
        assert "Traceback" not in err and out.startswith("imported "), err
    assert "another import or publish is running; waiting for it to finish" in err_2
    # Both landed: the ten-year file's documents and the detailed 2023 begroting, Kampen stored once.
    repository = Repository(open_engine(store_url))
    assert len(repository.documents()) == 18
    assert repository.municipalities() == ["Kampen"]
    assert "6.71a" in set(repository.amounts("Kampen").query("year == 2023 and kind == 'begroting'")["code"])


def test_a_writer_that_waits_too_long_gives_up_cleanly_and_changes_nothing(store_url):
    first = start(store_url, TEN_YEAR, delay=0.05)
    early = wait_in_transaction(first)
    before = snapshot(store_url)
    code_2, out_2, err_2 = finish(start(store_url, FULL, DASHBOARD_WRITER_WAIT_SECONDS="0.5"))
    assert code_2 == 3 and out_2 == "", err_2
    assert "Traceback" not in err_2
    assert "another import or publish has held the store for more than 0.5 s; nothing was changed" in err_2
    assert snapshot(store_url) == before  # the second changed nothing; the first is still writing
    # Visitors read meanwhile, without waiting for the writer: the figures as they were.
    started = time.monotonic()
    assert Repository(open_engine(store_url)).documents().empty
    assert time.monotonic() - started < 30
    assert finish(first, early)[0] == 0
    assert len(Repository(open_engine(store_url)).documents()) == 18
