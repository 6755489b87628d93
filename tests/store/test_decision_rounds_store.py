"""Decision rounds in the store (SQLite, and PostgreSQL with TEST_DATABASE_URL): the phases, the locked
yardstick refused by the store and by the database's triggers, all-or-nothing submissions, copies."""

from __future__ import annotations


import pytest
from sqlalchemy import delete, insert, text, update
from sqlalchemy.exc import DBAPIError

from dashboard.domain.decision_record import Criterion, Option
from dashboard.store.database import open_engine
from dashboard.store.decisions import RoundRefused, close, copy_round, default_yardstick, lock, open_round, publish, read_round, save_yardstick, submit
from dashboard.store.schema_decisions import decision_criterion, decision_option, decision_round, decision_submission
from tests.helpers import BACKENDS, empty_store_url, snapshot


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    return empty_store_url(request.param, tmp_path)


@pytest.fixture
def engine(url):
    engine = open_engine(url)
    yield engine
    engine.dispose()


def _yardstick(weights=(25, 20, 20, 20, 15)):
    base = default_yardstick("Armoedeaanpak 2027", "spend", 300_000)
    criteria = tuple(Criterion(c.name, w, c.description) for c, w in zip(base.criteria, weights, strict=True))
    options = (Option("School programme", 120_000), Option("Benefits campaign", 80_000), Option("Debt outreach", 150_000, conflicts=(1,)))
    return base.__class__(**{**base.__dict__, "criteria": criteria, "options": options})


def _scores(value="4"):
    return {(o, c): value for o in range(3) for c in range(5)}, {o: "because" for o in range(3)}


def _messages(refusal) -> list[str]:
    return [p.message for p in refusal.value.problems]


def test_a_round_goes_from_yardstick_to_locked_to_scoring_to_closed(engine):
    round_id = open_round(engine, "Kampen", _yardstick(), "editor")
    assert read_round(engine, round_id).status == "yardstick"
    locked_at = lock(engine, round_id)
    submit(engine, round_id, "alice", "council", *_scores("4"))
    submit(engine, round_id, "bob", "editor", *_scores("2"))
    record = read_round(engine, round_id)
    assert record.status == "scoring" and record.locked_at == locked_at
    assert [s.participant for s in record.submissions] == ["alice", "bob"]
    assert record.scores().shape == (2, 3, 5) and record.scores()[1, 2, 4] == 2
    assert list(record.ruled_out()) == [False, False, True]
    closed_at = close(engine, round_id, "We start the school programme and the campaign.")
    record = read_round(engine, round_id)
    assert record.status == "closed" and record.closed_at == closed_at and record.decision.startswith("We start")
    publish(engine, round_id, True, names_published=False)
    assert read_round(engine, round_id).published


def test_locking_refuses_weights_that_do_not_sum_to_100_and_stores_nothing(engine, url):
    round_id = open_round(engine, "Kampen", _yardstick((25, 20, 20, 20, 10)), "editor")
    before = snapshot(url)
    with pytest.raises(RoundRefused) as refusal:
        lock(engine, round_id)
    assert _messages(refusal) == ["The weights add up to {total}%, not 100%."] and "95%" in str(refusal.value)
    assert snapshot(url) == before


def test_a_locked_yardstick_is_refused_by_the_store_and_by_the_database(engine, url):
    round_id = open_round(engine, "Kampen", _yardstick(), "editor")
    lock(engine, round_id)
    before = snapshot(url)
    with pytest.raises(RoundRefused):
        save_yardstick(engine, round_id, _yardstick((20, 20, 20, 20, 20)))
    with pytest.raises(RoundRefused):
        lock(engine, round_id)
    crafted = [
        update(decision_criterion).where(decision_criterion.c.round_id == round_id).values(weight=50),
        delete(decision_option).where(decision_option.c.round_id == round_id),
        insert(decision_criterion).values(round_id=round_id, position=9, name="Extra", description="", weight=0),
        update(decision_round).where(decision_round.c.id == round_id).values(amount_eur=1),
        update(decision_round).where(decision_round.c.id == round_id).values(locked_at=None),
        delete(decision_round).where(decision_round.c.id == round_id),
    ]
    for statement in crafted:  # any other connection: the triggers
        with pytest.raises(DBAPIError, match="locked"):
            with engine.begin() as conn:
                conn.execute(statement)
    assert snapshot(url) == before


def test_scores_are_refused_before_locking_after_closing_outside_the_scale_and_twice(engine, url):
    round_id = open_round(engine, "Kampen", _yardstick(), "editor")
    with pytest.raises(RoundRefused) as refusal:
        submit(engine, round_id, "alice", "council", *_scores())
    assert "open for scoring" in str(refusal.value)
    lock(engine, round_id)
    before = snapshot(url)
    scores, reasons = _scores()
    for bad in ({**scores, (0, 0): "6"}, {**scores, (0, 0): "0"}, {k: v for k, v in scores.items() if k != (2, 4)}, {**scores, (7, 0): "3"}):
        with pytest.raises(RoundRefused):
            submit(engine, round_id, "alice", "council", bad, reasons)
    with pytest.raises(RoundRefused) as refusal:
        submit(engine, round_id, "alice", "council", scores, {0: "x", 1: "y"})
    assert _messages(refusal) == ["{option}: give a short reason for your scores."]
    assert snapshot(url) == before
    submit(engine, round_id, "alice", "council", scores, reasons)
    with pytest.raises(RoundRefused, match="already submitted"):
        submit(engine, round_id, "alice", "council", scores, reasons)
    close(engine, round_id, "Decided.")
    with pytest.raises(RoundRefused, match="open for scoring"):
        submit(engine, round_id, "bob", "council", scores, reasons)
    with pytest.raises(DBAPIError, match="closed"):
        with engine.begin() as conn:
            conn.execute(insert(decision_submission).values(round_id=round_id, participant="eve", role="council", submitted_at=read_round(engine, round_id).closed_at))
    with pytest.raises(DBAPIError, match="closed"):
        with engine.begin() as conn:
            conn.execute(text("UPDATE decision_round SET decision = 'other' WHERE id = :id"), {"id": round_id})


def test_a_change_after_locking_is_a_new_round_and_both_are_kept(engine):
    round_id = open_round(engine, "Kampen", _yardstick(), "editor")
    lock(engine, round_id)
    copy_id = copy_round(engine, round_id, "editor2")
    save_yardstick(engine, copy_id, _yardstick((20, 20, 20, 20, 20)))
    old, new = read_round(engine, round_id), read_round(engine, copy_id)
    assert old.status == "locked" and [c.weight for c in old.yardstick.criteria] == [25, 20, 20, 20, 15]
    assert new.status == "yardstick" and new.copied_from_id == round_id and [c.weight for c in new.yardstick.criteria] == [20] * 5
    assert new.yardstick.options[2].conflicts == (1,)


def test_only_a_closed_round_can_be_published(engine):
    round_id = open_round(engine, "Kampen", _yardstick(), "editor")
    with pytest.raises(RoundRefused, match="closed round"):
        publish(engine, round_id, True)
