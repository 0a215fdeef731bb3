"""Running a notebook on a real kernel: failures name the claim and the cell."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from report.errors import BuildError
from report.notebook.execute import execute, write_atomically


def _notebook(*sources: str) -> nbformat.NotebookNode:
    cells = [
        nbformat.v4.new_code_cell(
            s, metadata={"claimcheck": {"claim": "demo-claim", "role": "assess"}}
        )
        for s in sources
    ]
    return nbformat.v4.new_notebook(cells=cells)


def test_a_cell_runs_on_a_real_kernel_and_keeps_its_output(tmp_path: Path) -> None:
    done = execute(_notebook("import os\nprint(6 * 7, os.getcwd())"), tmp_path)
    text = done.cells[0].outputs[0]["text"]
    assert text.split() == ["42", str(tmp_path)]


def test_a_cell_past_its_time_limit_is_named(tmp_path: Path) -> None:
    with pytest.raises(
        BuildError, match=r"time limit \(1 s\) in cell 2 \(assess of claim 'demo-claim'\)"
    ):
        execute(_notebook("x = 1", "import time\ntime.sleep(30)"), tmp_path, timeout=1)


def test_a_kernel_that_dies_is_named(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match=r"kernel died in cell 1 \(assess of claim 'demo-claim'\)"):
        execute(_notebook("import os\nos._exit(1)"), tmp_path, timeout=60)


def test_writing_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "a.ipynb"
    write_atomically(_notebook("1"), target)
    assert nbformat.read(target, as_version=4).cells[0].source == "1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ipynb"]
