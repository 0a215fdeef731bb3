"""``python -m report diff`` on small hand-made versions: text, --rtol, --json, --html."""

from __future__ import annotations

import json
from pathlib import Path

from tests.report.commands.conftest import run_cli
from tests.report.review.fakes import claim, make_version


def _output(tmp_path: Path) -> dict[str, str]:
    out = tmp_path / "output"
    make_version(out, "aaaa0001", [claim("c", {"big": 10.0, "small": 100.0})], mtime=1_000)
    make_version(out, "bbbb0002", [claim("c", {"big": 12.0, "small": 100.1})], mtime=2_000)
    return {"REPORT_OUTPUT_DIR": str(out), "REPORT_REVIEW_LOG": str(tmp_path / "log.jsonl")}


def test_the_default_is_latest_against_the_one_before(tmp_path: Path) -> None:
    run = run_cli(["diff"], _output(tmp_path))
    assert run.status == 0
    assert run.out.splitlines()[0] == "diff aaaa0001 -> bbbb0002: 1 claims changed"
    assert "figure big (Label big): 10.0% -> 12.0% (+20.00%)" in run.out
    assert "figure small" in run.out


def test_rtol_hides_small_changes_in_text_and_json(tmp_path: Path) -> None:
    env = _output(tmp_path)
    assert "figure small" not in run_cli(["diff", "--rtol", "0.01"], env).out
    document = json.loads(run_cli(["diff", "aaaa", "bbbb", "--rtol", "0.01", "--json"], env).out)
    assert [f["name"] for f in document["claims"][0]["figures"]] == ["big"]
    assert run_cli(["diff", "--rtol", "-1"], env).status == 2


def test_html_writes_the_page(tmp_path: Path) -> None:
    env = _output(tmp_path)
    page = tmp_path / "diff.html"
    assert run_cli(["diff", "--html", str(page)], env).status == 0
    assert '<span class="new">12.0%</span>' in page.read_text(encoding="utf-8")
    missing = run_cli(["diff", "--html", str(tmp_path / "no" / "such" / "diff.html")], env)
    assert missing.status == 2 and missing.err.startswith("error: cannot write")


def test_a_first_version_has_nothing_to_compare_with(tmp_path: Path) -> None:
    out = tmp_path / "output"
    make_version(out, "aaaa0001", [claim("c")])
    run = run_cli(["diff"], {"REPORT_OUTPUT_DIR": str(out)})
    assert run.status == 2 and "no version before it" in run.err
