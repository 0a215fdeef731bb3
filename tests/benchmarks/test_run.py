"""benchmarks/run.py --quick: every case runs once, and its JSON has the documented shape.

No timing is asserted (the machine may be shared): only that each case ran, was checked
and reported seconds, a ratio to the import floor, peak memory and the load average.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = ("cold", "first", "nochange", "changed", "jupyter")
SUMMARY = {"median", "min", "max", "stdev"}


def test_quick_run_writes_every_case_with_ratios_to_the_floor(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["rounds"] == 1
    assert len(document["load_before"]) == len(document["load_after"]) == 3
    assert isinstance(document["pin"], bool)
    cases = document["cases"]
    assert set(cases) == {"floor", *CASES, "jupyter_over_cold", "jupyter_over_nochange"}
    floor = cases["floor"]["seconds"]
    assert set(floor) == SUMMARY and floor["median"] > 0
    for key in CASES:
        case = cases[key]
        assert set(case["seconds"]) == SUMMARY and set(case["ratio"]) == SUMMARY
        assert case["seconds"]["min"] == case["seconds"]["max"] > 0  # one round
        assert case["ratio"]["median"] == case["seconds"]["median"] / floor["median"]
        assert case["peak_mib"] > 0 and case["load_1min"]["median"] >= 0
    jupyter = cases["jupyter"]["seconds"]["median"]
    cold = cases["cold"]["seconds"]["median"]
    assert cases["jupyter_over_cold"]["ratio"]["median"] == jupyter / cold
    assert set(document["targets"]) == {
        "cold",
        "nochange",
        "changed",
        "jupyter_over_cold",
        "jupyter_over_nochange",
    }
    assert "| cold build" in done.stdout  # the table on the terminal
