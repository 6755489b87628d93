"""``/api/v1/decision-rounds``: the same rules as the pages — the public site answers published rounds
only, without names unless published with them; on the council site scores wait for one's own."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.config.settings import Settings
from dashboard.demo.decision_round import load_demo_round
from dashboard.domain.decision_record import Criterion, Option, Yardstick
from dashboard.store.database import open_engine
from dashboard.store.decisions import lock, open_round, submit
from dashboard.web.app_factory import create_app
from tests.helpers import logged_in


@pytest.fixture
def store_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    engine = open_engine(url)
    load_demo_round(engine)  # round 1: closed, published without names
    yardstick = Yardstick("Open round", "spend", 100, (Criterion("A", 60), Criterion("B", 40)), ("low", "mid", "high"), ("P",),
                          (Option("=HYPERLINK(\"http://x\")", 50), Option("Other", 60)))
    round_id = open_round(engine, "Kampen", yardstick, "editor")  # round 2: open for scoring, not published
    lock(engine, round_id)
    submit(engine, round_id, "someone", "council", {(o, c): "2" for o in range(2) for c in range(2)}, {0: "r", 1: "r"})
    engine.dispose()
    return url


def _app(url, mode):
    return create_app(Settings(database_url=url, load_demo=False, demo_accounts=False, language="en", mode=mode))


def test_the_public_site_lists_published_rounds_only_and_hides_names(store_url):
    client = _app(store_url, "public").server.test_client()
    rounds = client.get("/api/v1/decision-rounds").get_json()
    assert [r["id"] for r in rounds] == [1] and rounds[0]["illustrative"] is True
    assert client.get("/api/v1/decision-rounds/result?round=2").status_code == 404
    scores = client.get("/api/v1/decision-rounds/scores?round=1").get_json()
    assert {s["participant"] for s in scores} == {"participant 1", "participant 2", "participant 3", "participant 4"}
    result = client.get("/api/v1/decision-rounds/result?round=1").get_json()
    assert [r["rank"] for r in result] == list(range(1, 7)) and result[-1]["ruled_out_by"] == "Eigen regie van inwoners"
    yardstick = client.get("/api/v1/decision-rounds/yardstick?round=1").get_json()
    assert sum(c["weight"] for c in yardstick["criteria"]) == 100 and yardstick["locked_at"]
    sensitivity = client.get("/api/v1/decision-rounds/sensitivity?round=1&format=csv")
    assert sensitivity.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(sensitivity.get_data(as_text=True))))
    assert len(rows) == 6 and {"points_to_equal_next", "small_change", "stable"} <= set(rows[0])
    page = client.get("/rounds/1/record").get_data(as_text=True)
    assert "Deelnemer 1" in page or "Participant 1" in page
    assert "raadslid (illustratief)" not in page
    assert client.get("/rounds/2/record").status_code == 404
    assert client.get("/rounds/2/score").status_code == 404  # no scoring on the public site


def test_bad_parameters_answer_400_and_unknown_rounds_404(store_url):
    client = _app(store_url, "public").server.test_client()
    assert client.get("/api/v1/decision-rounds/result?round=abc").status_code == 400
    assert client.get("/api/v1/decision-rounds/result?round=%C2%B2").status_code == 400  # a superscript two: a digit to Python, not a number
    assert client.get("/api/v1/decision-rounds/result?round=1&x=1").status_code == 400
    assert client.get("/api/v1/decision-rounds/result?round=99").status_code == 404
    assert client.get("/api/v1/decision-rounds/result?round=1&format=xml").status_code == 400


def test_on_the_council_site_scores_wait_for_ones_own_and_csv_cells_cannot_run(store_url):
    council = logged_in(_app(store_url, "council"), "council")
    assert [r["id"] for r in council.get("/api/v1/decision-rounds").get_json()] == [2, 1]
    assert council.get("/api/v1/decision-rounds/scores?round=2").status_code == 403
    assert council.get("/api/v1/decision-rounds/result?round=2").status_code == 403
    assert council.get("/api/v1/decision-rounds/yardstick?round=2").status_code == 200
    names = {s["participant"] for s in council.get("/api/v1/decision-rounds/scores?round=1").get_json()}
    assert "raadslid (illustratief)" in names  # council sees names of a closed round
    council.post("/rounds/2/scores", data={**{f"score-{o}-{c}": "3" for o in range(2) for c in range(2)}, "reason-0": "a", "reason-1": "b",
                                           "csrf_token": council.get_cookie("_csrf_token").value})
    text = council.get("/api/v1/decision-rounds/result?round=2&format=csv").get_data(as_text=True)
    assert "'=HYPERLINK" in text


def test_the_endpoints_are_in_the_index_and_the_openapi_document(store_url):
    client = _app(store_url, "public").server.test_client()
    index = client.get("/api/v1/").get_json()["endpoints"]
    document = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in ("/api/v1/decision-rounds", "/api/v1/decision-rounds/yardstick", "/api/v1/decision-rounds/scores",
                 "/api/v1/decision-rounds/result", "/api/v1/decision-rounds/sensitivity"):
        assert path in document and any(k.startswith(path + "?") for k in index)
