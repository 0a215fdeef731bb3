"""Whole-process timings of the report against the import floor, measured in one run.

    .venv/bin/python benchmarks/run.py [--repeat N] [--json FILE] [--project PATH]
    .venv/bin/python benchmarks/run.py --quick      # each case once, checked; CI runs this

Every case is a fresh ``python -m report ...`` process (interpreter start and imports
included), and every figure is also given as a ratio to the import floor
``python -c "import pandas, altair"`` timed in the same round, so rounds on a loaded machine
stay comparable. Each round works in a new scratch folder with a copy of ``data/``
(``REPORT_DATA_DIR``), a new output folder (``REPORT_OUTPUT_DIR``) and a new data cache
(``REPORT_DATA_CACHE``, where claim and chart caches live when the build has them):

- cold build: new output folder and empty caches; the Vega runtime, which depends only on
  the installed vl-convert, is taken from the runtime cache (``REPORT_RUNTIME_CACHE``),
  warmed once before the first round;
- first build on a machine: the same with an empty runtime cache too;
- nothing changed: the same command again in the same folders;
- one dataset changed: one value of ``data/curated/edge_ai_market.csv`` edited in the copy,
  re-pinned with ``python -m report pin`` when the command exists, else by writing its new
  sha256 into the copied registry file (neither step timed);
- Jupyter path: ``python -m report notebook``, the same analyses and charts executed on a
  Jupyter kernel through nbclient, for the version the cold build wrote.

The load average is recorded beside the figures: the machine may be shared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EDITED = Path("curated/edge_ai_market.csv")
EDITED_REGISTRY = Path("datasets/curated-edge-ai-market.toml")
EDITED_COLUMN = "forecast_value_usd_bn"

FLOOR = "import floor"
CASES = (
    ("cold", "cold build (new output folder, empty caches)"),
    ("first", "first build on a machine (also no Vega runtime cached)"),
    ("nochange", "nothing changed"),
    ("changed", "one dataset changed"),
    ("jupyter", "Jupyter path (python -m report notebook, nbclient)"),
)
# Ratios to the import floor the issue sets as targets; "jupyter_over_*" are how many times
# faster than the Jupyter path a build must be.
TARGETS = {
    "cold": 4.0,
    "nochange": 0.5,
    "changed": 1.5,
    "jupyter_over_cold": 2.0,
    "jupyter_over_nochange": 8.0,
}


@dataclass(frozen=True)
class Timing:
    """One whole process: wall seconds, peak resident memory and the load when it started."""

    seconds: float
    peak_mib: float
    load_1min: float


class BenchmarkError(Exception):
    """A case failed; the message names the command and shows its output."""


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> Timing:
    """Run ``args`` to completion: seconds, peak memory (of the process and the children it
    waited for) and the load average; a failure raises :class:`BenchmarkError`."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    out = process.stdout.read() if process.stdout is not None else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        text = out.decode("utf-8", "replace")[-4000:]
        raise BenchmarkError(f"{' '.join(args)} exited {process.returncode}:\n{text}")
    return Timing(seconds, usage.ru_maxrss / 1024, load)


def has_pin(project: Path, env: dict[str, str]) -> bool:
    """Whether this version of the report has a ``pin`` command."""
    done = subprocess.run(
        [sys.executable, "-m", "report", "pin", "--help"],
        cwd=project,
        env=env,
        capture_output=True,
    )
    return done.returncode == 0


def edit_table(data: Path, step: int) -> None:
    """Add ``step`` to the first row's forecast value of the copied edge-AI table."""
    table = data / EDITED
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    column = lines[0].rstrip("\r\n").split(",").index(EDITED_COLUMN)
    fields = lines[1].split(",")
    fields[column] = f"{float(fields[column]) + step:g}"
    lines[1] = ",".join(fields)
    table.write_text("".join(lines), encoding="utf-8")


def repin_in_registry(data: Path) -> None:
    """Write the edited table's new sha256 into the copied registry file (builds without pin)."""
    digest = hashlib.sha256((data / EDITED).read_bytes()).hexdigest()
    registry = data / EDITED_REGISTRY
    text, count = re.subn(
        r'(\nsha256 = ")[0-9a-f]{64}(")',
        rf"\g<1>{digest}\g<2>",
        registry.read_text("utf-8"),
        count=1,
    )
    if count != 1:
        raise BenchmarkError(f"no sha256 line to re-pin in {registry}")
    registry.write_text(text, encoding="utf-8")


