"""``python -m report build``: compute the ledger and write ``output/<version>/``.

With nothing changed, the build confirms the latest version from hashes (code, inputs,
environment) before importing pandas, Altair or the renderers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from report.commands.options import mirror_option, output_option, quiet_option, settings_from


@click.command(
    "build",
    short_help="Compute every claim and write the HTML and PDF report.",
    help=(
        "Compute every claim and write output/<version>/: report.html, report.pdf, "
        "appendix.pdf, claims.json and manifest.json. A version that already exists is "
        "reused; only the claims whose data, code or parameters changed are recomputed, "
        "and --explain says which and why.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  python -m report build\n"
        "  python -m report build --explain\n"
        "  python -m report build --mirror ../shared/data --quiet"
    ),
)
@mirror_option
@output_option
@quiet_option
@click.option("--timestamp", is_flag=True, help="Stamp the build time (makes a new version).")
@click.option(
    "--explain", is_flag=True, help="Print one line per claim: cached, or recomputed and why."
)
@click.option(
    "--no-cache", "no_cache", is_flag=True, help="Recompute every claim and redraw every chart."
)
@click.option(
    "--engine",
    type=click.Choice(["default", "quarto"]),
    default="default",
    show_default=True,
    help="quarto also renders report.quarto.html and report.quarto.pdf with the quarto command.",
)
def command(
    mirror: Path | None,
    output: Path | None,
    quiet: bool,
    timestamp: bool,
    explain: bool,
    no_cache: bool,
    engine: str,
) -> int:
    """Build one version."""
    from report.commands.tally import tally_line
    from report.versions.fastpath import confirm_latest

    settings = settings_from(mirror, output, quiet, timestamp)
    if engine == "default" and not (explain or no_cache):
        confirmed = confirm_latest(settings)
        if confirmed is not None:
            _say_done("reused", confirmed.version, confirmed.folder, tally_line)
            return 0

    from report.progress import close_progress, progress_for
    from report.versions.build import build

    progress = progress_for(settings.quiet)
    written: list[Path] = []
    try:
        if engine == "quarto":
            from report.quarto.engine import build_with_quarto

            result, written = build_with_quarto(settings, progress)
        else:
            result = build(settings, progress, use_cache=not no_cache)
    finally:
        close_progress(progress)
    if explain:
        for decision in result.decisions:
            click.echo(decision.line())
    _say_done("reused" if result.reused else "built", result.version, result.folder, tally_line)
    for path in written:
        click.echo(f"quarto wrote {path}")
    return 0


def _say_done(state: str, version: str, folder: Path, tally_line: Callable[[Path], str]) -> None:
    click.echo(f"{state} version {version}: {tally_line(folder / 'claims.json')}")
    click.echo(f"report: {folder / 'report.html'}")
