"""``python -m report build``: compute the ledger and write ``output/<version>/``."""

from __future__ import annotations

from pathlib import Path

import click

from report.commands.options import mirror_option, output_option, quiet_option, settings_from


@click.command(
    "build",
    short_help="Compute every claim and write the HTML and PDF report.",
    help=(
        "Compute every claim and write output/<version>/: report.html, report.pdf, "
        "appendix.pdf, claims.json and manifest.json. A version that already exists is "
        "reused.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  python -m report build\n"
        "  python -m report build --mirror ../shared/data --quiet"
    ),
)
@mirror_option
@output_option
@quiet_option
@click.option("--timestamp", is_flag=True, help="Stamp the build time (makes a new version).")
@click.option(
    "--engine",
    type=click.Choice(["default", "quarto"]),
    default="default",
    show_default=True,
    help="quarto also renders report.quarto.html and report.quarto.pdf with the quarto command.",
)
def command(
    mirror: Path | None, output: Path | None, quiet: bool, timestamp: bool, engine: str
) -> int:
    """Build one version."""
    from report.commands.tally import tally_line
    from report.progress import close_progress, progress_for
    from report.versions.build import build

    settings = settings_from(mirror, output, quiet, timestamp)
    progress = progress_for(settings.quiet)
    written: list[Path] = []
    try:
        if engine == "quarto":
            from report.quarto.engine import build_with_quarto

            result, written = build_with_quarto(settings, progress)
        else:
            result = build(settings, progress)
    finally:
        close_progress(progress)
    state = "reused existing" if result.reused else "built"
    click.echo(f"{state} version {result.version}: {tally_line(result.folder / 'claims.json')}")
    click.echo(f"report: {result.folder / 'report.html'}")
    for path in written:
        click.echo(f"quarto wrote {path}")
    return 0