def version_of(output: Path) -> str:
    """The version ``output/latest`` points at."""
    return (output / "latest").resolve().name


def _environment(scratch: Path, runtime_cache: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "REPORT_DATA_DIR": str(scratch / "data"),
        "REPORT_DATA_CACHE": str(scratch / "cache"),
        "REPORT_OUTPUT_DIR": str(scratch / "output"),
        "REPORT_RUNTIME_CACHE": str(runtime_cache),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("REPORT_PROJECT_ROOT", None)
    return env


def one_round(
    project: Path, scratch: Path, runtime_cache: Path, step: int, pin: bool
) -> dict[str, Timing]:
    """Every case once, in ``scratch``; checks what each case wrote."""
    python = sys.executable
    report = [python, "-m", "report"]
    shutil.copytree(project / "data", scratch / "data")
    env = _environment(scratch, runtime_cache)
    times = {FLOOR: timed([python, "-c", "import pandas, altair"], project, env)}
    times["cold"] = timed([*report, "build", "--quiet"], project, env)
    cold_version = version_of(scratch / "output")
    if not (scratch / "output" / cold_version / "report.html").is_file():
        raise BenchmarkError("the cold build wrote no report.html")
    times["nochange"] = timed([*report, "build", "--quiet"], project, env)
    if version_of(scratch / "output") != cold_version:
        raise BenchmarkError("a build with nothing changed made a new version")
    times["jupyter"] = timed([*report, "notebook", "--quiet"], project, env)
    if not (scratch / "output" / cold_version / "report.ipynb").is_file():
        raise BenchmarkError("python -m report notebook wrote no report.ipynb")
    edit_table(scratch / "data", step)
    if pin:
        timed([*report, "pin", str(scratch / "data" / EDITED)], project, env)
    else:
        repin_in_registry(scratch / "data")
    times["changed"] = timed([*report, "build", "--quiet"], project, env)
    if version_of(scratch / "output") == cold_version:
        raise BenchmarkError("a build after a dataset changed kept the old version")
    first_env = {
        **_environment(scratch, scratch / "runtime"),
        "REPORT_OUTPUT_DIR": str(scratch / "first-output"),
        "REPORT_DATA_CACHE": str(scratch / "first-cache"),
    }
    times["first"] = timed([*report, "build", "--quiet"], project, first_env)
    return times


def summary(values: list[float]) -> dict[str, float]:
    """Median, fastest, slowest and (with two or more) the standard deviation."""
    spread = statistics.stdev(values) if len(values) > 1 else 0.0
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "stdev": spread,
    }


def results(rounds: list[dict[str, Timing]]) -> dict[str, Any]:
    """Seconds, ratios to the same round's floor, peak memory and load, per case."""
    floors = [r[FLOOR].seconds for r in rounds]
    cases: dict[str, Any] = {
        "floor": {
            "label": 'python -c "import pandas, altair"',
            "seconds": summary(floors),
            "peak_mib": max(r[FLOOR].peak_mib for r in rounds),
        }
    }
    for key, label in CASES:
        seconds = [r[key].seconds for r in rounds]
        cases[key] = {
            "label": label,
            "seconds": summary(seconds),
            "ratio": summary([s / f for s, f in zip(seconds, floors, strict=True)]),
            "peak_mib": max(r[key].peak_mib for r in rounds),
            "load_1min": summary([r[key].load_1min for r in rounds]),
        }
    jupyter = [r["jupyter"].seconds for r in rounds]
    for key in ("cold", "nochange"):
        own = [r[key].seconds for r in rounds]
        cases[f"jupyter_over_{key}"] = {
            "label": f"Jupyter path / {key}",
            "ratio": summary([j / s for j, s in zip(jupyter, own, strict=True)]),
        }
    return cases


def _check(key: str, ratio: float) -> str:
    target = TARGETS.get(key)
    if target is None:
        return ""
    met = ratio >= target if key.startswith("jupyter_over") else ratio <= target
    sign = ">=" if key.startswith("jupyter_over") else "<="
    return f"{sign} {target:g}: {'met' if met else 'not met'}"


