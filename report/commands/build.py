"""``python -m report build``: compute the ledger and write ``output/<version>/``.

With nothing changed, the build confirms the latest version from hashes (code, inputs,
environment) before importing pandas, Altair or the renderers.
"""

from __future__ import annotations

from pathlib import Path

import click

from report.commands.options import mirror_option, output_option, quiet_option, settings_from


@click.command(
    "build",
    help=(
        "Compute every claim and write output/<version>/ (reuses an identical version).\n\n"
        "Only the claims whose data, code or parameters changed are recomputed; --explain "
        "says which and why.\n\n"
        "Example: python -m report build --quiet"
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
def command(
    mirror: Path | None,
    output: Path | None,
    quiet: bool,
    timestamp: bool,
    explain: bool,
    no_cache: bool,
) -> int:
    """Build one version."""
    from report.progress import progress_for
    from report.versions.fastpath import confirm_latest

    settings = settings_from(mirror, output, quiet, timestamp)
    if not (explain or no_cache):
        confirmed = confirm_latest(settings)
        if confirmed is not None:
            click.echo(f"reused version {confirmed.version}: {confirmed.folder}")
            return 0

    from report.versions.build import build

    result = build(settings, progress_for(settings.quiet), use_cache=not no_cache)
    if explain:
        for decision in result.decisions:
            click.echo(decision.line())
    state = "reused" if result.reused else "built"
    click.echo(f"{state} version {result.version}: {result.folder}")
    return 0
