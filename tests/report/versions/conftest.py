"""A build made from a private copy of the mirror, so tests can damage its files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from report.settings import PROJECT_ROOT, load_settings


@dataclass(frozen=True)
class MirrorBuild:
    """A finished build and the folders it was made from."""

    root: Path
    mirror: Path
    cache: Path
    output: Path
    version: str

    def env(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "REPORT_DATA_MIRROR": str(self.mirror),
            "REPORT_DATA_CACHE": str(self.cache),
            "REPORT_OUTPUT_DIR": str(self.output),
            **extra,
        }

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "report", *args],
            cwd=PROJECT_ROOT,
            env=self.env(**extra),
            capture_output=True,
            text=True,
            timeout=600,
        )


@pytest.fixture(scope="session")
def mirror_build(tmp_path_factory: pytest.TempPathFactory) -> MirrorBuild:
    shared = load_settings().mirror_dir
    assert shared is not None
    root = tmp_path_factory.mktemp("mirror-build")
    mirror = root / "shared" / "data"
    shutil.copytree(shared, mirror)
    shutil.copytree(shared.parent / "source", root / "shared" / "source")
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    made = MirrorBuild(root, mirror, root / "cache", root / "output", "")
    done = made.run("build", "--quiet")
    assert done.returncode == 0, done.stderr
    version = done.stdout.split("version ")[1].split(":")[0]
    return MirrorBuild(root, mirror, made.cache, made.output, version)