def table(document: dict[str, Any]) -> str:
    """The results as a Markdown table (seconds, ratio to the floor, peak memory, target)."""
    cases = document["cases"]
    floor = cases["floor"]["seconds"]
    lines = [
        f"{document['machine']}; {document['rounds']} rounds; load average "
        f"{document['load_before'][0]:.2f} before, {document['load_after'][0]:.2f} after "
        f"(1 min; {document['cpus']} CPUs)",
        "",
        "| case | median s | min-max s | / floor (median, min-max) | peak MiB | target |",
        "|---|---:|---:|---:|---:|---|",
        f"| {cases['floor']['label']} | {floor['median']:.2f} | {floor['min']:.2f}-"
        f"{floor['max']:.2f} | 1 | {cases['floor']['peak_mib']:.0f} | |",
    ]
    for key, _ in CASES:
        case = cases[key]
        s, r = case["seconds"], case["ratio"]
        lines.append(
            f"| {case['label']} | {s['median']:.2f} | {s['min']:.2f}-{s['max']:.2f} | "
            f"{r['median']:.2f} ({r['min']:.2f}-{r['max']:.2f}) | {case['peak_mib']:.0f} | "
            f"{_check(key, r['median'])} |"
        )
    for key in ("jupyter_over_cold", "jupyter_over_nochange"):
        r = cases[key]["ratio"]
        lines.append(
            f"| {cases[key]['label']} (times faster) | | | {r['median']:.2f} "
            f"({r['min']:.2f}-{r['max']:.2f}) | | {_check(key, r['median'])} |"
        )
    return "\n".join(lines)


def comparison(before: dict[str, Any], after: dict[str, Any]) -> str:
    """Two runs' medians side by side (seconds and ratios to each run's own floor)."""
    lines = [
        "| case | before s | before / floor | after s | after / floor | target |",
        "|---|---:|---:|---:|---:|---|",
        f"| {after['cases']['floor']['label']} | "
        f"{before['cases']['floor']['seconds']['median']:.2f} | 1 | "
        f"{after['cases']['floor']['seconds']['median']:.2f} | 1 | |",
    ]
    for key, label in CASES:
        old, new = before["cases"][key], after["cases"][key]
        lines.append(
            f"| {label} | {old['seconds']['median']:.2f} | {old['ratio']['median']:.2f} | "
            f"{new['seconds']['median']:.2f} | {new['ratio']['median']:.2f} | "
            f"{_check(key, new['ratio']['median'])} |"
        )
    for key in ("jupyter_over_cold", "jupyter_over_nochange"):
        old, new = before["cases"][key]["ratio"], after["cases"][key]["ratio"]
        lines.append(
            f"| {after['cases'][key]['label']} (times faster) | | {old['median']:.2f} | | "
            f"{new['median']:.2f} | {_check(key, new['median'])} |"
        )
    return "\n".join(lines)


def run(project: Path, rounds: int) -> dict[str, Any]:
    """Warm the runtime cache, then ``rounds`` rounds of every case; the JSON document."""
    load_before = list(os.getloadavg())
    timings: list[dict[str, Timing]] = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as folder:
        scratch = Path(folder)
        runtime_cache = scratch / "runtime-cache"
        warm = scratch / "warm"
        warm.mkdir()
        pin = has_pin(project, _environment(warm, runtime_cache))
        shutil.copytree(project / "data", warm / "data")
        timed(
            [sys.executable, "-m", "report", "build", "--quiet"],
            project,
            _environment(warm, runtime_cache),
        )
        shutil.rmtree(warm)
        for number in range(rounds):
            here = scratch / f"round-{number + 1}"
            here.mkdir()
            timings.append(one_round(project, here, runtime_cache, number + 1, pin))
            shutil.rmtree(here)
    return {
        "machine": f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}",
        "cpus": os.cpu_count(),
        "project": str(project),
        "pin": pin,
        "rounds": rounds,
        "load_before": load_before,
        "load_after": list(os.getloadavg()),
        "targets": TARGETS,
        "cases": results(timings),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds (default 5)")
    parser.add_argument("--quick", action="store_true", help="one round: check every case runs")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results here")
    parser.add_argument(
        "--project",
        type=Path,
        default=ROOT,
        help="checkout to measure (default: this one), e.g. an export of another commit",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="BEFORE.json",
        help="also print this run beside an earlier run's --json file",
    )
    args = parser.parse_args(argv)
    rounds = 1 if args.quick else max(1, args.repeat)
    try:
        document = run(args.project.resolve(), rounds)
    except BenchmarkError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    print(table(document))
    if args.compare is not None:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        print(f"\nbefore: {before['project']}, after: {document['project']}\n")
        print(comparison(before, document))
    if args.json is not None:
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
