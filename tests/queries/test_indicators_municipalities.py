"""Results layers per municipality: two layers side by side, a re-import replaces only its own
municipality's layer, an unknown municipality is refused, the API answers per municipality, and the
generator writes a deterministic layer for any municipality."""
from __future__ import annotations

import importlib.util
import re
import shutil

import pytest
from sqlalchemy import func, insert, select

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR, PROJECT_ROOT
from dashboard.config.settings import Settings
from dashboard.store.database import open_engine
from dashboard.store.indicators import IndicatorRepository, municipalities_with_layer
from dashboard.store.schema import municipality
from dashboard.store.schema_indicators import indicator, indicator_import, indicator_target, indicator_value, story
from dashboard.web.app_factory import create_app
from tests.helpers import logged_in

OTHER, EMPTY = "Zwolle", "Urk"  # Zwolle gets a generated layer, Urk none
PROBLEM_LINE = re.compile(r"^[^:]+:\d+: [a-z_-]+: .+$")


def generator():
    spec = importlib.util.spec_from_file_location("gen_indicators", PROJECT_ROOT / "scripts" / "generate_demo_indicators.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def base_store(tmp_path_factory):
    """The demo store (Kampen's layer) plus two more municipalities in the store, without a layer."""
    from dashboard.demo.load import load_demo

    path = tmp_path_factory.mktemp("per-municipality") / "store.sqlite"
    engine = open_engine(f"sqlite:///{path}")
    load_demo(engine, national=False)
    with engine.begin() as conn:
        conn.execute(insert(municipality), [{"name": OTHER, "is_national": False}, {"name": EMPTY, "is_national": False}])
    engine.dispose()
    return path


@pytest.fixture()
def store(base_store, tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite"
    shutil.copy(base_store, path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    return open_engine(f"sqlite:///{path}")


def other_files(directory):
    """Zwolle's generated layer; providers of the demo programme layer stay (they are in the store)."""
    gen = generator()
    gen.write_layer(directory, OTHER, 130_000, gen.read_providers(DEMO_DIR / "programmes" / "providers.csv"))
    return directory


def layer(engine, name: str) -> tuple:
    """Everything of one municipality's layer, as plain values (ids excluded)."""
    repository = IndicatorRepository(engine, name)
    return repository.catalogue(), repository.targets(), repository.observations(), repository.stories(), repository.imported_at()


def total_rows(engine) -> tuple[int, ...]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar() for t in (indicator_import, indicator, indicator_target, indicator_value, story))


def test_two_layers_side_by_side(store, tmp_path):
    kampen = layer(store, "Kampen")
    rows_before = total_rows(store)
    assert main(["import", str(other_files(tmp_path / "zwolle")), "--publish"]) == 0
    assert layer(store, "Kampen") == kampen  # untouched
    zwolle = layer(store, OTHER)
    assert {i.slug for i in zwolle[0]} == {i.slug for i in kampen[0]}  # the same slugs, per import
    assert zwolle[2] != kampen[2]  # other values
    assert total_rows(store) == tuple(2 * n for n in rows_before)
    assert municipalities_with_layer(store) == ("Kampen", OTHER)
    assert layer(store, EMPTY)[:4] == ((), {}, {}, ())


def test_reimport_replaces_only_that_municipalitys_layer(store, tmp_path):
    files = other_files(tmp_path / "zwolle")
    assert main(["import", str(files), "--publish"]) == 0
    zwolle, rows = layer(store, OTHER), total_rows(store)
    kampen_files = tmp_path / "kampen"
    shutil.copytree(DEMO_DIR / "indicators", kampen_files)
    text = (kampen_files / "indicator_values.csv").read_text(encoding="utf-8")
    (kampen_files / "indicator_values.csv").write_text(text.replace("youth-care-per-1000;2025;122.7;", "youth-care-per-1000;2025;99.5;"), encoding="utf-8")
    assert main(["import", str(kampen_files)]) == 0  # Kampen again, now as a draft with one value changed
    assert layer(store, OTHER) == zwolle  # Zwolle's layer untouched: same rows, same import time
    assert total_rows(store) == rows  # the old Kampen layer is gone entirely (cascade), no orphans
    observations = dict((o.period.year, o.value) for o, _ in layer(store, "Kampen")[2]["youth-care-per-1000"])
    assert observations[2025] == 99.5
    with store.connect() as conn:
        statuses = dict(conn.execute(select(municipality.c.name, indicator_import.c.status).select_from(indicator_import.join(municipality))).all())
    assert statuses == {"Kampen": "draft", OTHER: "published"}
    assert main(["publish", "--indicators", "--municipality", "Kampen"]) == 0
    assert main(["unpublish", "--indicators", "--municipality", OTHER]) == 0
    with store.connect() as conn:
        statuses = dict(conn.execute(select(municipality.c.name, indicator_import.c.status).select_from(indicator_import.join(municipality))).all())
    assert statuses == {"Kampen": "published", OTHER: "draft"}


@pytest.mark.parametrize("row, name, words", [(1, "Atlantis", "unknown municipality 'Atlantis'"), (5, OTHER, "one import holds one municipality's layer")])
def test_unknown_or_mixed_municipality_is_refused_and_nothing_is_stored(store, tmp_path, capsys, row, name, words):
    files = tmp_path / "kampen"
    shutil.copytree(DEMO_DIR / "indicators", files)
    lines = (files / "indicators.csv").read_text(encoding="utf-8").splitlines()
    lines[row] = lines[row].replace("Kampen;", f"{name};", 1)
    (files / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = (layer(store, "Kampen"), total_rows(store))
    assert main(["import", str(files), "--publish"]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert errors and all(PROBLEM_LINE.match(line) for line in errors), errors
    assert any(line.startswith(f"{files}/indicators.csv:{row + 1}: municipality: ") and words in line for line in errors), errors
    assert (layer(store, "Kampen"), total_rows(store)) == before


def test_api_answers_per_municipality(store, tmp_path):
    assert main(["import", str(other_files(tmp_path / "zwolle"))]) == 0  # a draft
    url = str(store.url)
    council = logged_in(create_app(Settings(database_url=url, mode="council", language="en")))
    public = logged_in(create_app(Settings(database_url=url, mode="public", language="en")))

    kampen = council.get("/api/v1/indicators").get_json()
    zwolle = council.get(f"/api/v1/indicators?municipality={OTHER}").get_json()
    assert {r["municipality"] for r in kampen} == {"Kampen"} and {r["municipality"] for r in zwolle} == {OTHER}
    assert {r["slug"] for r in zwolle} == {r["slug"] for r in kampen}
    assert [r["value"] for r in zwolle] != [r["value"] for r in kampen]
    assert {r["publication_status"] for r in zwolle} == {"draft"}
    assert [r["municipality"] for r in council.get("/api/v1/indicators/municipalities").get_json()] == ["Kampen", OTHER]

    values = council.get(f"/api/v1/indicators/values?indicator=youth-care-per-1000&municipality={OTHER}").get_json()
    assert values and {r["municipality"] for r in values} == {OTHER}
    assert values != council.get("/api/v1/indicators/values?indicator=youth-care-per-1000").get_json()

    assert council.get(f"/api/v1/indicators?municipality={EMPTY}").status_code == 404  # known, but no layer
    assert council.get("/api/v1/indicators?municipality=Atlantis").status_code == 404
    assert council.get(f"/api/v1/indicators/values?indicator=youth-care-per-1000&municipality={EMPTY}").status_code == 404
    # the public site: Zwolle's layer is a draft, so it does not exist there; Kampen's is published
    assert public.get(f"/api/v1/indicators?municipality={OTHER}").status_code == 404
    assert public.get(f"/api/v1/indicators/values?indicator=youth-care-per-1000&municipality={OTHER}").status_code == 404
    assert [r["municipality"] for r in public.get("/api/v1/indicators/municipalities").get_json()] == ["Kampen"]
    assert public.get("/api/v1/indicators").get_json() == kampen


def test_pages_show_the_home_municipalitys_layer(store, tmp_path):
    from tests.helpers import render_path, logged_in

    assert main(["import", str(other_files(tmp_path / "zwolle")), "--publish"]) == 0
    client = logged_in(create_app(Settings(database_url=str(store.url), mode="council", language="en")))
    _title, text = render_path(client, "/indicator/youth-care-per-1000")
    assert "122.7" in text  # Kampen's 2025 value, not Zwolle's
    assert "Municipality of Kampen" in text and "Municipality of Zwolle" not in text


def test_generator_is_deterministic_per_municipality(tmp_path):
    gen = generator()
    for name, out in ((OTHER, "a"), (OTHER, "b"), ("Súdwest-Fryslân", "c"), ("Kampen", "d")):
        gen.main(["--municipality", name, "--out", str(tmp_path / out)])
    files = ("indicators.csv", "indicator_targets.csv", "indicator_values.csv", "stories.csv")
    read = lambda d, f: (tmp_path / d / f).read_text(encoding="utf-8")  # noqa: E731
    assert all(read("a", f) == read("b", f) for f in files)  # same name, same files
    assert read("a", "indicator_values.csv") != read("c", "indicator_values.csv")  # another name, other values
    assert all(read("d", f) == (DEMO_DIR / "indicators" / f).read_text(encoding="utf-8") for f in files)  # Kampen: the committed demo
    assert "Kampen" not in read("c", "indicators.csv") + read("c", "stories.csv")
    assert "gemeente-sudwest-fryslan" in read("c", "indicators.csv")  # providers: the municipality itself without --providers
