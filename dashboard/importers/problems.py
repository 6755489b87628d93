"""The shared vocabulary of import validation: a problem names file, line, column and what is wrong.

What is wrong is an English template and its values (``domain.refusal``), so the upload and edit pages
say it in their visitor's language (``Problem.text(t)``) while the command line prints English (``str``).
The values are data (file and column names, cells, codes) and are never translated.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.domain.formatting import euro
from dashboard.domain.refusal import Refusal, Word, english

#: Problems printed at most (the issue asks for at least the first 20).
MAX_REPORTED = 50

#: A translator: (English template, **values) → text (``i18n.Translator``; ``english`` on the command line).
Say = Callable[..., str]


class Euros(int):
    """A value that is an amount of whole euros: written as the page's language writes amounts (€ 1.234 / €1,234)."""


@dataclass(frozen=True, init=False)
class Problem:
    file: str
    line: int
    column: str
    message: str  # English template, filled in with ``values``
    sheet: str | None = None  # a workbook's sheet: ``file`` is the workbook, ``line`` the sheet's row
    values: tuple[tuple[str, object], ...] = ()

    def __init__(self, file: str, line: int, column: str, message: str, /, sheet: str | None = None, **values):
        """Positional location and template, so any name (``file``, ``column``) can be a value of the template."""
        for name, value in (("file", file), ("line", line), ("column", column), ("message", message), ("sheet", sheet),
                            ("values", tuple(values.items()))):
            object.__setattr__(self, name, value)

    @classmethod
    def refused(cls, file: str, line: int, column: str, error: ValueError) -> Problem:
        """The problem a parser's ValueError names: its template and values when it is a ``Refusal``, else its text."""
        if isinstance(error, Refusal):
            return cls(file, line, column, error.message, **error.values)
        return cls(file, line, column, str(error))

    def moved(self, file: str, sheet: str | None = None) -> Problem:
        """The same problem in another file (or a workbook's sheet): its template and values go along."""
        return type(self)(file, self.line, self.column, self.message, sheet, **dict(self.values))

    def reason(self, t: Say = english) -> str:
        """What is wrong, in the language of ``t``: a ``Word`` among the values translated too, ``Euros`` written its way."""
        lang = getattr(t, "lang", "en")
        return t(self.message, **{name: t(value) if isinstance(value, Word) else euro(value, lang) if isinstance(value, Euros) else value
                                  for name, value in self.values})

    def text(self, t: Say = english) -> str:
        """Location and reason in the language of ``t``: ``file:line: column: reason``, or sheet and row of a workbook."""
        if self.sheet is not None and self.line:
            return t("{file}, sheet {sheet}, row {row}: {column}: {reason}", file=self.file, sheet=self.sheet, row=self.line, column=self.column, reason=self.reason(t))
        if self.sheet is not None:
            return t("{file}, sheet {sheet}: {column}: {reason}", file=self.file, sheet=self.sheet, column=self.column, reason=self.reason(t))
        return f"{self.file}:{self.line}: {self.column}: {self.reason(t)}"

    def __str__(self) -> str:
        return self.text()


def report(problems: list[Problem], t: Say = english) -> list[str]:
    """The first ``MAX_REPORTED`` problems as lines, and how many more there are."""
    lines = [p.text(t) for p in problems[:MAX_REPORTED]]
    if len(problems) > MAX_REPORTED:
        lines.append(t("... and {count} more problems", count=len(problems) - MAX_REPORTED))
    return lines


class ImportFailed(Exception):
    """Raised with every problem found; the store has not been touched."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems[:MAX_REPORTED]))

    def report_lines(self, t: Say = english) -> list[str]:
        return report(self.problems, t)
