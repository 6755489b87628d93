"""The layer rule of ``.importlinter`` holds for the tree, and a deliberately upward import breaks it."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.config.paths import PROJECT_ROOT

pytestmark = pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter not installed (requirements-dev.txt)")


def _lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [shutil.which("lint-imports"), "--no-cache"], cwd=root, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(root), "PATH": str(Path(sys.executable).parent)},
    )


def test_every_contract_is_kept():
    result = _lint(PROJECT_ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_an_upward_import_is_reported(tmp_path):
    for name in ("dashboard", "devtools"):
        shutil.copytree(PROJECT_ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_ROOT / ".importlinter", tmp_path / ".importlinter")
    writer = tmp_path / "dashboard" / "store" / "writer.py"
    writer.write_text(writer.read_text() + "\n\ndef _upward():\n    from dashboard.importers import iv3  # store must not import importers\n")
    themes = tmp_path / "dashboard" / "domain" / "themes.py"
    themes.write_text(themes.read_text() + "\n\ndef _web():\n    import flask  # domain is pure\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "dashboard.store is not allowed to import dashboard.importers" in result.stdout
    assert "dashboard.domain is not allowed to import flask" in result.stdout
