"""Decision rounds through the staff pages (issue 16): an editor opens a round, sets and locks its
yardstick; two participants score; the result and its robustness; closing records the decision.
Every refusal holds for a crafted POST as for the form: 4xx with a clear message, nothing stored."""

from __future__ import annotations

import re

import pytest

from dashboard.config.settings import Settings
from dashboard.web.app_factory import create_app
from tests.helpers import BACKENDS, empty_store_url, logged_in, snapshot


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    return empty_store_url(request.param, tmp_path)


@pytest.fixture
def app(store_url):
    return create_app(Settings(database_url=store_url, load_demo=False, demo_accounts=False, language="en"))


def _csrf(client) -> str:
    return client.get_cookie("_csrf_token").value


def _post(client, path: str, data: dict):
    return client.post(path, data={"csrf_token": _csrf(client), **data})


YARDSTICK = {
    "title": "Poverty approach 2027", "kind": "spend", "amount": "250.000",
    **{f"criterion-name-{i}": n for i, n in enumerate(["Importance", "Urgency", "Political priority", "Expected return", "Fit with the leading principles"])},
    **{f"criterion-weight-{i}": w for i, w in enumerate(["25", "20", "20", "20", "15"])},
    **{f"step-{i}": f"step {i}" for i in range(1, 6)},
    "principle-0": "Care close by", "principle-1": "Prevention", "principle-2": "Residents in charge",
    "option-name-0": "School programme", "option-amount-0": "120.000",
    "option-name-1": "Benefits-uptake campaign", "option-amount-1": "80000",
    "option-name-2": "Debt-help outreach", "option-amount-2": "€ 150 000", "option-conflict-2-2": "1",
}


def _scores(by_option: list[int], reason="fits") -> dict:
    return {**{f"score-{o}-{c}": str(v) for o, v in enumerate(by_option) for c in range(5)}, **{f"reason-{o}": reason for o in range(len(by_option))}}


def _open(editor) -> int:
    response = _post(editor, "/rounds", {"title": "Poverty approach 2027", "kind": "spend", "amount": "250000"})
    assert response.status_code == 303, response.get_data(as_text=True)[:1000]
    return int(re.search(r"/rounds/(\d+)", response.headers["Location"])[1])


def test_a_round_goes_from_yardstick_to_locked_to_scored_to_result_to_closed(app):
    editor, council = logged_in(app, "editor"), logged_in(app, "council")
    round_id = _open(editor)
    page = editor.get(f"/rounds/{round_id}").get_data(as_text=True)
    assert "Importance" in page and "Residents in charge" in page and "Together now: 100%" in page
    assert _post(editor, f"/rounds/{round_id}/yardstick", YARDSTICK).status_code == 200
    assert council.get(f"/rounds/{round_id}/score").status_code == 200  # nothing to score yet: the page says why
    assert "still setting the yardstick" in council.get(f"/rounds/{round_id}").get_data(as_text=True)
    locked = _post(editor, f"/rounds/{round_id}/lock", {})
    assert locked.status_code == 200 and "Yardstick locked on" in locked.get_data(as_text=True)

    assert "after you have submitted" in council.get(f"/rounds/{round_id}/result").get_data(as_text=True)
    assert council.get(f"/rounds/{round_id}/result.csv").status_code == 403
    assert _post(council, f"/rounds/{round_id}/scores", _scores([5, 4, 3])).status_code == 200
    assert _post(editor, f"/rounds/{round_id}/scores", _scores([3, 4, 5])).status_code == 200

    result = council.get(f"/rounds/{round_id}/result").get_data(as_text=True)
    assert "Ranking" in result and "Top-down pick" in result and "Value for money" in result
    assert "ruled out: conflicts with Residents in charge" in result
    assert "How robust is it?" in result and ("stable" in result or "depends on the weights" in result)
    csv = council.get(f"/rounds/{round_id}/result.csv").get_data(as_text=True)
    assert csv.splitlines()[0].startswith("round,rank,option,amount_eur,weighted_score,spread")
    closed = _post(editor, f"/rounds/{round_id}/close", {"decision": "=We start the school programme."})
    assert closed.status_code == 200 and "The round is closed" in closed.get_data(as_text=True)
    record = council.get(f"/rounds/{round_id}/record").get_data(as_text=True)
    assert "We start the school programme" in record and "test-council" in record and "fits" in record
    scores = council.get(f"/rounds/{round_id}/scores.csv").get_data(as_text=True)
    assert "test-editor" in scores
    from dashboard.store.audit import AuditFilter, events

    logged = [(e["actor"], e["action"], e["detail"]) for e in reversed(events(app.server.extensions["social_dashboard"].service.repository.engine, AuditFilter()))
              if e["action"] in ("decide", "score")]
    assert [a for _, a, _ in logged] == ["decide", "decide", "score", "score", "decide"]
    assert logged[1][2].startswith(f"locked the yardstick of round {round_id} at ") and logged[2][0] == "test-council"


