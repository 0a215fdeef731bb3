"""Progress lines: on an interactive terminal only, never in CI or with --quiet."""

from __future__ import annotations

import io

import pytest

from report.progress import terminal_progress, wants_progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert wants_progress(quiet=False, stream=_Terminal())


@pytest.mark.parametrize(
    ("quiet", "ci", "stream"),
    [(True, None, _Terminal()), (False, "true", _Terminal()), (False, None, io.StringIO())],
    ids=["quiet", "ci", "pipe"],
)
def test_progress_is_silent_when_quiet_in_ci_or_in_a_pipe(
    monkeypatch: pytest.MonkeyPatch, quiet: bool, ci: str | None, stream: io.StringIO
) -> None:
    monkeypatch.delenv("CI", raising=False)
    if ci:
        monkeypatch.setenv("CI", ci)
    assert not wants_progress(quiet=quiet, stream=stream)


def test_each_line_carries_the_seconds_since_the_start() -> None:
    stream = io.StringIO()
    report = terminal_progress(stream)
    report("loading tables")
    assert stream.getvalue().endswith("s] loading tables\n")
    assert stream.getvalue().startswith("[")
