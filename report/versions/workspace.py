"""A build's temporary folder inside ``output/``, and what is safe to delete there.

A workspace is a folder ``.tmp-<random>/`` beside the versions with a marker file
``.tmp-<random>.lock`` that the build writes and holds an exclusive ``flock`` on for as
long as it runs. A leftover is removed only when its marker says it is a build's and no
process holds the marker's lock: the kernel drops a lock when its holder dies, however it
died and in whatever PID namespace (a container sharing the folder) it ran. Markers are
created and leftovers swept while holding a lock on ``output/`` itself, so a sweep never
sees a marker its build has not locked yet. Nothing is judged by its name or a process id:
a user's own ``.tmp-...`` folder has no marker and stays.

SIGTERM and SIGHUP during a workspace remove it before the process ends with the signal.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

PREFIX = ".tmp-"
MARKER_SUFFIX = ".lock"
MARKER_TEXT = b"claimcheck-report build workspace; removed when its build ends\n"
LATEST = "latest"
_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM, SIGHUP) while a workspace was open."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@dataclass(frozen=True)
class Workspace:
    """One build's temporary folder; ``content`` becomes the version folder."""

    output_dir: Path
    folder: Path

    @property
    def content(self) -> Path:
        """Where the build writes the files of its version."""
        return self.folder / "build"

    def publish(self, version: str) -> bool:
        """Rename ``content`` to ``output/<version>``; False if that version already exists."""
        try:
            self.content.rename(self.output_dir / version)
        except OSError:
            if (self.output_dir / version).exists():
                return False
            raise
        return True

    def point_latest(self, version: str) -> None:
        """Make ``output/latest`` a link to ``version``, replaced in one step."""
        link = self.folder / f"link-{uuid.uuid4().hex[:8]}"
        link.symlink_to(version, target_is_directory=True)
        os.replace(link, self.output_dir / LATEST)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _is_marker(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(MARKER_TEXT) + 1) == MARKER_TEXT
    except OSError:
        return False


def _remove_if_abandoned(marker: Path) -> None:
    if not _is_marker(marker):
        return
    try:
        fd = os.open(marker, os.O_RDWR)
    except OSError:
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return  # its build is running
        folder = marker.with_name(marker.name.removesuffix(MARKER_SUFFIX))
        shutil.rmtree(folder, ignore_errors=True)
        marker.unlink(missing_ok=True)
    finally:
        os.close(fd)


def remove_abandoned(output_dir: Path) -> None:
    """Delete workspaces whose build has ended without removing them (killed, crashed)."""
    with _locked(output_dir):
        for marker in sorted(output_dir.glob(f"{PREFIX}*{MARKER_SUFFIX}")):
            _remove_if_abandoned(marker)


def _open_marker(output_dir: Path, name: str) -> int:
    """Create and lock the marker of workspace ``name`` (under the folder's lock)."""
    with _locked(output_dir):
        fd = os.open(output_dir / f"{name}{MARKER_SUFFIX}", os.O_CREAT | os.O_EXCL | os.O_RDWR)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, MARKER_TEXT)
    return fd


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _raise_terminated) for s in _SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def workspace(output_dir: Path) -> Iterator[Workspace]:
    """A fresh workspace in ``output_dir`` (abandoned ones are swept first), removed on exit.

    A SIGTERM or SIGHUP inside removes it, then ends the process with that signal.
    """
    output_dir.mkdir(parents=True, exist_ok=True)
    remove_abandoned(output_dir)
    name = f"{PREFIX}{uuid.uuid4().hex}"
    try:
        with _signals_raise():
            fd = _open_marker(output_dir, name)
            space = Workspace(output_dir, output_dir / name)
            try:
                space.folder.mkdir()
                yield space
            finally:
                shutil.rmtree(space.folder, ignore_errors=True)
                (output_dir / f"{name}{MARKER_SUFFIX}").unlink(missing_ok=True)
                os.close(fd)
    except Terminated as stop:
        signal.signal(stop.signum, signal.SIG_DFL)
        os.kill(os.getpid(), stop.signum)
        raise
