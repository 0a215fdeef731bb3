"""``python -m report claims``: compute the ledger and print it as a table."""

from __future__ import annotations

from pathlib import Path

import click

from report.commands.options import mirror_option, settings_from


@click.command(
    "claims",
    short_help="Compute every claim and print the verdicts as a table.",
    help=(
        "Compute every claim and print the ledger as a table that wraps to the terminal: "
        "claim, verdict, headline figure and, on a wide terminal, the finding. Nothing is "
        "written.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  python -m report claims\n"
        "  python -m report claims --width 80 --findings"
    ),
)
@mirror_option
@click.option("--width", type=click.IntRange(min=40), help="Table width in characters.")
@click.option(
    "--findings/--no-findings",
    default=None,
    help="Show each claim's finding (default: when the terminal has 110 columns or more).",
)
def command(mirror: Path | None, width: int | None, findings: bool | None) -> int:
    """Print the ledger."""
    from rich.console import Console

    from report.pipeline import compute, open_project
    from report.render.terminal import print_ledger

    ledger = compute(open_project(settings_from(mirror)))
    print_ledger(ledger, Console(width=width) if width else None, findings)
    return 0
