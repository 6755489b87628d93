"""Words shared by the decision-round pages: phase names, dates, and a refusal said in the visitor's language."""

from __future__ import annotations

from datetime import datetime

from dashboard.domain.decision_rounds import RoundProblem
from dashboard.domain.formatting import long_date

PHASE_NAMES = {"yardstick": "setting the yardstick", "locked": "yardstick locked", "scoring": "scoring", "closed": "closed"}


def say(t, problem) -> str:
    """A RoundProblem in the visitor's language (a problem inside a problem too); other text as it is."""
    if not isinstance(problem, RoundProblem):
        return str(problem)
    values = {name: say(t, value) if isinstance(value, RoundProblem) else value for name, value in problem.values.items()}
    return t(problem.message, **values)


def when(at: datetime | None, lang: str) -> str:
    """Date and time (UTC) of a step of the round, e.g. 2 December 2026, 19:05 UTC."""
    if at is None:
        return ""
    return f"{long_date(at, lang)} UTC"
