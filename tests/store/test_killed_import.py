"""``kill -9`` of an import at many moments — while it reads the file, and inside its write
transaction — leaves the store exactly as it was, on SQLite and PostgreSQL (when configured)."""
from __future__ import annotations

import signal
import time

import pytest

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR
from tests.helpers import snapshot
from tests.store.test_concurrent_writers import TEN_YEAR, start, store_url, wait_in_transaction  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow

#: Seconds after start (negative: before the write transaction, while the file is read) or after the
#: import holds its write transaction (zero and up) at which it is killed.
MOMENTS = (-1.0, 0.0, 0.3, 1.5, 3.0)


def test_an_import_killed_at_any_moment_changes_nothing(store_url, monkeypatch):  # noqa: F811
    monkeypatch.setenv("DATABASE_URL", store_url)
    assert main(["import-iv3", str(DEMO_DIR / "2023_begroting.csv"), "--year", "2023", "--document", "begroting"]) == 0
    before = snapshot(store_url)
    for moment in MOMENTS:
        process = start(store_url, TEN_YEAR, delay=0.1)  # several seconds inside the transaction
        if moment < 0:
            time.sleep(-moment)
        else:
            wait_in_transaction(process)
            time.sleep(moment)
        assert process.poll() is None, f"the import ended before it was killed at {moment}"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert snapshot(store_url) == before, moment
    # And the store still takes an import afterwards (no lock left behind).
    assert main(["import-iv3", str(DEMO_DIR / "2023_begroting.csv"), "--year", "2023", "--document", "begroting"]) == 0
