"""``python -m report approve``: sign off claims of a version in the review log."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from report.commands.options import output_option, settings_from


@click.command(
    "approve",
    help=(
        "Record an editor's sign-off of claims (or --all) of a version, bound to what the "
        "editor saw; it lapses when any figure, the verdict, the wording, the chart or an "
        "input changes.\n\nExample: python -m report approve edge-ai-market-growth --by 'A. Editor'"
    ),
)
@click.argument("claims", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every claim that awaits review.")
@click.option("--by", "by", required=True, help="Who checked the claims.")
@click.option("--note", default="", help="What was checked, or against what.")
@click.option(
    "--version", "version", default="latest", help="The version reviewed (default: latest)."
)
@output_option
def command(
    claims: tuple[str, ...], every: bool, by: str, note: str, version: str, output: Path | None
) -> int:
    """Sign off claims."""
    from report.review.errors import ReviewError
    from report.review.fingerprint import fingerprints
    from report.review.log import append, approved_fingerprints, log_path, read_log
    from report.review.versions import resolve

    if bool(claims) == every:
        raise ReviewError("name the claims to approve, or pass --all (not both)")
    if not by.strip():
        raise ReviewError("--by must name who checked the claims")
    settings = settings_from(output=output)
    chosen = resolve(settings.output_dir, version)
    prints = fingerprints(chosen)
    for claim in claims:
        if claim not in prints:
            close = difflib.get_close_matches(claim, list(prints), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "python -m report review lists them"
            raise ReviewError(f"version {chosen.id} has no claim {claim!r}", hint)
    log = log_path(settings.project_root)
    done = approved_fingerprints(read_log(log))
    wanted = list(prints) if every else list(dict.fromkeys(claims))
    todo = [prints[c] for c in wanted if (c, prints[c].digest) not in done]
    added = append(log, [(fp, chosen.id) for fp in todo], by.strip(), note) if todo else []
    skipped = len(wanted) - len(added)
    click.echo(f"signed off {len(added)} claims of version {chosen.id} in {log}")
    if skipped:
        click.echo(f"{skipped} were signed off already, as they are now")
    return 0
