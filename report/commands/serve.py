"""``python -m report serve``: serve the published site on this machine, rebuilding it
when templates, claims or data change."""

from __future__ import annotations

from pathlib import Path

import click

from report.commands.options import output_option, settings_from


@click.command(
    "serve",
    help=(
        "Serve the published site (default output/site) on 127.0.0.1; on a change to "
        "templates, claims or data, build and publish again.\n\n"
        "Example: python -m report serve --port 8000"
    ),
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port (0: any free one).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0: every interface).",
)
@click.option(
    "--site", "site", type=click.Path(file_okay=False, path_type=Path), help="The site folder."
)
@click.option("--no-watch", is_flag=True, help="Serve only; do not rebuild on changes.")
@output_option
def command(port: int, host: str, site: Path | None, no_watch: bool, output: Path | None) -> int:
    """Serve the site."""
    from report.errors import ReportError
    from report.publish.paths import SITE_MARKER
    from report.publish.serve import serve, site_server
    from report.publish.site import publish
    from report.review.log import log_path
    from report.review.versions import resolve
    from report.versions.build import build

    settings = settings_from(output=output, quiet=True)
    folder = (site or settings.output_dir / "site").resolve()
    log = log_path(settings.project_root)

    def republish() -> None:
        title = resolve(settings.output_dir, "latest").title()
        done = publish(settings.output_dir, folder, log, title)
        click.echo(f"published {done.site}: new versions {', '.join(done.added) or 'none'}")

    def rebuild() -> None:
        try:
            click.echo(f"rebuilt version {build(settings).version}")
            republish()
        except ReportError as error:
            for line in error.lines():
                click.echo(line, err=True)
            click.echo("still serving the site as it was", err=True)

    if not (folder / SITE_MARKER).is_file():
        republish()
    try:
        server = site_server(folder, host, port)
    except OSError as error:
        raise ReportError(f"cannot listen on {host}:{port}: {error}") from error
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"serving {folder} at http://{bound_host!s}:{bound_port}/ (Ctrl-C stops)", nl=True)
    watched = [settings.templates_dir, settings.data_dir]
    serve(server, watched, None if no_watch else rebuild)
    return 0
