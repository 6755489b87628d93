"""Reading the decision-round forms: the yardstick form into a ``Yardstick``, the scoring form into
(scores, reasons). Unreadable input becomes a ``RoundProblem`` that names the field, never a 500.
Blank rows of the yardstick form (no name) are left out; the form always offers a few empty ones."""

from __future__ import annotations

import re

from dashboard.domain.decision_record import Criterion, Option, Yardstick
from dashboard.domain.decision_rounds import KINDS, RoundProblem

#: Empty rows the yardstick form offers for new criteria, principles and options.
EXTRA_ROWS = {"criterion": 1, "principle": 1, "option": 3}
#: Most rows a form may send (a crafted form cannot make the server loop for long).
MAX_ROWS = 60
SCORE_FIELD = re.compile(r"^score-(\d{1,3})-(\d{1,3})$")
REASON_FIELD = re.compile(r"^reason-(\d{1,3})$")


def euros(text: str, what: str) -> tuple[int | None, RoundProblem | None]:
    """Whole euros; dots, spaces and a euro sign as thousands separators are fine (120.000, € 120 000)."""
    cleaned = re.sub(r"[\s.€]", "", text or "")
    if not cleaned.isdigit() or len(cleaned) > 13:
        return None, RoundProblem("{what}: {value} is not a whole number of euros such as 120000.", what=what, value=(text or "")[:30])
    return int(cleaned), None


def read_yardstick(form) -> tuple[Yardstick, list[RoundProblem]]:
    problems: list[RoundProblem] = []
    kind = form.get("kind", "")
    if kind not in KINDS:
        problems.append(RoundProblem("Choose spending or a saving."))
        kind = KINDS[0]
    amount, problem = euros(form.get("amount", ""), "Amount")
    problems += [problem] if problem else []
    criteria = []
    for i in range(MAX_ROWS):
        name = form.get(f"criterion-name-{i}")
        if name is None:
            break
        if not name.strip():
            continue
        weight_text = form.get(f"criterion-weight-{i}", "").strip()
        if not weight_text.lstrip("-").isdigit() or len(weight_text) > 4:
            problems.append(RoundProblem("The weight of {criterion} is a whole number of points, not {value}.", criterion=name.strip(), value=weight_text[:10]))
            weight = 0
        else:
            weight = int(weight_text)
        criteria.append(Criterion(name.strip(), weight, form.get(f"criterion-description-{i}", "").strip()))
    steps = []
    for value in range(1, 11):
        step = form.get(f"step-{value}")
        if step is None:
            break
        steps.append(step.strip())
    principle_rows = [(i, form.get(f"principle-{i}", "").strip()) for i in range(MAX_ROWS) if form.get(f"principle-{i}") is not None]
    principle_at = {}
    for i, name in principle_rows:
        if name:
            principle_at[i] = len(principle_at)
    options = []
    for i in range(MAX_ROWS):
        name = form.get(f"option-name-{i}")
        if name is None:
            break
        if not name.strip():
            continue
        option_amount, problem = euros(form.get(f"option-amount-{i}", ""), name.strip())
        problems += [problem] if problem else []
        conflicts = tuple(principle_at[p] for p in principle_at if form.get(f"option-conflict-{i}-{p}") == "1")
        options.append(Option(name.strip(), option_amount or 0, form.get(f"option-description-{i}", "").strip(), conflicts))
    yardstick = Yardstick(
        title=form.get("title", "").strip(), kind=kind, amount_eur=amount or 0, criteria=tuple(criteria), steps=tuple(steps),
        principles=tuple(name for _, name in principle_rows if name), options=tuple(options),
    )
    return yardstick, problems


def read_scores(form) -> tuple[dict, dict]:
    """(option, criterion) positions -> the text sent, and option position -> reason."""
    scores, reasons = {}, {}
    for name, value in list(form.items())[: MAX_ROWS * 12]:
        if match := SCORE_FIELD.match(name):
            scores[(int(match[1]), int(match[2]))] = value
        elif match := REASON_FIELD.match(name):
            reasons[int(match[1])] = value
    return scores, reasons
