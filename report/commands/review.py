"""``python -m report review``: the claims that need an editor, and why."""

from __future__ import annotations

from pathlib import Path

import click

from report.commands.options import output_option, settings_from


@click.command(
    "review",
    help=(
        "List the claims of a version (default: the latest) that need an editor, and why; "
        "--export writes the QA log as CSV.\n\nExample: python -m report review --export qa-log.csv"
    ),
)
@click.argument("version", required=False, default="latest")
@click.option(
    "--export",
    "export",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the QA log (CSV) here.",
)
@output_option
def command(version: str, export: Path | None, output: Path | None) -> int:
    """Show what awaits review."""
    from report.review.errors import ReviewError
    from report.review.log import log_path, read_log
    from report.review.state import qa_csv, review_states
    from report.review.text import review_lines
    from report.review.versions import previous, resolve

    settings = settings_from(output=output)
    log = log_path(settings.project_root)
    if export is not None:
        entries = read_log(log)
        try:
            export.write_text(qa_csv(entries), encoding="utf-8")
        except OSError as error:
            raise ReviewError(f"cannot write {export}: {error.strerror}") from error
        click.echo(f"wrote {len(entries)} sign-offs to {export}")
        return 0
    chosen = resolve(settings.output_dir, version)
    states = review_states(chosen, previous(settings.output_dir, chosen), log)
    click.echo("\n".join(review_lines(chosen.id, states)))
    return 0