def test_locking_with_weights_that_do_not_sum_to_100_is_refused_and_nothing_is_stored(app, store_url):
    editor = logged_in(app, "editor")
    round_id = _open(editor)
    _post(editor, f"/rounds/{round_id}/yardstick", {**YARDSTICK, "criterion-weight-4": "10"})
    before = snapshot(store_url)
    refused = _post(editor, f"/rounds/{round_id}/lock", {})
    assert refused.status_code == 400 and "The weights add up to 95%, not 100%." in refused.get_data(as_text=True)
    assert snapshot(store_url) == before


def test_a_locked_yardstick_cannot_change_through_a_crafted_post_and_a_copy_can(app, store_url):
    editor = logged_in(app, "editor")
    round_id = _open(editor)
    _post(editor, f"/rounds/{round_id}/yardstick", YARDSTICK)
    _post(editor, f"/rounds/{round_id}/lock", {})
    before = snapshot(store_url)
    crafted = _post(editor, f"/rounds/{round_id}/yardstick", {**YARDSTICK, "criterion-weight-0": "45", "criterion-weight-4": "-5"})
    assert crafted.status_code == 400 and "locked" in crafted.get_data(as_text=True)
    crafted = _post(editor, f"/rounds/{round_id}/yardstick", {**YARDSTICK, "option-amount-0": "1"})
    assert crafted.status_code == 400 and "copy the round to a new one" in crafted.get_data(as_text=True)
    assert _post(editor, f"/rounds/{round_id}/lock", {}).status_code == 400
    assert snapshot(store_url) == before
    copied = _post(editor, f"/rounds/{round_id}/copy", {})
    assert copied.status_code == 303
    new_id = int(re.search(r"/rounds/(\d+)", copied.headers["Location"])[1])
    assert _post(editor, f"/rounds/{new_id}/yardstick", {**YARDSTICK, "option-amount-0": "1"}).status_code == 200
    assert "Copied from an earlier round" in editor.get(f"/rounds/{new_id}").get_data(as_text=True)


def test_scores_are_refused_outside_the_scale_before_locking_after_closing_and_for_someone_else(app, store_url):
    editor, council = logged_in(app, "editor"), logged_in(app, "council")
    round_id = _open(editor)
    _post(editor, f"/rounds/{round_id}/yardstick", YARDSTICK)
    early = _post(council, f"/rounds/{round_id}/scores", _scores([3, 3, 3]))
    assert early.status_code == 400 and "open for scoring" in early.get_data(as_text=True)
    _post(editor, f"/rounds/{round_id}/lock", {})
    before = snapshot(store_url)
    outside = _post(council, f"/rounds/{round_id}/scores", {**_scores([3, 3, 3]), "score-0-0": "7"})
    assert outside.status_code == 400 and "School programme, Importance: A score is a whole number from 1 to 5, not 7." in outside.get_data(as_text=True)
    other = _post(council, f"/rounds/{round_id}/scores", {**_scores([3, 3, 3]), "participant": "test-editor"})
    assert other.status_code == 403 and "only give your own scores" in other.get_data(as_text=True)
    no_reason = _post(council, f"/rounds/{round_id}/scores", _scores([3, 3, 3], reason=""))
    assert no_reason.status_code == 400 and "give a short reason" in no_reason.get_data(as_text=True)
    assert snapshot(store_url) == before
    assert _post(council, f"/rounds/{round_id}/scores", _scores([3, 3, 3])).status_code == 200
    assert _post(council, f"/rounds/{round_id}/scores", _scores([3, 3, 3])).status_code == 400  # once
    _post(editor, f"/rounds/{round_id}/close", {"decision": "Decided."})
    late = _post(editor, f"/rounds/{round_id}/scores", _scores([3, 3, 3]))
    assert late.status_code == 400 and "open for scoring" in late.get_data(as_text=True)


