"""``build --engine quarto``: the default build, then the same ledger rendered by Quarto."""

from __future__ import annotations

from pathlib import Path

from report.pipeline import compute, open_project
from report.progress import Progress, silent
from report.quarto.document import qmd_text
from report.quarto.run import quarto_command, render_with_quarto
from report.render.context import report_context
from report.render.svg import ChartSVG, chart_svg
from report.settings import Settings
from report.versions.build import BuildResult, build, build_info


def build_with_quarto(
    settings: Settings, progress: Progress = silent
) -> tuple[BuildResult, list[Path]]:
    """Build (or reuse) the version, then write ``report.qmd`` and Quarto's HTML and PDF
    into its folder under their own names; stops before building when Quarto is missing.
    The default engine's files are not touched."""
    quarto_command()
    result = build(settings, progress)
    project = open_project(settings)
    ledger = compute(project)
    charts: dict[str, ChartSVG | None] = {e.claim.id: chart_svg(e) for e in ledger.entries}
    context = report_context(project.article, ledger, build_info(project), charts)
    qmd = qmd_text(context, ledger, charts, settings.templates_dir)
    progress("rendering with quarto")
    return result, render_with_quarto(qmd, result.folder)
