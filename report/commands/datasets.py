"""``python -m report datasets``: list the registered datasets, optionally verifying them."""

from __future__ import annotations

from pathlib import Path

import click

from report.commands.options import mirror_option, settings_from


@click.command(
    "datasets",
    short_help="List the datasets; --verify checks every hash and schema.",
    help=(
        "List the registered datasets with their tables and licences; --verify also loads "
        "every table and checks its sha256 and schema.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  python -m report datasets\n"
        "  python -m report datasets --verify --mirror ../shared/data"
    ),
)
@mirror_option
@click.option("--verify", is_flag=True, help="Load and validate every table.")
def command(mirror: Path | None, verify: bool) -> int:
    """List (and verify) datasets."""
    from rich.console import Console

    from report.data.datasets import load_tables
    from report.data.lock import locked_registry

    settings = settings_from(mirror)
    registry = locked_registry(settings.data_dir)
    console = Console()
    for dataset in registry.datasets.values():
        tables = ", ".join(t.name for t in dataset.tables)
        console.print(
            f"[bold]{dataset.id}[/]  {dataset.title}\n  tables: {tables}; licence: {dataset.licence}"
        )
    if verify:
        load_tables(registry.tables, registry, settings)
        console.print(f"verified {len(registry.tables)} tables: hashes and schemas match")
    return 0
