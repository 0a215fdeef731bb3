"""``python -m report pin PATH...``: re-pin a local input after an intended edit."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(
    "pin",
    help=(
        "Re-pin local inputs after an intended edit (a curated table, a mirror file, the "
        "article): validate each, then write its new sha256 into data/snapshots.lock and "
        "print the old and new hashes.\n\n"
        "Example: python -m report pin data/curated/edge_ai_market.csv"
    ),
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def command(paths: tuple[Path, ...]) -> int:
    """Pin files."""
    from report.data.pinning import pin_paths
    from report.settings import load_settings

    for line in pin_paths(load_settings(), paths):
        click.echo(line)
    return 0
