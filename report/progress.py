"""Progress lines for long steps: shown on a terminal, silent in CI, pipes or ``--quiet``."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[str], None]


def silent(_: str) -> None:
    """A progress reporter that says nothing."""
    return None


def wants_progress(quiet: bool, stream: TextIO = sys.stderr) -> bool:
    """True on an interactive terminal outside CI, unless asked to be quiet."""
    return not quiet and stream.isatty() and not os.environ.get("CI")


def terminal_progress(stream: TextIO = sys.stderr) -> Progress:
    """A reporter printing each step with the seconds elapsed since the first."""
    start = time.monotonic()

    def _report(message: str) -> None:
        print(f"[{time.monotonic() - start:5.1f}s] {message}", file=stream, flush=True)

    return _report


def progress_for(quiet: bool) -> Progress:
    """The reporter that fits this run."""
    return terminal_progress() if wants_progress(quiet) else silent
