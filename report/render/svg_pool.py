"""Drawing processes: vl-convert runs beside the build instead of inside it.

vl-convert draws one spec at a time and holds Python's lock while it does, so a build that
draws its charts itself waits for every one in turn. A build instead starts drawing
processes (``python -m report.render.svg_pool``) before it computes the ledger; each
imports nothing but vl-convert and starts its JavaScript engine while the build computes,
then draws the specs it is sent. The build meanwhile goes on making the next chart's spec.

Each process reads one spec per line of standard input (JSON) and answers one line of
standard output, ``{"svg": ...}`` or ``{"error": ...}``. The SVG is the same text
vl-convert gives in the build's own process: the fonts and the time zone are pinned the
same way, and ids are renumbered per chart afterwards (tested). A process that stops
(vl-convert aborts on some input) is named in the error of the chart it was drawing, with
its exit status and what it wrote to standard error. A process silent for ``ANSWER_TIMEOUT_S``
is stopped, and one that answers anything but a well-formed line is stopped rather than
reused; either fails the build with a message naming the claim, and an interrupted build
stops its processes before it waits for its threads.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

_PROJECT_ROOT = Path(__file__).resolve().parents[2]
# A chart takes well under a second; a process silent this long is stopped, and the chart fails.
ANSWER_TIMEOUT_S = 120.0
WORKER = ("-m", "report.render.svg_pool")  # what the interpreter runs (tests put a fake here)
_WARM_UP: dict[str, object] = {"mark": "point", "data": {"values": [{"x": 1}]}, "encoding": {}}


class DrawingFailed(RuntimeError):
    """vl-convert could not draw a spec, or its process stopped."""


class _Process:
    """One drawing process and the file its standard error goes to."""

    def __init__(self) -> None:
        self.killed = self.timed_out = False
        self.errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close)
        environment = dict(os.environ, TZ="UTC", PYTHONIOENCODING="utf-8")
        path = environment.get("PYTHONPATH", "")
        environment["PYTHONPATH"] = os.pathsep.join(p for p in (str(_PROJECT_ROOT), path) if p)
        self.popen = subprocess.Popen(
            [sys.executable, *WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            env=environment,
        )

    def draw(self, spec: dict[str, object]) -> str:
        """The SVG for ``spec``; on any answer but a well-formed one the process is stopped
        (so it is never reused one answer behind) and the chart fails."""
        stdin, stdout = self.popen.stdin, self.popen.stdout
        assert stdin is not None and stdout is not None
        watchdog = threading.Timer(ANSWER_TIMEOUT_S, self._time_out)
        watchdog.start()
        try:
            stdin.write(json.dumps(spec).encode("ascii") + b"\n")
            stdin.flush()
            line = stdout.readline()
        except (BrokenPipeError, OSError, ValueError):
            line = b""
        finally:
            watchdog.cancel()
        if not line:
            raise DrawingFailed(self._stopped())
        try:
            answer = json.loads(line)
            if "error" in answer:
                raise DrawingFailed(f"vl-convert could not draw it: {answer['error']}")
            svg = answer["svg"]
            if not isinstance(svg, str):
                raise TypeError("the answer's svg is not text")
        except (ValueError, KeyError, TypeError) as error:
            self.kill()
            raise DrawingFailed(f"the drawing process answered something else ({error})") from None
        return svg

    def _time_out(self) -> None:
        self.timed_out = True
        self.kill()

    def kill(self) -> None:
        """Stop the process now (a blocked read of its answer then ends)."""
        self.killed = True
        with contextlib.suppress(OSError):
            self.popen.kill()

    def _stopped(self) -> str:
        status = self.popen.wait()
        if self.timed_out:
            return f"the drawing process was stopped after {ANSWER_TIMEOUT_S:g} s without an answer"
        self.errors.seek(0)
        said = self.errors.read().decode("utf-8", "replace").strip().splitlines()[-3:]
        tail = f": {' / '.join(said)}" if said else ""
        return f"the drawing process stopped (exit status {status}){tail}"

    def close(self) -> None:
        with contextlib.suppress(OSError):
            if self.popen.stdin is not None:
                self.popen.stdin.close()
        try:
            self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait()
        if self.popen.stdout is not None:
            self.popen.stdout.close()
        self.errors.close()


class DrawingPool:
    """Drawing processes shared by threads: :meth:`draw` blocks one thread, not the build."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._idle: queue.Queue[_Process] = queue.Queue()
        self._all: list[_Process] = []
        self._stopping = False
        try:
            for _ in range(size):
                process = _Process()
                self._all.append(process)
                self._idle.put(process)
        except OSError:
            self.close()
            raise

    def draw(self, spec: dict[str, object]) -> str:
        """The SVG vl-convert draws for ``spec``, from the next idle process."""
        if self._stopping:
            raise DrawingFailed("the build is stopping")
        process = self._idle.get()
        try:
            return process.draw(spec)
        finally:
            if (not process.killed and process.popen.poll() is None) or self._stopping:
                self._idle.put(process)
            else:  # it stopped: start another for the next chart
                process.close()
                fresh = _Process()
                self._all.append(fresh)
                self._idle.put(fresh)

    def kill(self) -> None:
        """Stop every process now: for an interrupted build, whose threads may be waiting."""
        self._stopping = True
        for process in self._all:
            process.kill()

    def close(self) -> None:
        """Stop every process (each ends when its standard input closes)."""
        for process in self._all:
            process.close()


_pool: DrawingPool | None = None


def pool_size() -> int:
    """How many drawing processes a build starts: one per core beyond the build's own, at
    least one, at most two (measured in docs/performance.md)."""
    return max(1, min(2, (os.cpu_count() or 1) - 1))


@contextlib.contextmanager
def drawing_processes(size: int | None = None) -> Iterator[None]:
    """Draw charts in ``size`` processes while the block runs (0: in this process)."""
    global _pool
    count = pool_size() if size is None else size
    try:
        started = DrawingPool(count) if count > 0 else None
    except OSError:  # no process could be started: draw here instead
        started = None
    previous, _pool = _pool, started
    try:
        yield
    finally:
        _pool = previous
        if started is not None:
            started.close()


def current_pool() -> DrawingPool | None:
    """The drawing processes of the running build, or None (draw in this process)."""
    return _pool


def serve(lines: IO[str], out: IO[str]) -> None:
    """Answer each spec read from ``lines`` with its SVG (the drawing process's loop)."""
    from report.render.vega_draw import vega_svg

    vega_svg(_WARM_UP)  # start the JavaScript engine before the first real spec arrives
    for line in lines:
        try:
            answer = {"svg": vega_svg(json.loads(line))}
        except Exception as error:  # reported to the build, which names the claim
            answer = {"error": str(error)}
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    serve(sys.stdin, sys.stdout)
