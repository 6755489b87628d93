"""A decision round as a record — its yardstick, submissions and phase — and the rules of its phases.

Pure: the store reads a round into these classes and asks ``check_phase`` before every change, the
pages and the API ask ``scores_visible`` before they show anyone's scores.

Phases: ``yardstick`` (the editor sets criteria, weights, scale, principles and options) → ``locked``
(timestamped; nothing of the yardstick can change) → ``scoring`` (from the first submission) → ``closed``
(the decision recorded with its date; a record). A change of yardstick after locking means a new round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from dashboard.domain.decision_rounds import CLOSED, LOCKED, REASON_LENGTH, SCORING, YARDSTICK, RoundProblem, check_score, weight_problems

#: The default yardstick a new round starts with (editable until it is locked): name, weight, description.
DEFAULT_CRITERIA = (
    ("Importance", 25, "How much it matters for the residents it is for."),
    ("Urgency", 20, "What happens when it waits a year."),
    ("Political priority", 20, "How closely it follows the coalition agreement and the council's own priorities."),
    ("Expected return", 20, "What it brings about for the money, going by evidence or experience elsewhere."),
    ("Fit with the leading principles", 15, "How well it fits care close by, prevention and residents in charge."),
)
DEFAULT_STEPS = ("Very little", "Little", "Somewhat", "Much", "Very much")
DEFAULT_PRINCIPLES = ("Care close by", "Prevention", "Residents in charge")

#: step -> the phases in which it may be taken, and what is said when the round is in another phase.
PHASE_RULES = {
    "edit": ((YARDSTICK,), "The yardstick of this round is locked; copy the round to a new one to change it."),
    "lock": ((YARDSTICK,), "The yardstick of this round is already locked."),
    "score": ((LOCKED, SCORING), "Scores can be given only while the round is open for scoring: after the yardstick is locked and before the round is closed."),
    "close": ((LOCKED, SCORING), "Only a round whose yardstick is locked and that is not yet closed can be closed."),
    "publish": ((CLOSED,), "Only a closed round can be published."),
}


@dataclass(frozen=True)
class Criterion:
    name: str
    weight: int
    description: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Option:
    name: str
    amount_eur: int
    description: str = ""
    conflicts: tuple[int, ...] = ()  # positions (0-based) of the principles it conflicts with
    id: int | None = None


@dataclass(frozen=True)
class Yardstick:
    """What the editor sets before locking (and a copy carries into a new round)."""

    title: str
    kind: str
    amount_eur: int
    criteria: tuple[Criterion, ...]
    steps: tuple[str, ...]  # description of 1..len(steps)
    principles: tuple[str, ...]
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Submission:
    participant: str
    role: str
    submitted_at: datetime
    scores: dict  # (option position, criterion position) -> score
    reasons: dict  # option position -> reason


@dataclass(frozen=True)
class Round:
    id: int
    municipality: str
    status: str
    yardstick: Yardstick
    created_at: datetime
    created_by: str
    locked_at: datetime | None = None
    closed_at: datetime | None = None
    decision: str | None = None
    published: bool = False
    names_published: bool = False
    illustrative: bool = False
    copied_from_id: int | None = None
    submissions: tuple[Submission, ...] = field(default_factory=tuple)

    @property
    def scale_max(self) -> int:
        return len(self.yardstick.steps)

    def weights(self) -> np.ndarray:
        return np.array([c.weight for c in self.yardstick.criteria], dtype=int)

    def amounts(self) -> np.ndarray:
        return np.array([o.amount_eur for o in self.yardstick.options], dtype=np.int64)

    def ruled_out(self) -> np.ndarray:
        return np.array([bool(o.conflicts) for o in self.yardstick.options], dtype=bool)

    def scores(self) -> np.ndarray:
        """participants × options × criteria, in submission order."""
        options, criteria = len(self.yardstick.options), len(self.yardstick.criteria)
        array = np.zeros((len(self.submissions), options, criteria))
        for p, submission in enumerate(self.submissions):
            for (o, c), value in submission.scores.items():
                array[p, o, c] = value
        return array

    def submitted_by(self, name: str | None) -> bool:
        return any(s.participant == name for s in self.submissions)


def check_phase(status: str, step: str) -> None:
    phases, message = PHASE_RULES[step]
    if status not in phases:
        raise RoundProblem(message)


def scores_visible(round_: Round, visitor_name: str | None) -> bool:
    """Others' scores (and the result they make) are shown once the visitor has submitted their own,
    or once the round is closed: nobody scores after seeing how the others did."""
    return round_.status == CLOSED or round_.submitted_by(visitor_name)


def participant_labels(round_: Round, public: bool, lang_word: str) -> list[str]:
    """The participants as shown: their names, or "Participant 1", … on the public site unless the
    round was published with names."""
    if public and not round_.names_published:
        return [f"{lang_word} {i}" for i in range(1, len(round_.submissions) + 1)]
    return [s.participant for s in round_.submissions]


def yardstick_problems(yardstick: Yardstick, locking: bool) -> list[RoundProblem]:
    """Every problem of a yardstick: while editing, what cannot be stored; at locking also the weights
    (exactly 100) and at least one option."""
    problems: list[RoundProblem] = []
    if not yardstick.title.strip():
        problems.append(RoundProblem("A round needs a title."))
    if yardstick.amount_eur < 0:
        problems.append(RoundProblem("The amount is a whole number of euros of 0 or more."))
    if not 2 <= len(yardstick.steps) <= 10 or not all(s.strip() for s in yardstick.steps):
        problems.append(RoundProblem("The scale has 2 to 10 steps, each with a description."))
    for criterion in yardstick.criteria:
        if not criterion.name.strip():
            problems.append(RoundProblem("Every criterion needs a name."))
    for option in yardstick.options:
        if not option.name.strip():
            problems.append(RoundProblem("Every option needs a name."))
        if option.amount_eur < 0:
            problems.append(RoundProblem("The amount of {option} is a whole number of euros of 0 or more.", option=option.name))
        if any(not 0 <= p < len(yardstick.principles) for p in option.conflicts):
            problems.append(RoundProblem("{option} conflicts with a principle the round does not have.", option=option.name))
    names = [o.name.strip() for o in yardstick.options]
    if len(set(names)) != len(names):
        problems.append(RoundProblem("Two options have the same name."))
    if locking:
        problems += weight_problems([c.weight for c in yardstick.criteria])
        if not yardstick.options:
            problems.append(RoundProblem("A round needs at least one option to score."))
    return problems


def submission_problems(round_: Round, raw_scores: dict, reasons: dict) -> tuple[dict, dict, list[RoundProblem]]:
    """(scores, reasons, problems) of a participant's form: every option on every criterion on the
    round's scale, and a short reason per option. ``raw_scores``: (option, criterion) positions -> text."""
    problems: list[RoundProblem] = []
    scores: dict = {}
    yardstick = round_.yardstick
    for o, option in enumerate(yardstick.options):
        for c, criterion in enumerate(yardstick.criteria):
            raw = raw_scores.get((o, c))
            if raw is None or str(raw).strip() == "":
                problems.append(RoundProblem("{option}: give a score for {criterion}.", option=option.name, criterion=criterion.name))
                continue
            try:
                scores[(o, c)] = check_score(raw, round_.scale_max)
            except RoundProblem as problem:
                problems.append(RoundProblem("{option}, {criterion}: {problem}", option=option.name, criterion=criterion.name, problem=problem))
    unknown = set(raw_scores) - {(o, c) for o in range(len(yardstick.options)) for c in range(len(yardstick.criteria))}
    if unknown:
        problems.append(RoundProblem("The form scores an option or criterion this round does not have."))
    kept: dict = {}
    for o, option in enumerate(yardstick.options):
        reason = str(reasons.get(o) or "").strip()
        if not reason:
            problems.append(RoundProblem("{option}: give a short reason for your scores.", option=option.name))
        elif len(reason) > REASON_LENGTH:
            problems.append(RoundProblem("{option}: the reason is longer than {limit} characters.", option=option.name, limit=REASON_LENGTH))
        else:
            kept[o] = reason
    return scores, kept, problems
