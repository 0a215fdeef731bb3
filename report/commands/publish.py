"""``python -m report publish``: write every version as a static site."""

from __future__ import annotations

from pathlib import Path

import click

from report.commands.options import output_option, settings_from


@click.command(
    "publish",
    help=(
        "Write a static site (default output/site/): the latest report at its root, every "
        "version at versions/<id>/ with a changes page, a version index and an Atom feed. "
        "Refuses while a claim of a new version awaits review, unless --force --reason.\n\n"
        "Example: python -m report publish --to /srv/www/report"
    ),
)
@click.option(
    "--to", "to", type=click.Path(path_type=Path), help="The site folder (default output/site)."
)
@click.option(
    "--force", is_flag=True, help="Publish although claims await review (needs --reason)."
)
@click.option(
    "--reason", default=None, help="Why, recorded in the site's log and on the version's page."
)
@output_option
def command(to: Path | None, force: bool, reason: str | None, output: Path | None) -> int:
    """Publish the site."""
    from report.publish.site import publish
    from report.review.errors import ReviewError
    from report.review.log import log_path
    from report.review.versions import resolve

    if force != (reason is not None) or (reason is not None and not reason.strip()):
        raise ReviewError("--force and --reason TEXT go together", "say why the review is skipped")
    settings = settings_from(output=output)
    site = to if to is not None else settings.output_dir / "site"
    title = resolve(settings.output_dir, "latest").title() if settings.output_dir.is_dir() else ""
    done = publish(
        settings.output_dir,
        site,
        log_path(settings.project_root),
        title,
        reason.strip() if reason else None,
    )
    added = ", ".join(done.added) if done.added else "none"
    click.echo(f"published {done.site}: {done.versions} versions (new: {added})")
    return 0
