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


def test_the_bar_moves_through_the_stages_and_never_back() -> None:
    from report.progress import bar_position

    first = bar_position("assessed 1/32: a", 0.0)
    half = bar_position("assessed 16/32: b", first)
    charts = bar_position("drew 19/19: the chart of c", half)
    assert 0.1 < first < half < charts < 1.0
    # 16 of 32 claims is half of the assessing stage (10% to 72% of the bar)
    assert half == pytest.approx(0.10 + 0.62 * 0.5)
    assert bar_position("loading 5 tables", charts) == charts  # an earlier stage: stays put
    assert bar_position("wrote report.pdf", charts) == 1.0


def test_the_bar_redraws_one_line_and_clears_it_at_the_end() -> None:
    from report.progress import ProgressBar, close_progress

    stream = _Terminal()
    bar = ProgressBar(stream)
    bar("assessed 1/2: a")
    bar("assessed 2/2: b")
    close_progress(bar)
    text = stream.getvalue()
    assert "\n" not in text and text.count("\r") == 4  # two draws, then a blank line and a return
    assert "assessed 2/2: b" in text and text.endswith("\r")


def test_a_quiet_run_gets_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    from report.progress import progress_for, silent

    monkeypatch.delenv("CI", raising=False)
    assert progress_for(True, _Terminal()) is silent
    assert progress_for(False, io.StringIO()) is silent
