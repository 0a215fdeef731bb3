"""Drawing processes: the same SVG as drawing in the build's process, failures that name
what stopped, and a fresh process after one dies."""

from __future__ import annotations

import dataclasses
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from report.ledger.entry import Ledger
from report.render.document import draw_charts
from report.render.svg_pool import DrawingFailed, DrawingPool, current_pool, drawing_processes
from report.render.vega_draw import vega_svg
from tests.report.render.hostile import HOSTILE

_DATED: dict[str, object] = {
    "title": f"Dates and {HOSTILE} é 中文",
    "data": {"values": [{"day": "2024-01-01", "n": 1}, {"day": "2024-06-30", "n": 4}]},
    "mark": "line",
    "encoding": {
        "x": {"field": "day", "type": "temporal"},
        "y": {"field": "n", "type": "quantitative"},
    },
}
_BROKEN: dict[str, object] = {"mark": "no-such-mark", "data": {"values": [{"x": 1}]}}


@pytest.fixture
def pool() -> Iterator[DrawingPool]:
    started = DrawingPool(1)
    yield started
    started.close()


def test_a_process_draws_the_svg_this_process_draws(pool: DrawingPool) -> None:
    assert pool.draw(_DATED) == vega_svg(_DATED)


def test_a_spec_vl_convert_rejects_fails_alone(pool: DrawingPool) -> None:
    with pytest.raises(DrawingFailed, match="vl-convert could not draw it"):
        pool.draw(_BROKEN)
    assert pool.draw(_DATED) == vega_svg(_DATED)  # the same process goes on


def test_a_process_that_dies_is_named_and_replaced(pool: DrawingPool) -> None:
    (process,) = pool._all
    os.kill(process.popen.pid, signal.SIGKILL)
    process.popen.wait()
    with pytest.raises(DrawingFailed, match=r"stopped \(exit status -9\)"):
        pool.draw(_DATED)
    assert pool.draw(_DATED) == vega_svg(_DATED)
    assert len(pool._all) == 2 and pool._all[1].popen.poll() is None


def test_processes_exist_only_inside_the_block() -> None:
    with drawing_processes(1):
        running = current_pool()
        assert running is not None and running.size == 1
        processes = list(running._all)
    assert current_pool() is None
    assert all(p.popen.returncode == 0 for p in processes)
    with drawing_processes(0):
        assert current_pool() is None


def test_the_build_s_charts_are_the_same_drawn_either_way(ledger: Ledger) -> None:
    charted = [e for e in ledger.entries if e.claim.chart is not None][:6]
    some = dataclasses.replace(ledger, entries=tuple(charted))
    with drawing_processes(0):
        here = draw_charts(some)
    with drawing_processes(1):
        there = draw_charts(some)
    assert len(here) == 6 and all(c is not None for c in here.values())
    assert here == there


def test_a_chart_that_cannot_be_drawn_names_its_claim(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    from report.errors import BuildError
    from report.render.svg import ChartDraft

    first = next(e for e in ledger.entries if e.claim.chart is not None)
    monkeypatch.setattr(
        "report.render.document.chart_draft", lambda entry: ChartDraft(entry, dict(_BROKEN))
    )
    with drawing_processes(1), pytest.raises(BuildError) as raised:
        draw_charts(dataclasses.replace(ledger, entries=(first,)))
    assert f"claim {first.claim.id!r}" in str(raised.value)
    assert "vl-convert could not draw it" in str(raised.value)


_JUNK_ONCE = """
import os, sys
from report.render.svg_pool import serve
marker = sys.argv[1]
if not os.path.exists(marker):  # the first process answers junk, the next ones serve
    open(marker, "w").close()
    sys.stdin.readline()
    print("this is not JSON", flush=True)
serve(sys.stdin, sys.stdout)
"""
_SILENT = "import sys, time\nsys.stdin.readline()\ntime.sleep(60)\n"


def test_a_process_answering_junk_is_stopped_not_reused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    worker = ("-c", _JUNK_ONCE, str(tmp_path / "answered"))
    monkeypatch.setattr("report.render.svg_pool.WORKER", worker)
    pool = DrawingPool(1)
    try:
        with pytest.raises(DrawingFailed, match="answered something else"):
            pool.draw(_DATED)
        first = pool._all[0]
        assert first.popen.wait(timeout=10) is not None
        # the next chart is drawn by a fresh process, never one answer behind
        assert pool.draw(_DATED) == vega_svg(_DATED)
    finally:
        pool.close()


def test_a_silent_process_is_stopped_after_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("report.render.svg_pool.WORKER", ("-c", _SILENT))
    monkeypatch.setattr("report.render.svg_pool.ANSWER_TIMEOUT_S", 1.0)
    pool = DrawingPool(1)
    try:
        with pytest.raises(DrawingFailed, match="stopped after 1 s without an answer"):
            pool.draw(_DATED)
    finally:
        pool.kill()
        pool.close()


def test_an_interrupted_drawing_stops_its_processes_and_draws_nothing_more(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    charted = [e for e in ledger.entries if e.claim.chart is not None][:4]
    calls = []

    def interrupted(self: object, *args: object, **kwargs: object) -> str:
        calls.append(1)
        raise KeyboardInterrupt

    with drawing_processes(1):
        pool = current_pool()
        assert pool is not None
        monkeypatch.setattr("report.render.document.finish_chart", interrupted)
        with pytest.raises(KeyboardInterrupt):
            draw_charts(dataclasses.replace(ledger, entries=tuple(charted)))
        assert calls == [1]
        assert all(p.popen.wait(timeout=10) is not None for p in pool._all)
        with pytest.raises(DrawingFailed, match="stopping"):
            pool.draw(_DATED)
