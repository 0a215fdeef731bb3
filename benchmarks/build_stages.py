"""Time each stage of a build from the shipped data, over several runs.

    .venv/bin/python benchmarks/build_stages.py [--repeat N]

Prints the sizes of the files a build writes and a Markdown table of seconds per stage
(median, fastest, slowest). The cold build runs ``python -m report build`` in a new process,
so it includes interpreter start and imports. Figures depend on the machine;
docs/rendering.md records the ones measured for the project.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report.data.datasets import load_tables  # noqa: E402
from report.ledger.compute import compute_ledger  # noqa: E402
from report.pipeline import open_project  # noqa: E402
from report.render.context import report_context  # noqa: E402
from report.render.document import draw_charts  # noqa: E402
from report.render.html import render_html  # noqa: E402
from report.render.pdf import compile_pdf, render_typst  # noqa: E402
from report.settings import load_settings  # noqa: E402
from report.versions.build import build, build_info  # noqa: E402
from tests.report.render.chromium import FLAGS as BROWSER_TEST_FLAGS  # noqa: E402

CHROMIUM_FLAGS = (*BROWSER_TEST_FLAGS, "--no-pdf-header-footer")
T = TypeVar("T")
Times = dict[str, list[float]]


def timed(times: Times, stage: str, function: Callable[[], T]) -> T:
    """Run ``function``, add its seconds to ``times[stage]`` and return its result."""
    start = time.perf_counter()
    result = function()
    times.setdefault(stage, []).append(time.perf_counter() - start)
    return result


def one_run(times: Times, scratch: Path) -> dict[str, int]:
    """Time every stage once into ``times``; the sizes of the built files."""
    settings = load_settings().with_changes(output_dir=scratch / "out", quiet=True)
    project = timed(
        times, "open project (registry, article, claims)", lambda: open_project(settings)
    )
    tables = timed(
        times,
        "load and validate tables",
        lambda: load_tables(project.tables_needed(), project.registry, settings),
    )
    ledger = timed(
        times,
        "assess every claim",
        lambda: compute_ledger(project.plan, tables, project.registry, project.parameters),
    )
    charts = timed(times, "draw charts (Altair, vl-convert)", lambda: draw_charts(ledger))
    context = report_context(project.article, ledger, build_info(project), charts)
    timed(times, "render HTML (Jinja2)", lambda: render_html(context, settings.templates_dir))
    source = timed(
        times, "render Typst source (Jinja2)", lambda: render_typst(context, settings.templates_dir)
    )
    pdf_dir = scratch / "pdf"
    (pdf_dir / "charts").mkdir(parents=True)
    for chart in charts.values():
        if chart is not None:
            (pdf_dir / chart.file_name).write_text(chart.svg, encoding="utf-8")
    timed(times, "compile PDF (Typst)", lambda: compile_pdf(source, pdf_dir))
    result = timed(times, "whole build, in this process", lambda: build(settings))
    timed(times, "whole build, version exists (reused)", lambda: build(settings))
    command = [
        sys.executable,
        "-m",
        "report",
        "build",
        "--quiet",
        "--output",
        str(scratch / "cold"),
    ]
    timed(
        times,
        "cold build: python -m report build",
        lambda: subprocess.run(command, cwd=ROOT, check=True, capture_output=True),
    )
    chromium = shutil.which("chromium")
    if chromium:  # the engine Typst was chosen over, on the same content
        printed = scratch / "chromium.pdf"
        flags = [*CHROMIUM_FLAGS, f"--user-data-dir={scratch / 'profile'}"]
        page = (result.folder / "report.html").as_uri()
        timed(
            times,
            "for comparison: Chromium prints report.html to PDF",
            lambda: subprocess.run(
                [chromium, *flags, f"--print-to-pdf={printed}", page],
                check=True,
                capture_output=True,
            ),
        )
    return {p.name: p.stat().st_size for p in sorted(result.folder.iterdir()) if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description="Time each stage of a build.")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage (default 3)")
    args = parser.parse_args()
    times: Times = {}
    sizes: dict[str, int] = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as scratch:
            sizes = one_run(times, Path(scratch))
    machine = (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}"
    )
    print(f"{machine}, {args.repeat} runs\n\n| file | size |\n|---|---:|")
    for name, size in sizes.items():
        print(f"| `{name}` | {size / 1024:,.0f} KiB |")
    print("\n| stage | median s | fastest s | slowest s |\n|---|---:|---:|---:|")
    for stage, values in times.items():
        print(
            f"| {stage} | {statistics.median(values):.2f} | {min(values):.2f} | {max(values):.2f} |"
        )


if __name__ == "__main__":
    main()
