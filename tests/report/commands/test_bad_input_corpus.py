"""A corpus of broken declarations, inputs and settings driven through the CLI: each exits 2
with a message naming the place, shows no traceback and leaves ``output/`` unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from report.settings import PROJECT_ROOT
from tests.report.commands.corpus import (
    CORPUS,
    SHARED_MIRROR,
    VERIFY,
    Sandbox,
    make_sandbox,
    snapshot,
)

pytestmark = pytest.mark.skipif(SHARED_MIRROR is None, reason="needs the data mirror")


def _run(box: Sandbox, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "report", *args],
        cwd=PROJECT_ROOT,
        env={**_BASE_ENV, **box.env},
        capture_output=True,
        text=True,
        timeout=600,
    )


_BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith("REPORT_")}

# One child process runs the command line's main() once per case, each with its own
# environment: the corpus costs one start-up (importing the renderer takes seconds), and a
# case that escapes main() is caught and reported with its traceback.
_DRIVER = textwrap.dedent(
    """
    import contextlib, io, json, os, sys, traceback
    from report.cli import main
    cases = json.loads(sys.stdin.read())
    base = dict(os.environ)
    results = []
    for case in cases:
        os.environ.clear()
        os.environ.update(base)
        os.environ.update(case["env"])
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                status = main(case["args"])
            except BaseException:
                traceback.print_exc(file=err)
                status = -1
        results.append({"status": status, "stderr": err.getvalue()})
    print(json.dumps(results))
    """
)


def _failures(
    box: Sandbox, words: list[str], status: int, stderr: str, before: object
) -> list[str]:
    failures = []
    if status != 2:
        failures.append(f"exit {status}")
    if "Traceback" in stderr:
        failures.append("traceback")
    failures += [f"no {w!r}" for w in words if w not in stderr]
    if snapshot(box.output) != before:
        failures.append("output/ changed")
    return failures


JOBS = [(name, ["build", "--quiet"]) for name in CORPUS] + [
    (name, ["datasets", "--verify"]) for name in sorted(VERIFY)
]


def test_every_broken_input_exits_2_naming_the_place_and_writes_nothing(tmp_path: Path) -> None:
    boxes, befores = [], []
    for number, (name, _) in enumerate(JOBS):
        box = make_sandbox(tmp_path / f"case-{number}")
        CORPUS[name][0](box)
        boxes.append(box)
        befores.append(snapshot(box.output))
    project_before = sorted(p.name for p in PROJECT_ROOT.iterdir())
    cases = [{"env": box.env, "args": args} for box, (_, args) in zip(boxes, JOBS, strict=True)]
    done = subprocess.run(
        [sys.executable, "-c", _DRIVER],
        cwd=PROJECT_ROOT,
        env=_BASE_ENV,
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    broken = []
    for (name, args), box, before, result in zip(JOBS, boxes, befores, results, strict=True):
        failures = _failures(box, CORPUS[name][1], result["status"], result["stderr"], before)
        if failures:
            broken.append(f"{name} ({args[0]}): {', '.join(failures)}\n{result['stderr'][-800:]}")
    assert not broken, "\n\n".join(broken)
    assert sorted(p.name for p in PROJECT_ROOT.iterdir()) == project_before
    assert len(results) == len(CORPUS) + len(VERIFY)


@pytest.mark.parametrize("name", ["min is text", "JSON Infinity", "output dir set but empty"])
def test_the_command_itself_exits_2_without_a_traceback(tmp_path: Path, name: str) -> None:
    box = make_sandbox(tmp_path)
    breaker, words = CORPUS[name]
    breaker(box)
    before = snapshot(box.output)
    project_before = sorted(p.name for p in PROJECT_ROOT.iterdir())
    done = _run(box, ["build", "--quiet"])
    assert _failures(box, words, done.returncode, done.stderr, before) == [], done.stderr
    assert sorted(p.name for p in PROJECT_ROOT.iterdir()) == project_before
