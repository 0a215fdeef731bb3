"""Scratch projects for the command tests: a copy of ``data/`` with its own store, output and
upstream base; and two real versions for the editors' commands (the shipped data, then the
same with one curated value changed and re-pinned with ``python -m report pin``)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from report.cli import main
from report.settings import PROJECT_ROOT, load_settings


@dataclass(frozen=True)
class Scratch:
    """Folders of a scratch project and a way to run the CLI on them."""

    data: Path
    cache: Path
    output: Path
    extra: dict[str, str]

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "REPORT_DATA_DIR": str(self.data),
            "REPORT_DATA_CACHE": str(self.cache),
            "REPORT_OUTPUT_DIR": str(self.output),
            **self.extra,
            **extra,
        }
        return subprocess.run(
            [sys.executable, "-m", "report", *args],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )


def make_scratch(root: Path, **extra: str) -> Scratch:
    """Copy the project's data folder under ``root``."""
    data = root / "project" / "data"
    shutil.copytree(PROJECT_ROOT / "data", data)
    return Scratch(data, root / "cache", root / "output", dict(extra))


def version_of(done: subprocess.CompletedProcess[str]) -> str:
    """The version a build printed."""
    assert done.returncode in (0, 3), done.stdout + done.stderr
    return done.stdout.rsplit("version ", 1)[1].split(":")[0].split()[0]


@pytest.fixture(scope="module")
def scratch_project(tmp_path_factory: pytest.TempPathFactory) -> Scratch:
    return make_scratch(tmp_path_factory.mktemp("scratch"))


CURATED = "edge_ai_market.csv"
OLD_VALUE, NEW_VALUE = ",143.06,", ",150.00,"  # Precedence Research's 2034 forecast, first row
EDITED_CLAIM = "edge-ai-market-growth"


@dataclass(frozen=True)
class Run:
    status: int
    out: str
    err: str


@contextlib.contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_cli(args: list[str], env: dict[str, str]) -> Run:
    """``python -m report ARGS`` in this process, with ``env`` set; its status and output."""
    out, err = io.StringIO(), io.StringIO()
    with _environment(env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return Run(status, out.getvalue(), err.getvalue())


def repin(data: Path, env: dict[str, str]) -> None:
    """Change one curated value, then ``python -m report pin`` the file, as an editor would."""
    table = data / "curated" / CURATED
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if OLD_VALUE in line)
    lines[row] = lines[row].replace(OLD_VALUE, NEW_VALUE, 1)
    table.write_text("".join(lines), encoding="utf-8")
    old_sha = hashlib.sha256(
        (load_settings().data_dir / "curated" / CURATED).read_bytes()
    ).hexdigest()
    new_sha = hashlib.sha256(table.read_bytes()).hexdigest()
    pinned = run_cli(["pin", str(table)], {**env, "REPORT_DATA_DIR": str(data)})
    assert pinned.status == 0, pinned.err
    assert old_sha in pinned.out and new_sha in pinned.out


@dataclass(frozen=True)
class TwoVersions:
    output: Path
    data: Path
    first: str
    second: str

    def env(self, log: Path) -> dict[str, str]:
        return {
            "REPORT_OUTPUT_DIR": str(self.output),
            "REPORT_REVIEW_LOG": str(log),
            "REPORT_DATA_DIR": str(self.data),
        }


def _built_version(run: Run) -> str:
    assert run.status == 0, run.err
    return run.out.split("version ", 1)[1].split(":", 1)[0]


@pytest.fixture(scope="session")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> TwoVersions:
    """Build the shipped data, re-pin one edited curated value in a copy, build again."""
    root = tmp_path_factory.mktemp("editors")
    output, data = root / "output", root / "project" / "data"
    shutil.copytree(load_settings().data_dir, data)
    scratch = {"REPORT_OUTPUT_DIR": str(output), "REPORT_REVIEW_LOG": str(root / "unused.jsonl")}
    first = _built_version(run_cli(["build", "--quiet"], scratch))
    repin(data, scratch)
    second = _built_version(
        run_cli(["build", "--quiet"], {**scratch, "REPORT_DATA_DIR": str(data)})
    )
    assert first != second
    return TwoVersions(output, data, first, second)
