"""``python -m report diff [A] [B]``: what changed between two versions, claim by claim."""

from __future__ import annotations

import json
from pathlib import Path

import click

from report.commands.options import output_option, settings_from


@click.command(
    "diff",
    help=(
        "List what changed from version A to version B (default: the latest against the "
        "one before it; A alone: A against the latest): figures, verdicts, claims, wording and inputs.\n\n"
        "Example: python -m report diff --rtol 0.01"
    ),
)
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option(
    "--rtol", type=click.FloatRange(min=0), default=0.0, help="Hide relative changes below this."
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON document (docs/diff-json.md)."
)
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the diff as a page.",
)
@output_option
def command(
    old: str | None,
    new: str | None,
    rtol: float,
    as_json: bool,
    html_file: Path | None,
    output: Path | None,
) -> int:
    """Diff two versions."""
    from report.review.diff import diff_document, diff_versions
    from report.review.errors import ReviewError
    from report.review.text import diff_lines
    from report.review.versions import previous, resolve

    output_dir = settings_from(output=output).output_dir
    new_version = resolve(output_dir, new or "latest")
    old_version = resolve(output_dir, old) if old else previous(output_dir, new_version)
    if old_version is None:
        raise ReviewError(f"version {new_version.id} has no version before it to compare with")
    diff = diff_versions(old_version, new_version).filtered(rtol)
    if html_file is not None:
        from report.publish.pages import write_diff_page

        write_diff_page(diff, old_version, new_version, html_file)
        click.echo(f"wrote {html_file}")
    elif as_json:
        click.echo(json.dumps(diff_document(diff, rtol), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(diff_lines(diff)))
    return 0
