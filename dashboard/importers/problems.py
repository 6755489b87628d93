"""The shared vocabulary of import validation: a problem names file, line, column and what is wrong."""
from __future__ import annotations

from dataclasses import dataclass

#: Problems printed at most (the issue asks for at least the first 20).
MAX_REPORTED = 50


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    message: str
    sheet: str | None = None  # a workbook's sheet: ``file`` is the workbook, ``line`` the sheet's row

    def __str__(self) -> str:
        if self.sheet is not None:
            row = f", row {self.line}" if self.line else ""
            return f"{self.file}, sheet {self.sheet}{row}: {self.column}: {self.message}"
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


class ImportFailed(Exception):
    """Raised with every problem found; the store has not been touched."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems[:MAX_REPORTED]))

    def report_lines(self) -> list[str]:
        lines = [str(p) for p in self.problems[:MAX_REPORTED]]
        if len(self.problems) > MAX_REPORTED:
            lines.append(f"... and {len(self.problems) - MAX_REPORTED} more problems")
        return lines
