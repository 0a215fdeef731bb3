"""``python -m report refresh [DATASET...]``: fetch datasets from their live sources and
lock the new snapshots."""

from __future__ import annotations

from dataclasses import replace

import click

from report.errors import ReportError

EXIT_FAILED = 1


def run_refresh(datasets: tuple[str, ...]) -> tuple[int, list[str]]:
    """Refresh and print what changed; the exit status and the ids of updated datasets."""
    from report.data.lock import apply_lock
    from report.data.refresh.changes import claim_figures, describe_tables, moved_figures
    from report.data.refresh.run import refresh
    from report.data.registry import load_registry
    from report.pipeline import open_project
    from report.settings import load_settings

    settings = load_settings()
    outcomes, before, after = refresh(settings, datasets)
    registry = load_registry(settings.data_dir)
    changed_tables: set[str] = set()
    for outcome in outcomes:
        line = f"{outcome.dataset}: {outcome.status}"
        click.echo(
            line + (f" ({outcome.message})" if outcome.message else ""),
            err=outcome.status == "failed",
        )
        if outcome.status == "updated":
            for text in describe_tables(outcome, apply_lock(registry, before), settings):
                click.echo(f"  {text}")
            changed = {i.file for i in outcome.files if i.changed}
            spec = registry.datasets[outcome.dataset]
            changed_tables |= {t.name for t in spec.tables if t.file in changed}
    if changed_tables:
        try:
            new_project = open_project(settings)
            # the plan does not depend on the lock: the same project read with the old lock
            old_project = replace(new_project, registry=apply_lock(registry, before))
            moves = moved_figures(
                claim_figures(old_project, changed_tables),
                claim_figures(new_project, changed_tables),
            )
        except ReportError as error:
            moves = [f"(figures not compared: {error})"]
        for text in moves or ["no figure moves"]:
            click.echo(f"  {text}")
    failed = [o.dataset for o in outcomes if o.status == "failed"]
    updated = [o.dataset for o in outcomes if o.status == "updated"]
    if failed:
        kept = ", ".join(updated) if updated else "none"
        click.echo(
            f"refresh failed for {', '.join(failed)}: their lock entries and snapshots are "
            f"unchanged; newly locked: {kept}",
            err=True,
        )
        return EXIT_FAILED, updated
    click.echo("lock unchanged" if before == after else f"locked {len(updated)} updated dataset(s)")
    return 0, updated


@click.command(
    "refresh",
    help=(
        "Fetch datasets from their live public sources, validate them and lock new "
        "snapshots (all datasets with a live source when none is named).\n\n"
        "Example: python -m report refresh blockchaincom-charts-2026"
    ),
)
@click.argument("datasets", nargs=-1)
def command(datasets: tuple[str, ...]) -> int:
    """Refresh datasets."""
    status, _ = run_refresh(datasets)
    return status
