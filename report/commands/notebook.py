"""``python -m report notebook``: a version as an executed Jupyter notebook."""

from __future__ import annotations

from pathlib import Path

import click

from report.commands.options import mirror_option, output_option, quiet_option, settings_from


@click.command(
    "notebook",
    help=(
        "Write an executed notebook of a version (default: latest) beside its report: "
        "report.ipynb, or claim-<id>.ipynb with --claim. Open it with "
        ".venv/bin/jupyter lab output/latest/report.ipynb.\n\n"
        "Example: python -m report notebook --claim pools-few-control"
    ),
)
@click.argument("version", required=False, default="latest")
@click.option("--claim", "claim_id", metavar="ID", help="Only this claim.")
@click.option(
    "--timeout",
    type=click.IntRange(min=1),
    default=600,
    show_default=True,
    help="Seconds one cell may run.",
)
@mirror_option
@output_option
@quiet_option
def command(
    version: str,
    claim_id: str | None,
    timeout: int,
    mirror: Path | None,
    output: Path | None,
    quiet: bool,
) -> int:
    """Write the notebook."""
    from report.notebook.write import write_notebook
    from report.progress import progress_for

    settings = settings_from(mirror, output, quiet)
    path = write_notebook(settings, version, claim_id, timeout, progress_for(settings.quiet))
    click.echo(f"wrote {path}")
    return 0
