"""A scratch project: a copy of ``data/`` with its own store, output and upstream base."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from report.settings import PROJECT_ROOT


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
