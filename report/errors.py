"""The errors a user can cause, each carrying what went wrong and where.

The CLI turns a :class:`ReportError` into readable lines and an exit status; anything
else is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class ReportError(Exception):
    """Base class for errors that are the user's to fix (exit status 1 unless overridden)."""

    exit_status = 1

    def lines(self) -> list[str]:
        """The message as lines for the terminal."""
        return [str(self)]


@dataclass(frozen=True)
class Problem:
    """One defect in one place of an input file."""

    dataset: str
    file: str
    row: str | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [f"dataset {self.dataset!r}", f"file {self.file}"]
        if self.row is not None:
            where.append(self.row)
        if self.column is not None:
            where.append(f"column {self.column!r}")
        return ", ".join(where) + f": {self.message}"


class DataError(ReportError):
    """Input data is missing, altered or does not match its schema (exit status 2)."""

    exit_status = 2

    def __init__(self, problems: list[Problem], hint: str = "") -> None:
        self.problems = problems
        self.hint = hint
        first = str(problems[0]) if problems else "invalid input"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)

    def lines(self, limit: int = 30) -> list[str]:
        shown = [f"error: {p}" for p in self.problems[:limit]]
        if len(self.problems) > limit:
            shown.append(f"... and {len(self.problems) - limit} more problems")
        if self.hint:
            shown.append(f"hint: {self.hint}")
        shown.append("Nothing was written to the output folder.")
        return shown


class ConfigError(ReportError):
    """A registry, claim inventory or parameter file is malformed (exit status 2)."""

    exit_status = 2


class BuildError(ReportError):
    """The report could not be built from valid inputs (exit status 1)."""
