"""Progress for long steps: one bar redrawn in place on a terminal; silent in CI, pipes or
with ``--quiet``.

Steps report plain messages (``"assessed 3/32: pools-few-control"``); a message carrying
``i/n`` moves the bar through its stage, and each stage holds a fixed share of the bar
(assessing the claims takes most of a build, drawing the charts most of the rest).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[str], None]

# (first word of a message, where its stage starts and ends on the bar)
STAGES: tuple[tuple[str, float, float], ...] = (
    ("version", 0.0, 0.02),
    ("loading", 0.02, 0.10),
    ("assessing", 0.10, 0.10),
    ("assessed", 0.10, 0.72),
    ("drew", 0.72, 0.95),
    ("wrote", 0.95, 1.0),
)
_FRACTION = re.compile(r"\b(\d+)/(\d+)\b")
BAR_WIDTH = 24


def silent(_: str) -> None:
    """A progress reporter that says nothing."""
    return None


def wants_progress(quiet: bool, stream: TextIO = sys.stderr) -> bool:
    """True on an interactive terminal outside CI, unless asked to be quiet."""
    return not quiet and stream.isatty() and not os.environ.get("CI")


def terminal_progress(stream: TextIO = sys.stderr) -> Progress:
    """A reporter printing each step on its own line with the seconds since the first."""
    start = time.monotonic()

    def _report(message: str) -> None:
        print(f"[{time.monotonic() - start:5.1f}s] {message}", file=stream, flush=True)

    return _report


def bar_position(message: str, current: float) -> float:
    """Where on the bar (0 to 1) ``message`` puts the build; never backwards."""
    word = message.split(" ", 1)[0]
    for name, begin, end in STAGES:
        if word == name:
            found = _FRACTION.search(message)
            share = int(found.group(1)) / int(found.group(2)) if found else 1.0
            return max(current, begin + (end - begin) * min(share, 1.0))
    return current


class ProgressBar:
    """One line, redrawn in place: a bar, the percentage, the seconds and the last step."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.position = 0.0
        self.drawn = False

    def __call__(self, message: str) -> None:
        self.position = bar_position(message, self.position)
        filled = round(self.position * BAR_WIDTH)
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        seconds = time.monotonic() - self.start
        line = f"{bar} {self.position:4.0%} {seconds:5.1f}s  {message}"
        width = shutil.get_terminal_size((80, 20)).columns - 1
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Clear the bar's line, so the next output starts on a clean line."""
        if self.drawn:
            width = shutil.get_terminal_size((80, 20)).columns - 1
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()
            self.drawn = False


def progress_for(quiet: bool, stream: TextIO = sys.stderr) -> Progress:
    """The reporter that fits this run: a bar on a terminal, else nothing."""
    return ProgressBar(stream) if wants_progress(quiet, stream) else silent


def close_progress(progress: Progress) -> None:
    """Finish ``progress`` if it draws on the terminal."""
    if isinstance(progress, ProgressBar):
        progress.close()
