"""``python -m report datasets``: list the registered datasets, optionally verifying them.

Titles, licences and names are data: printed as plain text (never rich markup) with
control characters and escape sequences shown as visible stand-ins.
"""

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
    from rich.text import Text

    from report.data.datasets import load_tables
    from report.data.lock import locked_registry
    from report.render.safe_text import visible

    settings = settings_from(mirror)
    registry = locked_registry(settings.data_dir)
    console = Console(highlight=False, emoji=False)
    for dataset in registry.datasets.values():
        tables = ", ".join(t.name for t in dataset.tables)
        line = Text()
        line.append(visible(dataset.id), style="bold")
        line.append(f"  {visible(dataset.title)}\n")
        line.append(f"  tables: {visible(tables)}; licence: {visible(dataset.licence)}")
        console.print(line)
    if verify:
        load_tables(registry.tables, registry, settings)
        console.print(Text(f"verified {len(registry.tables)} tables: hashes and schemas match"))
    return 0
