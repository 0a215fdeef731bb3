"""Workspaces: what a build may delete in ``output/`` is decided by a marker and a lock it
holds, never by a name pattern or a process id (class 7)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from report.settings import PROJECT_ROOT
from report.versions.workspace import MARKER_TEXT, remove_abandoned, workspace

# A child that opens a workspace, writes a file in it, says where, and waits to be killed.
_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from report.versions.workspace import workspace
    with workspace(Path(sys.argv[1])) as space:
        space.content.mkdir()
        (space.content / "half.html").write_text("half a page")
        space.point_latest("v1")  # leaves nothing behind: the link is made inside
        print(space.folder, flush=True)
        time.sleep(120)
    """
)


def _holder(output: Path, prefix: tuple[str, ...] = ()) -> tuple[subprocess.Popen[str], Path]:
    child = subprocess.Popen(
        [*prefix, sys.executable, "-c", _HOLDER, str(output)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    folder = Path(child.stdout.readline().strip())
    assert folder.is_dir()
    return child, folder


def test_a_live_workspace_is_kept_and_an_abandoned_one_removed(tmp_path: Path) -> None:
    child, folder = _holder(tmp_path)
    try:
        remove_abandoned(tmp_path)
        with workspace(tmp_path):
            pass
        assert (folder / "build" / "half.html").is_file()
    finally:
        child.kill()
        child.wait()
    assert folder.is_dir()  # kill -9 ran no clean-up ...
    remove_abandoned(tmp_path)  # ... the next build's sweep does
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest"]


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs util-linux unshare")
def test_a_build_in_another_pid_namespace_is_not_taken_for_dead(tmp_path: Path) -> None:
    probe = subprocess.run(["unshare", "--pid", "--fork", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot make a PID namespace here")
    child, folder = _holder(tmp_path, ("unshare", "--pid", "--fork", "--kill-child"))
    try:
        for _ in range(3):
            remove_abandoned(tmp_path)
        assert (folder / "build" / "half.html").is_file()
    finally:
        child.kill()  # --kill-child ends the build inside the namespace with it
        child.wait()
    deadline = time.monotonic() + 30
    while folder.exists() and time.monotonic() < deadline:
        remove_abandoned(tmp_path)  # abandoned once the namespace's build is gone
        time.sleep(0.2)
    assert not folder.exists()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_build_removes_its_workspace(tmp_path: Path, signum: int) -> None:
    child, folder = _holder(tmp_path)
    child.send_signal(signum)
    assert child.wait(timeout=30) == -signum
    assert not folder.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest"]


@pytest.mark.parametrize(
    "name",
    [".tmp-mine", ".tmp-123-abc", ".tmp-1-link-deadbeef", ".tmp-x.lock", ".tmp-", "latest.tmp"],
)
def test_a_users_own_files_are_never_deleted_whatever_their_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".lock"):
        path.write_text("my notes, not a build's marker\n", encoding="utf-8")
        (tmp_path / ".tmp-x").mkdir()
        (tmp_path / ".tmp-x" / "keep.txt").write_text("mine", encoding="utf-8")
    else:
        path.mkdir()
        (path / "keep.txt").write_text("mine", encoding="utf-8")
    with workspace(tmp_path):
        pass
    remove_abandoned(tmp_path)
    assert path.exists()
    assert [p.name for p in tmp_path.glob(".tmp-*.lock") if p.read_bytes() == MARKER_TEXT] == []


def test_a_workspace_leaves_nothing_behind_when_its_body_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), workspace(tmp_path) as space:
        space.content.mkdir()
        (space.content / "x").write_text("x", encoding="utf-8")
        raise RuntimeError("renderer crashed")
    assert list(tmp_path.iterdir()) == []


_CHURN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from report.versions.workspace import workspace
    out = Path(sys.argv[1])
    for i in range(25):
        with workspace(out) as space:   # each entry sweeps the others' leftovers
            space.content.mkdir()
            mine = space.content / "mine"
            mine.write_text("x")
            with workspace(out):
                pass
            assert mine.read_text() == "x", "a live workspace was deleted"
    """
)


def test_many_builds_sweeping_at_once_never_delete_a_live_workspace(tmp_path: Path) -> None:
    started = time.monotonic()
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _CHURN, str(tmp_path)], cwd=PROJECT_ROOT, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    errors = [run.communicate(timeout=300)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], errors
    assert list(tmp_path.iterdir()) == []
    assert time.monotonic() - started < 300
    assert os.listdir(tmp_path) == []
