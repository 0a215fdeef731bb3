"""``python -m report build``: compute the ledger and write ``output/<version>/``."""

from __future__ import annotations

from pathlib import Path

import click

from report.commands.options import mirror_option, output_option, quiet_option, settings_from


@click.command(
    "build",
    help=(
        "Compute every claim and write output/<version>/ (reuses an identical version).\n\n"
        "Example: python -m report build --quiet"
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
    from report.progress import progress_for
    from report.versions.build import build

    settings = settings_from(mirror, output, quiet, timestamp)
    if engine == "quarto":
        from report.quarto.engine import build_with_quarto

        result, written = build_with_quarto(settings, progress_for(settings.quiet))
        for path in written:
            click.echo(f"quarto wrote {path}")
    else:
        result = build(settings, progress_for(settings.quiet))
    state = "reused" if result.reused else "built"
    click.echo(f"{state} version {result.version}: {result.folder}")
    return 0
