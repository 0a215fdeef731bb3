"""``python -m report snapshots export DIR``: write the locked snapshots as a mirror folder."""

from __future__ import annotations

from pathlib import Path

import click


@click.group(
    "snapshots",
    help=(
        "Work with the locked dataset snapshots.\n\n"
        "Example: python -m report snapshots export /srv/mirror"
    ),
)
def command() -> None:
    """The snapshots group."""


@command.command(
    "export",
    help=(
        "Write every locked snapshot into DIR as <dataset-id>/<file>, verified, so another "
        "checkout or CI can build the same version with REPORT_DATA_MIRROR=DIR.\n\n"
        "Example: python -m report snapshots export /srv/mirror"
    ),
)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def export(folder: Path) -> int:
    """Export the locked snapshots."""
    from report.data.fetch import resolve_file
    from report.data.lock import locked_registry
    from report.data.snapshots import export_file
    from report.data.statcache import stat_cache_for
    from report.settings import load_settings

    settings = load_settings()
    registry = locked_registry(settings.data_dir)
    stats = stat_cache_for(settings.cache_dir)
    copied = kept = 0
    for dataset in registry.datasets.values():
        for spec in dataset.files:
            if spec.path is not None:
                continue  # shipped in the repository, pinned in the lock
            source = resolve_file(dataset, spec, settings, stats)
            target = folder / (spec.mirror_folder or dataset.id) / spec.name
            if export_file(source, target):
                copied += 1
            else:
                kept += 1
    stats.save()
    click.echo(
        f"exported {copied} snapshot file(s) to {folder} ({kept} already there); "
        f"build elsewhere with REPORT_DATA_MIRROR={folder.resolve()} (and REPORT_ARTICLE "
        "pointing at the article)"
    )
    return 0
