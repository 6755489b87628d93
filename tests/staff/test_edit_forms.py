"""Small edits in forms (issue 14): an editor changes a story, a value or a target through the import's own
checks; the results layer becomes a draft that council sees and the public site does not until an admin publishes."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from dashboard.config.settings import Settings
from dashboard.demo.load import load_demo
from dashboard.store.audit import AuditFilter, events
from dashboard.store.database import open_engine
from dashboard.store.indicators import read_results_layer
from dashboard.store.schema_indicators import indicator_import
from dashboard.web.app_factory import create_app
from tests.helpers import BACKENDS, empty_store_url, logged_in, render_path

SLUG = "youth-care-per-1000"
NEW_STORY = "Na de scholensluiting groeide vooral de lichte ambulante hulp, verwezen door huisartsen."


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """A store with the demo (its results layer published), on SQLite and on PostgreSQL when
    ``TEST_DATABASE_URL`` names one that may be emptied."""
    url = empty_store_url(request.param, tmp_path)
    engine = open_engine(url)
    load_demo(engine, national=False)  # the illustrative results layer, published
    engine.dispose()
    return url


@pytest.fixture
def app(store_url):
    return create_app(Settings(database_url=store_url, load_demo=False, demo_accounts=False, language="en"))


def _engine(app):
    return app.server.extensions["social_dashboard"].service.repository.engine


def _layer(app) -> dict:
    with _engine(app).connect() as conn:
        return read_results_layer(conn, "Kampen")


def _status(app) -> str:
    with _engine(app).connect() as conn:
        return conn.execute(select(indicator_import.c.status)).scalar_one()


def _story_index(app) -> int:
    return next(i for i, s in enumerate(_layer(app)["stories"]) if s["indicator"] == SLUG)


def _yearly_value(app) -> dict:
    return next(v for v in _layer(app)["values"] if v["indicator"] == SLUG)


def _check_and_save(client, form: dict):
    check = client.post("/edit", data=form)
    assert check.status_code == 200, check.get_data(as_text=True)[:2000]
    assert "Save as draft" in check.get_data(as_text=True)
    return client.post("/edit", data={**form, "confirm": "1"})


def test_an_editor_changes_a_story_and_a_value_which_stay_off_the_public_site_until_published(app, store_url):
    editor = logged_in(app, "editor")
    form_page = editor.get("/edit?lang=nl").get_data(as_text=True)
    assert "concept tot de griffie hem publiceert" in form_page
    index, value = _story_index(app), _yearly_value(app)
    chosen = editor.get(f"/edit?story={index}").get_data(as_text=True)
    assert _layer(app)["stories"][index]["text"] in chosen.replace("&#39;", "'")  # the text to change, in the form
    assert _check_and_save(editor, {"form": "story", "story": str(index), "text": NEW_STORY}).status_code == 200
    period = str(value["year"])
    saved = _check_and_save(editor, {"form": "value", "indicator": SLUG, "period": period, "value": "41.5", "note": ""})
    assert saved.status_code == 200 and "Saved as draft" in saved.get_data(as_text=True)

    assert _status(app) == "draft"
    assert _layer(app)["stories"][index]["text"] == NEW_STORY
    assert next(v for v in _layer(app)["values"] if v["indicator"] == SLUG and v["year"] == value["year"] and v["quarter"] == 0)["value"] == 41.5
    council = logged_in(app, "council")
    _title, text = render_path(council, f"/indicator/{SLUG}")
    assert NEW_STORY in text
    values = council.get(f"/api/v1/indicators/values?indicator={SLUG}").get_json()
    assert 41.5 in [row["value"] for row in values]

    public = create_app(Settings(database_url=store_url, mode="public", load_demo=False, language="en"))
    visitor = logged_in(public)
    assert render_path(visitor, f"/indicator/{SLUG}")[0] == "Page not found"
    admin = logged_in(app, "admin")
    published = admin.post("/publish", data={"change": "publish", "layer": "indicators", "municipality": "Kampen", "confirm": "1"})
    assert published.status_code == 200, published.get_data(as_text=True)[:1000]
    assert _status(app) == "published"
    assert NEW_STORY in render_path(visitor, f"/indicator/{SLUG}")[1]
    story_edit = next(e for e in events(_engine(app), AuditFilter()) if e["action"] == "edit" and "story" in e["detail"])
    assert f"({SLUG}, " in story_edit["detail"] and f"-> {NEW_STORY!r}" in story_edit["detail"]


@pytest.mark.parametrize("form, message", [
    ({"form": "value", "indicator": SLUG, "period": "2024", "value": "veel", "note": ""}, "Value: 'veel' is not a number"),
    ({"form": "value", "indicator": SLUG, "period": "2024-Q2", "value": "40", "note": ""}, "Period: youth-care-per-1000 is measured yearly: write the period like 2025, not 2024-Q2"),
    ({"form": "target", "indicator": SLUG, "year": "2026", "minimum": "10", "maximum": ""}, "needs a maximum and no minimum"),
])
def test_a_bad_value_is_refused_with_a_clear_message_and_nothing_changes(app, form, message):
    before = _layer(app)
    editor = logged_in(app, "editor")
    for data in (form, {**form, "confirm": "1"}):
        response = editor.post("/edit", data=data)
        assert response.status_code == 400
        body = response.get_data(as_text=True)
        assert "nothing was stored" in body and message in body.replace("&#39;", "'"), body[:3000]
        assert re.search(r"edit/indicator_(values|targets)\.csv:\d+: (value|period|minimum): ", body)  # and as an import says it
    assert _layer(app) == before and _status(app) == "published"
    assert "edit" not in [e["action"] for e in events(_engine(app), AuditFilter())]


@pytest.mark.parametrize("form, lines", [
    ({"form": "value", "indicator": SLUG, "period": "2024", "value": "veel", "note": ""}, ["Waarde: 'veel' is geen getal", ": value: 'veel' is geen getal"]),
    ({"form": "value", "indicator": SLUG, "period": "2024-Q2", "value": "40", "note": ""},
     ["Periode: youth-care-per-1000 wordt jaarlijks gemeten: schrijf de periode als 2025, niet 2024-Q2"]),
])
def test_on_the_dutch_page_the_import_s_problems_are_said_in_dutch(app, form, lines):
    response = logged_in(app, "editor").post("/edit?lang=nl", data=form)
    body = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 400 and "De wijziging breekt een regel van de import; er is niets opgeslagen." in body
    assert [line for line in lines if line not in body] == [], body[:3000]
    assert re.search(r"edit/indicator_values\.csv:\d+: (value|period): ", body)


def test_a_council_session_may_not_edit_and_its_crafted_post_changes_nothing(app):
    before = _layer(app)
    council = logged_in(app, "council")
    assert council.get("/edit").status_code == 403
    crafted = {"form": "story", "story": "0", "text": "Gewijzigd door de raad", "confirm": "1"}
    assert council.post("/edit", data=crafted).status_code == 403
    assert _layer(app) == before and _status(app) == "published"
    anonymous = app.server.test_client()
    assert anonymous.post("/edit", data=crafted).status_code in (400, 401, 403)
    assert _layer(app) == before


def test_the_audit_log_has_the_edit_with_its_old_and_new_value(app):
    value = _yearly_value(app)
    editor = logged_in(app, "editor")
    _check_and_save(editor, {"form": "value", "indicator": SLUG, "period": str(value["year"]), "value": "39.25", "note": "herberekend"})
    edits = [e for e in events(_engine(app), AuditFilter()) if e["action"] == "edit"]
    assert len(edits) == 1
    assert edits[0]["actor"] == "test-editor"
    assert re.search(rf"{SLUG} {value['year']}: value {value['value']:g}(\.0)? -> 39.25", edits[0]["detail"]), edits[0]["detail"]
    assert "note - -> herberekend" in edits[0]["detail"]
    assert edits[0]["address"]


def test_an_edit_that_changes_nothing_stores_the_same_layer_again_as_draft(app):
    """The stored layer read back as files and imported again loses or alters nothing (the edit path cannot drift)."""
    before = _layer(app)
    index = _story_index(app)
    editor = logged_in(app, "editor")
    _check_and_save(editor, {"form": "story", "story": str(index), "text": before["stories"][index]["text"]})
    after = _layer(app)
    assert after["status"] == "draft"
    assert {k: v for k, v in after.items() if k not in ("status", "source")} == {k: v for k, v in before.items() if k not in ("status", "source")}
