"""``python -m report claims``: compute the ledger and print it as a table."""

from __future__ import annotations

from pathlib import Path

import click

from report.commands.options import mirror_option, settings_from


@click.command(
    "claims",
    help="Compute every claim and print the ledger as a table.\n\nExample: python -m report claims",
)
@mirror_option
@click.option("--width", type=click.IntRange(min=20), help="Table width in characters.")
def command(mirror: Path | None, width: int | None) -> int:
    """Print the ledger."""
    from rich.console import Console

    from report.pipeline import compute, open_project
    from report.render.terminal import print_ledger

    ledger = compute(open_project(settings_from(mirror)))
    print_ledger(ledger, Console(width=width) if width else None)
    return 0
