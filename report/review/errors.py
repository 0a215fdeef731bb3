"""The review and publish stages' one error: a mistake the user can fix (exit status 2)."""

from __future__ import annotations

from report.errors import ReportError


class ReviewError(ReportError):
    """A version name, claim id, review log or site folder is not what was expected."""

    exit_status = 2

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint

    def lines(self) -> list[str]:
        shown = [f"error: {self}"]
        if self.hint:
            shown.append(f"hint: {self.hint}")
        return shown
