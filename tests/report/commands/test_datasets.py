"""``datasets`` prints titles as data: rich markup and escape sequences are shown, never
interpreted (class 10)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from report.settings import PROJECT_ROOT

TITLE = 'title = "Bitcoin blocks attributed to mining pools, 2021 to 2026"'
HOSTILE_TITLES = [
    ("[/bold]", "[/bold]"),
    ("[red]swallowed[/red]", "[red]swallowed[/red]"),
    ("[link=https://evil.example]click[/link]", "[link=https://evil.example]click[/link]"),
    (":thumbs_up: [bold", ":thumbs_up: [bold"),
    ("\\u001b[31mred\\u001b[0m", "\u241b[31mred\u241b[0m"),
    ("bell\\u0007 and \\u202e", "bell\u2407 and \u27e8U+202E\u27e9"),
    ("[[escaped]] \\\\[b]", "[[escaped]] \\[b]"),
]


def _run(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "report", "datasets"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "REPORT_DATA_DIR": str(data), "COLUMNS": "400"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(("written", "shown"), HOSTILE_TITLES)
def test_a_dataset_title_is_printed_as_written(tmp_path: Path, written: str, shown: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", data)
    path = data / "datasets" / "pool-blocks-sorukumar.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(TITLE, f'title = "{written}"'), encoding="utf-8")
    done = _run(data)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert f"pool-blocks-sorukumar  {shown}" in done.stdout
    assert "\x1b" not in done.stdout
