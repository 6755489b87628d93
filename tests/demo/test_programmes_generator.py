"""The demo programme layer is deterministic and the committed files are what the generator writes."""
from __future__ import annotations

import pytest

from dashboard.config.paths import DEMO_DIR
from dashboard.demo import programmes as demo_programmes

FILES = ("programmes.csv", "providers.csv", "allocations.csv")


@pytest.mark.slow  # regenerates the whole demo layer (~5 s)
def test_generator_is_deterministic_and_committed_files_are_current(tmp_path, capsys):
    first, second = tmp_path / "a", tmp_path / "b"
    assert demo_programmes.main([str(first)]) == 0
    assert demo_programmes.main([str(second)]) == 0
    for name in FILES:
        generated = (first / name).read_bytes()
        assert generated == (second / name).read_bytes(), name
        assert generated == (DEMO_DIR / "programmes" / name).read_bytes(), f"{name} is stale: run python -m dashboard.demo.programmes"
    assert "20 programmes" in capsys.readouterr().out


def test_demo_layer_has_the_shape_the_issue_asks_for():
    import csv

    with open(DEMO_DIR / "programmes" / "providers.csv", encoding="utf-8") as handle:
        providers = list(csv.DictReader(handle, delimiter=";"))
    with open(DEMO_DIR / "programmes" / "programmes.csv", encoding="utf-8") as handle:
        programmes = {r["programme"]: r for r in csv.DictReader(handle, delimiter=";")}
    with open(DEMO_DIR / "programmes" / "allocations.csv", encoding="utf-8") as handle:
        allocations = list(csv.DictReader(handle, delimiter=";"))
    assert 25 <= len(providers) <= 40
    per_theme = {}
    for row in programmes.values():
        per_theme[row["theme"]] = per_theme.get(row["theme"], 0) + 1
    assert set(per_theme.values()) == {5}
    themes_of = {}
    for row in allocations:
        themes_of.setdefault(row["provider"], set()).add(programmes[row["programme"]]["theme"])
    assert sum(1 for themes in themes_of.values() if len(themes) > 1) >= 3  # some providers work in several themes
    assert all(r["illustrative"] == "true" for r in allocations + providers + list(programmes.values()))
    assert all(r["instrument"] == "benefit" and r["provider"].startswith("gemeente-") for r in allocations if r["programme"] == "income-support")


def test_municipality_slug_is_a_valid_slug_for_every_cbs_spelling():
    from dashboard.demo.programmes import municipality_slug

    assert municipality_slug("Kampen") == "gemeente-kampen"  # the committed demo layer keeps its slug
    assert municipality_slug("Stein (L.)") == "gemeente-stein-l"
    assert municipality_slug("Súdwest-Fryslân") == "gemeente-sudwest-fryslan"
    assert municipality_slug("'s-Hertogenbosch") == "gemeente-s-hertogenbosch"
