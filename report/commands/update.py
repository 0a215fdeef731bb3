"""``python -m report update``: refresh, then build; the exit status tells what happened.

0: a new version was built; 3: nothing new (the latest version is confirmed);
1: a refresh or the build failed; 2: refused input (bad data or declarations).
"""

from __future__ import annotations

import click

EXIT_NEW_VERSION = 0
EXIT_NOTHING_NEW = 3


@click.command(
    "update",
    help=(
        "Refresh the named datasets (all with a live source when none is named), then build.\n\n"
        "Exit status: 0 new version built, 3 nothing new, 1 failed, 2 refused input.\n\n"
        "Example: python -m report update --quiet"
    ),
)
@click.argument("datasets", nargs=-1)
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def command(datasets: tuple[str, ...], quiet: bool) -> int:
    """Refresh and build."""
    from report.commands.options import settings_from
    from report.commands.refresh import run_refresh

    status, _ = run_refresh(datasets)
    if status != 0:
        click.echo("update stopped: the build was not run", err=True)
        return status
    from report.versions.fastpath import confirm_latest

    settings = settings_from(quiet=quiet)
    confirmed = confirm_latest(settings)
    if confirmed is not None:
        click.echo(f"nothing new: version {confirmed.version} stands ({confirmed.folder})")
        return EXIT_NOTHING_NEW
    from report.progress import progress_for
    from report.versions.build import build

    result = build(settings, progress_for(settings.quiet))
    if result.reused:
        click.echo(f"nothing new: version {result.version} stands ({result.folder})")
        return EXIT_NOTHING_NEW
    click.echo(f"built version {result.version}: {result.folder}")
    return EXIT_NEW_VERSION
