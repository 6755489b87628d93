"""The importers' tests share one demo store (CBS, programmes, indicators, savings), copied per test, and
the command line run in-process on a store holding Kampen's Iv3 figures (the names the fund and regions
files must join to)."""

from __future__ import annotations

import shutil

import pytest

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR
from dashboard.store.database import open_engine


@pytest.fixture(scope="package")
def demo_store(tmp_path_factory):
    """A store with the whole demo (CBS, programmes, indicators) loaded once."""
    from dashboard.demo.load import load_demo

    path = tmp_path_factory.mktemp("indicators") / "store.sqlite"
    engine = open_engine(f"sqlite:///{path}")
    load_demo(engine, national=False)
    engine.dispose()  # closes the last connection, so SQLite folds its write-ahead log into the file we copy
    return path


@pytest.fixture()
def store(demo_store, tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite"
    shutil.copy(demo_store, path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    return open_engine(f"sqlite:///{path}")


@pytest.fixture()
def cli(monkeypatch, capsys):
    """``cli(url, *argv)`` → (exit status, stdout, stderr) of ``python -m dashboard *argv`` on the store at ``url``."""

    def run(url: str, *argv: str) -> tuple[int, str, str]:
        monkeypatch.setenv("DATABASE_URL", url)
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture()
def kampen_store(tmp_path, cli) -> str:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert cli(url, "import-iv3", str(DEMO_DIR / "iv3_2017_2026_lasten.csv"))[0] == 0
    return url
