"""Two real versions for the editors' commands: the shipped data, then the same with one
curated value changed and re-pinned (what ``python -m report pin`` will do)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from report.cli import main
from report.settings import load_settings

CURATED = "edge_ai_market.csv"
REGISTRY = "datasets/curated-edge-ai-market.toml"
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


def repin(data: Path) -> None:
    """Change one curated value and write the file's new sha256 into its registry file."""
    table = data / "curated" / CURATED
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if OLD_VALUE in line)
    lines[row] = lines[row].replace(OLD_VALUE, NEW_VALUE, 1)
    table.write_text("".join(lines), encoding="utf-8")
    registry = data / REGISTRY
    old_sha = hashlib.sha256(
        (load_settings().data_dir / "curated" / CURATED).read_bytes()
    ).hexdigest()
    new_sha = hashlib.sha256(table.read_bytes()).hexdigest()
    text = registry.read_text(encoding="utf-8")
    assert old_sha in text
    registry.write_text(text.replace(old_sha, new_sha), encoding="utf-8")


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
    repin(data)
    second = _built_version(
        run_cli(["build", "--quiet"], {**scratch, "REPORT_DATA_DIR": str(data)})
    )
    assert first != second
    return TwoVersions(output, data, first, second)
