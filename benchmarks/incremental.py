"""Time cold, no-change and one-dataset builds against the import floor.

    .venv/bin/python benchmarks/incremental.py [--repeat N]

Every figure is a fresh ``python -m report ...`` process, so it includes interpreter start
and imports. The import floor is ``python -c "import pandas, altair"``. The cold build
starts from an empty cache and output folder; the no-change build runs right after it;
the one-dataset rebuild follows an edit of one value in ``data/curated/edge_ai_market.csv``
and ``pin`` (neither timed). Each run works on a scratch copy of ``data/``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = Path("curated/edge_ai_market.csv")


def _run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return took


def _edit(table: Path, step: int) -> None:
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    column = header.index("forecast_value_usd_bn")
    fields = lines[1].split(",")
    fields[column] = f"{float(fields[column]) + step:g}"
    lines[1] = ",".join(fields)
    table.write_text("".join(lines), encoding="utf-8")


def one_round(scratch: Path, step: int) -> dict[str, float]:
    """Cold, no-change and one-dataset build once, on a fresh copy of ``data/``."""
    data = scratch / "project" / "data"
    shutil.copytree(ROOT / "data", data)
    env = {
        **os.environ,
        "REPORT_DATA_DIR": str(data),
        "REPORT_DATA_CACHE": str(scratch / "cache"),
        "REPORT_OUTPUT_DIR": str(scratch / "output"),
    }
    report = [sys.executable, "-m", "report"]
    times = {
        "import floor: python -c 'import pandas, altair'": _run(
            [sys.executable, "-c", "import pandas, altair"], env
        ),
        "cold build (empty cache)": _run([*report, "build", "--quiet"], env),
        "no-change build": _run([*report, "build", "--quiet"], env),
    }
    _edit(data / TABLE, step)
    _run([*report, "pin", str(data / TABLE)], env)
    times["one-dataset rebuild (edge_ai_market.csv re-pinned)"] = _run(
        [*report, "build", "--quiet"], env
    )
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runs: dict[str, list[float]] = {}
    for number in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as scratch:
            for stage, seconds in one_round(Path(scratch), number + 1).items():
                runs.setdefault(stage, []).append(seconds)
    floor = statistics.median(next(iter(runs.values())))
    print(f"{args.repeat} runs, {os.cpu_count()} cores\n")
    print("| stage | median s | fastest | slowest | / import floor |")
    print("|---|---:|---:|---:|---:|")
    for stage, values in runs.items():
        median = statistics.median(values)
        print(
            f"| {stage} | {median:.2f} | {min(values):.2f} | {max(values):.2f} "
            f"| {median / floor:.2f} |"
        )


if __name__ == "__main__":
    main()
