"""The savings API: targets, measures, progress, review list and learning notes for Kampen, CSV with
formula-leading text quoted, 404 without a target, 400 for a bad theme, all in the API index and OpenAPI."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from dashboard.__main__ import main
from dashboard.config.paths import DEMO_DIR
from dashboard.config.settings import Settings
from dashboard.demo.load import load_demo
from dashboard.store.database import open_engine
from dashboard.web.app_factory import create_app
from tests.helpers import logged_in

PATHS = ("/api/v1/savings/targets", "/api/v1/savings/measures", "/api/v1/savings/progress", "/api/v1/savings/review", "/api/v1/savings/learning-notes")


def test_targets_add_up_and_progress_reconciles(client):
    targets = client.get("/api/v1/savings/targets").get_json()
    assert len(targets) == 20 and sum(r["amount_eur"] for r in targets) == targets[0]["total_eur"] == 4_000_000
    progress = client.get("/api/v1/savings/progress").get_json()
    assert [r["year"] for r in progress] == [2020, 2021, 2022, 2023, 2024] and progress[-1]["gap_eur"] == 520_000
    work = client.get("/api/v1/savings/progress?theme=work").get_json()
    assert {r["theme"] for r in work} == {"Work"} and work[-1]["target_cumulative_eur"] == 800_000


def test_measures_carry_their_flags_and_lights(client):
    measures = {m["slug"]: m for m in client.get("/api/v1/savings/measures").get_json()}
    assert measures["werkcafe"]["flagged"] is True and measures["werkcafe"]["must_not_harm"] == ["outflow-to-work: off track"]
    assert measures["aids-depot"]["flagged"] is False
    assert measures["close-residential-group"]["status"] == "dropped"


def test_review_and_learning_notes(client):
    review = client.get("/api/v1/savings/review").get_json()
    assert {"programme": "informal-care-support", "reason": "off track, money did not fall", "decision": "adjust"}.items() <= next(
        r for r in review if r["programme"] == "informal-care-support" and r["reason"].startswith("off track")
    ).items()
    notes = client.get("/api/v1/savings/learning-notes?theme=young").get_json()
    assert {n["decision"] for n in notes} == {"stop", "continue"}


@pytest.mark.parametrize("path", PATHS)
def test_listed_csv_and_errors(client, path):
    assert any(address.startswith(path + "?") for address in client.get("/api/v1/").get_json()["endpoints"])
    assert path in client.get("/api/v1/openapi.json").get_json()["paths"]
    response = client.get(path + "?format=csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert client.get(path + "?municipality=Zwolle").status_code == 404
    assert client.get(path + "?municipality=Atlantis").status_code == 404
    assert client.get(path + "?nonsense=1").status_code == 400


def test_bad_theme_is_400(client):
    assert client.get("/api/v1/savings/measures?theme=health").status_code == 400


@pytest.fixture(scope="module")
def formula_client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("savings-formulas")
    files = folder / "savings"
    shutil.copytree(DEMO_DIR / "savings", files)
    notes = files / "learning_notes.csv"
    notes.write_text(notes.read_text(encoding="utf-8").replace(";Team Work and Income;en", ';"=HYPERLINK(""http://example.com"")";en'), encoding="utf-8")
    url = f"sqlite:///{folder / 'store.sqlite'}"
    engine = open_engine(url)
    load_demo(engine, national=False)
    engine.dispose()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        assert main(["import", str(files), "--publish"]) == 0
    return logged_in(create_app(Settings(database_url=url, load_demo=False)))


def test_a_formula_in_a_learning_note_is_text_in_the_csv(formula_client):
    rows = list(csv.DictReader(io.StringIO(formula_client.get("/api/v1/savings/learning-notes?format=csv").get_data(as_text=True))))
    authors = {row["author"] for row in rows}
    assert '\'=HYPERLINK("http://example.com")' in authors
    assert not any(a.startswith("=") for a in authors)


def test_public_site_never_sees_a_draft_savings_layer(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    engine = open_engine(url)
    load_demo(engine, national=False)
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["import", str(DEMO_DIR / "savings")]) == 0  # a draft now
    public = create_app(Settings(database_url=url, load_demo=False, mode="public")).server.test_client()
    council = logged_in(create_app(Settings(database_url=url, load_demo=False, mode="council")))
    for path in PATHS:
        assert public.get(path).status_code == 404, path
        assert council.get(path).status_code == 200, path
    from tests.helpers import render_path

    assert "There is no savings target for Kampen yet." in render_path(public, "/savings?lang=en")[1]
    assert "Draft" in render_path(council, "/savings?lang=en")[1]


def test_provider_effects_name_programmes_instruments_and_off_track_outcomes(client):
    rows = client.get("/api/v1/programme-providers?programme=reintegration&year=2024&document=begroting").get_json()
    provider = max(rows, key=lambda r: r["amount_eur"])["provider"]
    effects = client.get(f"/api/v1/savings/provider-effects?provider={provider}&year=2024&document=begroting").get_json()
    mine = next(r for r in effects if r["programme"] == "reintegration")
    assert mine["outcome_indicators"] == ["outflow-to-work: off track"] and mine["off_track"] == ["outflow-to-work"]
    assert mine["instruments"] and mine["amount_eur"] > 0 and mine["theme"] == "Work"
    text = client.get(f"/api/v1/savings/provider-effects?provider={provider}&year=2024&document=begroting&format=csv").get_data(as_text=True)
    assert "outflow-to-work: off track" in text and text.startswith("municipality,")
    assert client.get("/api/v1/savings/provider-effects").status_code == 400
    assert client.get("/api/v1/savings/provider-effects?provider=nobody").status_code == 404


def test_cost_trends_per_programme_and_year(client):
    rows = client.get("/api/v1/savings/cost-trends?theme=work").get_json()
    reintegration = [r for r in rows if r["programme"] == "reintegration"]
    assert [r["year"] for r in reintegration] == sorted(r["year"] for r in reintegration) and len(reintegration) >= 3
    assert any(r["distance_share"] for r in reintegration) and any(r["cost_per_client_eur"] for r in reintegration)
    assert client.get("/api/v1/savings/cost-trends").status_code == 400
    assert client.get("/api/v1/savings/cost-trends?theme=work&document=bogus").status_code == 400
    assert "distance_share" in client.get("/api/v1/savings/cost-trends?theme=work&format=csv").get_data(as_text=True).splitlines()[0]