def test_roles_are_checked_on_the_server(app):
    editor, council = logged_in(app, "editor"), logged_in(app, "council")
    round_id = _open(editor)
    assert _post(council, "/rounds", {"title": "x", "kind": "spend", "amount": "1"}).status_code == 403
    assert _post(council, f"/rounds/{round_id}/lock", {}).status_code == 403
    assert _post(editor, f"/rounds/{round_id}/publish", {"published": "1"}).status_code == 403
    assert editor.post(f"/rounds/{round_id}/lock", headers={"X-CSRFToken": "wrong"}).status_code == 403  # not this session's CSRF token
    assert editor.get("/rounds/999").status_code == 404


def test_the_pages_are_dutch_first_with_the_default_yardstick_in_dutch(store_url):
    app = create_app(Settings(database_url=store_url, load_demo=False, demo_accounts=False))
    editor = logged_in(app, "editor")
    round_id = _open(editor)
    page = editor.get(f"/rounds/{round_id}").get_data(as_text=True)
    assert '<html lang="nl">' in page and "Maatstaf vastleggen" in page and "Verwacht rendement" in page and "Eigen regie van inwoners" in page
    assert "Lock the yardstick" in editor.get(f"/rounds/{round_id}?lang=en").get_data(as_text=True)


def test_every_text_of_the_decision_pages_has_a_dutch_version():
    """The Jinja templates call t("...") too; the AST scan of tests/i18n sees only Python calls."""
    from pathlib import Path

    import dashboard
    from dashboard.i18n import NL

    call = re.compile(r"""\bt\(\s*(["'])((?:(?!\1).)+)\1""")
    texts = {m[2] for path in Path(dashboard.__file__).parent.glob("staff/decision_*.py") for m in call.finditer(path.read_text(encoding="utf-8"))}
    problem = re.compile(r"""RoundProblem\(\s*(["'])((?:(?!\1).)+)\1""")
    package = Path(dashboard.__file__).parent
    for path in [package / "domain/decision_rounds.py", package / "domain/decision_record.py", package / "store/decisions.py"]:
        texts |= {m[2] for m in problem.finditer(path.read_text(encoding="utf-8"))}
    from dashboard.domain.decision_record import PHASE_RULES
    from dashboard.staff.decision_text import PHASE_NAMES
    from dashboard.store.decisions import ALREADY_SUBMITTED

    texts |= {message for _, message in PHASE_RULES.values()} | set(PHASE_NAMES.values()) | {ALREADY_SUBMITTED}
    assert len(texts) > 150
    assert not sorted(texts - set(NL))


def test_a_ranking_that_flips_on_a_small_change_says_so_in_words(app):
    editor = logged_in(app, "editor")
    round_id = _open(editor)
    _post(editor, f"/rounds/{round_id}/yardstick", YARDSTICK)
    _post(editor, f"/rounds/{round_id}/lock", {})
    # School programme 5 on importance (25 %), the campaign 5 on urgency (20 %), 4 elsewhere: a gap of 5 × 1 / 100;
    # moving 2.5 points from importance to urgency makes them equal
    scores = {**_scores([4, 4, 1]), "score-0-0": "5", "score-1-1": "5"}
    _post(editor, f"/rounds/{round_id}/scores", scores)
    text = editor.get(f"/rounds/{round_id}/result").get_data(as_text=True)
    assert "Careful: the ranking flips on a small change." in text
    assert "School programme and Benefits-uptake campaign: moving 2.5 points from Importance to Urgency makes them equal. A small change flips this." in text
