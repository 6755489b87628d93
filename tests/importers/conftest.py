"""The importers' tests share one demo store (CBS, programmes, indicators, savings), copied per test."""

from __future__ import annotations

import shutil

import pytest

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
