"""Decision rounds in the store: open, set the yardstick, lock, score, close, publish, copy; read back.

Every change reads the round's phase in its own transaction and asks ``domain.decision_record`` whether
the step is allowed, so a crafted request is refused like the page's form (``RoundRefused``, nothing
stored). The database's triggers (migration 0005) refuse a change to a locked yardstick or a closed
record on any other connection too; should one fire here, it is reported as the same refusal.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from dashboard.domain.decision_record import (
    DEFAULT_CRITERIA,
    DEFAULT_PRINCIPLES,
    DEFAULT_STEPS,
    PHASE_RULES,
    Criterion,
    Option,
    Round,
    Submission,
    Yardstick,
    check_phase,
    submission_problems,
    yardstick_problems,
)
from dashboard.domain.decision_rounds import CLOSED, KINDS, LOCKED, SCORING, SPEND, YARDSTICK, RoundProblem
from dashboard.store.schema_decisions import CLOSED as CLOSED_BY_TRIGGER
from dashboard.store.schema_decisions import LOCKED as LOCKED_BY_TRIGGER
from dashboard.store.schema_decisions import (
    decision_conflict,
    decision_criterion,
    decision_option,
    decision_principle,
    decision_reason,
    decision_round,
    decision_scale_step,
    decision_score,
    decision_submission,
)


class RoundRefused(ValueError):
    """A step the round's rules refuse; ``problems`` say why (RoundProblem: English text and values)."""

    def __init__(self, problems: list[RoundProblem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class RoundMissing(LookupError):
    """No round with that id (in this municipality)."""


def _now() -> datetime:
    return datetime.now(UTC)


def default_yardstick(title: str, kind: str = SPEND, amount_eur: int = 0, words=lambda text: text) -> Yardstick:
    """A new round's yardstick: the five default criteria, the 1–5 scale and the three principles, in
    the words ``words`` gives them (the editor's language; they are the round's own text from then on)."""
    return Yardstick(
        title=title,
        kind=kind,
        amount_eur=amount_eur,
        criteria=tuple(Criterion(words(name), weight, words(description)) for name, weight, description in DEFAULT_CRITERIA),
        steps=tuple(words(step) for step in DEFAULT_STEPS),
        principles=tuple(words(name) for name in DEFAULT_PRINCIPLES),
        options=(),
    )


def open_round(engine: Engine, municipality: str, yardstick: Yardstick, created_by: str, illustrative: bool = False,
               copied_from_id: int | None = None) -> int:
    """A new round in phase ``yardstick``; returns its id."""
    _refuse(yardstick_problems(yardstick, locking=False) + ([] if yardstick.kind in KINDS else [RoundProblem("Choose spending or a saving.")]))
    with engine.begin() as conn:
        round_id = conn.execute(
            insert(decision_round).values(
                municipality=municipality, title=yardstick.title.strip(), kind=yardstick.kind, amount_eur=yardstick.amount_eur,
                scale_max=len(yardstick.steps), status=YARDSTICK, created_at=_now(), created_by=created_by, published=False,
                names_published=False, illustrative=illustrative, copied_from_id=copied_from_id,
            )
        ).inserted_primary_key[0]
        _write_yardstick(conn, round_id, yardstick)
    return int(round_id)


def save_yardstick(engine: Engine, round_id: int, yardstick: Yardstick) -> None:
    """Replace the round's yardstick (title, amount, criteria, scale, principles, options) while it is open."""
    _refuse(yardstick_problems(yardstick, locking=False) + ([] if yardstick.kind in KINDS else [RoundProblem("Choose spending or a saving.")]))
    with _changing(engine) as conn:
        _phase(conn, round_id, "edit")
        conn.execute(update(decision_round).where(decision_round.c.id == round_id).values(
            title=yardstick.title.strip(), kind=yardstick.kind, amount_eur=yardstick.amount_eur, scale_max=len(yardstick.steps)))
        for table in (decision_option, decision_principle, decision_criterion, decision_scale_step):
            conn.execute(delete(table).where(table.c.round_id == round_id))
        _write_yardstick(conn, round_id, yardstick)


def lock(engine: Engine, round_id: int, audit=None) -> datetime:
    """Lock the yardstick (weights must sum to 100): from now on it cannot change. Returns the time.
    ``audit(conn, what)``: called in the same transaction (the audit event exists exactly when the change does)."""
    with _changing(engine) as conn:
        _phase(conn, round_id, "lock")
        _refuse(yardstick_problems(_read(conn, round_id).yardstick, locking=True))
        at = _now()
        conn.execute(update(decision_round).where(decision_round.c.id == round_id).values(status=LOCKED, locked_at=at))
        _audit(audit, conn, f"locked the yardstick of round {round_id} at {at.isoformat()}")
    return at


def submit(engine: Engine, round_id: int, participant: str, role: str, raw_scores: dict, reasons: dict, audit=None) -> None:
    """One participant's complete scores (option, criterion positions -> text) and reasons, all or nothing."""
    with _changing(engine) as conn:
        _phase(conn, round_id, "score")
        record = _read(conn, round_id)
        if record.submitted_by(participant):
            raise RoundRefused([RoundProblem(ALREADY_SUBMITTED)])
        scores, kept, problems = submission_problems(record, raw_scores, reasons)
        _refuse(problems)
        options = _ids(conn, decision_option, round_id)
        criteria = _ids(conn, decision_criterion, round_id)
        submission_id = conn.execute(insert(decision_submission).values(
            round_id=round_id, participant=participant, role=role, submitted_at=_now())).inserted_primary_key[0]
        conn.execute(insert(decision_score), [
            {"submission_id": submission_id, "option_id": options[o], "criterion_id": criteria[c], "score": v} for (o, c), v in scores.items()])
        conn.execute(insert(decision_reason), [{"submission_id": submission_id, "option_id": options[o], "reason": r} for o, r in kept.items()])
        if record.status == LOCKED:
            conn.execute(update(decision_round).where(decision_round.c.id == round_id).values(status=SCORING))
        _audit(audit, conn, f"submitted scores for round {round_id}")


def close(engine: Engine, round_id: int, decision: str, audit=None) -> datetime:
    """Record the decision taken, with the date: the round becomes a record."""
    text = (decision or "").strip()
    if not text:
        raise RoundRefused([RoundProblem("Write down the decision taken before closing the round.")])
    with _changing(engine) as conn:
        _phase(conn, round_id, "close")
        at = _now()
        conn.execute(update(decision_round).where(decision_round.c.id == round_id).values(status=CLOSED, closed_at=at, decision=text))
        _audit(audit, conn, f"closed round {round_id} at {at.isoformat()}")
    return at


def publish(engine: Engine, round_id: int, published: bool, names_published: bool = False, audit=None) -> None:
    """Show a closed round on the public site (with or without the participants' names), or withdraw it."""
    with _changing(engine) as conn:
        _phase(conn, round_id, "publish")
        conn.execute(update(decision_round).where(decision_round.c.id == round_id).values(
            published=published, names_published=published and names_published))
        _audit(audit, conn, f"{'published' if published else 'withdrew'} round {round_id}{' with names' if published and names_published else ''}")


def copy_round(engine: Engine, round_id: int, created_by: str) -> int:
    """A new round with this round's yardstick, open to change; the old round stays as it was."""
    with engine.connect() as conn:
        old = _read(conn, round_id)
    return open_round(engine, old.municipality, old.yardstick, created_by, illustrative=old.illustrative, copied_from_id=old.id)


def rounds(engine: Engine, municipality: str, published_only: bool = False) -> list[dict]:
    """The rounds of a municipality, newest first (id, title, status, dates, published)."""
    query = select(decision_round).where(decision_round.c.municipality == municipality).order_by(decision_round.c.id.desc())
    if published_only:
        query = query.where(decision_round.c.published.is_(True))
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def read_round(engine: Engine, round_id: int, municipality: str | None = None) -> Round:
    with engine.connect() as conn:
        record = _read(conn, round_id)
    if municipality is not None and record.municipality != municipality:
        raise RoundMissing(round_id)
    return record


def _audit(audit, conn: Connection, what: str) -> None:
    if audit is not None:
        audit(conn, what)


def _refuse(problems: list[RoundProblem]) -> None:
    if problems:
        raise RoundRefused(problems)


class _changing:
    """A write transaction whose trigger refusals become ``RoundRefused`` (the rule said first)."""

    def __init__(self, engine: Engine):
        self._context = engine.begin()

    def __enter__(self) -> Connection:
        return self._context.__enter__()

    def __exit__(self, kind, error, trace):
        handled = self._context.__exit__(kind, error, trace)
        said = str(getattr(error, "orig", "")) if isinstance(error, DBAPIError) else ""
        if LOCKED_BY_TRIGGER in said:
            raise RoundRefused([RoundProblem(PHASE_RULES["edit"][1])]) from error
        if CLOSED_BY_TRIGGER in said:
            raise RoundRefused([RoundProblem(PHASE_RULES["score"][1])]) from error
        if isinstance(error, IntegrityError) and ("uq_decision_submission_participant" in said or "decision_submission.round_id" in said):
            raise RoundRefused([RoundProblem(ALREADY_SUBMITTED)]) from error  # two submissions of one participant at once
        return handled


ALREADY_SUBMITTED = "You have already submitted your scores for this round."


def _phase(conn: Connection, round_id: int, step: str) -> None:
    status = conn.execute(select(decision_round.c.status).where(decision_round.c.id == round_id)).scalar_one_or_none()
    if status is None:
        raise RoundMissing(round_id)
    try:
        check_phase(status, step)
    except RoundProblem as problem:
        raise RoundRefused([problem]) from None


def _write_yardstick(conn: Connection, round_id: int, yardstick: Yardstick) -> None:
    conn.execute(insert(decision_scale_step), [{"round_id": round_id, "value": i, "description": d.strip()} for i, d in enumerate(yardstick.steps, 1)])
    if yardstick.criteria:
        conn.execute(insert(decision_criterion), [
            {"round_id": round_id, "position": i, "name": c.name.strip(), "description": c.description.strip(), "weight": c.weight}
            for i, c in enumerate(yardstick.criteria)])
    principles = [conn.execute(insert(decision_principle).values(round_id=round_id, position=i, name=name.strip())).inserted_primary_key[0]
                  for i, name in enumerate(yardstick.principles)]
    for i, option in enumerate(yardstick.options):
        option_id = conn.execute(insert(decision_option).values(
            round_id=round_id, position=i, name=option.name.strip(), description=option.description.strip(), amount_eur=option.amount_eur)).inserted_primary_key[0]
        if option.conflicts:
            conn.execute(insert(decision_conflict), [{"option_id": option_id, "principle_id": principles[p]} for p in sorted(set(option.conflicts))])


def _ids(conn: Connection, table, round_id: int) -> list[int]:
    return list(conn.execute(select(table.c.id).where(table.c.round_id == round_id).order_by(table.c.position)).scalars())


def _read(conn: Connection, round_id: int) -> Round:
    row = conn.execute(select(decision_round).where(decision_round.c.id == round_id)).mappings().first()
    if row is None:
        raise RoundMissing(round_id)
    criteria = conn.execute(select(decision_criterion).where(decision_criterion.c.round_id == round_id).order_by(decision_criterion.c.position)).mappings().all()
    principles = conn.execute(select(decision_principle).where(decision_principle.c.round_id == round_id).order_by(decision_principle.c.position)).mappings().all()
    options = conn.execute(select(decision_option).where(decision_option.c.round_id == round_id).order_by(decision_option.c.position)).mappings().all()
    steps = conn.execute(select(decision_scale_step.c.description).where(decision_scale_step.c.round_id == round_id).order_by(decision_scale_step.c.value)).scalars().all()
    principle_at = {p["id"]: i for i, p in enumerate(principles)}
    option_at = {o["id"]: i for i, o in enumerate(options)}
    criterion_at = {c["id"]: i for i, c in enumerate(criteria)}
    conflicts: dict[int, list[int]] = {}
    for option_id, principle_id in conn.execute(select(decision_conflict.c.option_id, decision_conflict.c.principle_id).where(
            decision_conflict.c.option_id.in_(list(option_at) or [-1]))):
        conflicts.setdefault(option_id, []).append(principle_at[principle_id])
    submissions = []
    for s in conn.execute(select(decision_submission).where(decision_submission.c.round_id == round_id).order_by(decision_submission.c.id)).mappings():
        scores = {(option_at[o], criterion_at[c]): v for o, c, v in conn.execute(select(
            decision_score.c.option_id, decision_score.c.criterion_id, decision_score.c.score).where(decision_score.c.submission_id == s["id"]))}
        reasons = {option_at[o]: r for o, r in conn.execute(select(decision_reason.c.option_id, decision_reason.c.reason).where(
            decision_reason.c.submission_id == s["id"]))}
        submissions.append(Submission(s["participant"], s["role"], _utc(s["submitted_at"]), scores, reasons))
    yardstick = Yardstick(
        title=row["title"], kind=row["kind"], amount_eur=int(row["amount_eur"]),
        criteria=tuple(Criterion(c["name"], int(c["weight"]), c["description"], c["id"]) for c in criteria),
        steps=tuple(steps), principles=tuple(p["name"] for p in principles),
        options=tuple(Option(o["name"], int(o["amount_eur"]), o["description"], tuple(sorted(conflicts.get(o["id"], ()))), o["id"]) for o in options),
    )
    return Round(
        id=row["id"], municipality=row["municipality"], status=row["status"], yardstick=yardstick, created_at=_utc(row["created_at"]),
        created_by=row["created_by"], locked_at=_utc(row["locked_at"]), closed_at=_utc(row["closed_at"]), decision=row["decision"],
        published=bool(row["published"]), names_published=bool(row["names_published"]), illustrative=bool(row["illustrative"]),
        copied_from_id=row["copied_from_id"], submissions=tuple(submissions),
    )


def _utc(value: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back; they were written in UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)
