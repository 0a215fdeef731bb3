"""The command line, ``python -m report COMMAND``: one module per command in
``report/commands/``, loaded only when that command runs.

User mistakes (bad data, bad configuration, a mistyped command) print readable lines and
exit with status 2; only bugs show a traceback.
"""

from __future__ import annotations

import difflib
import importlib
import sys
from collections.abc import Sequence

import click

from report.errors import ReportError

# name -> module in report.commands defining a click command called ``command``
COMMANDS: dict[str, str] = {
    "approve": "approve",
    "build": "build",
    "claims": "claims",
    "datasets": "datasets",
    "diff": "diff",
    "notebook": "notebook",
    "publish": "publish",
    "review": "review",
    "serve": "serve",
}


class CommandGroup(click.Group):
    """Loads each command's module on first use and suggests the nearest name for a typo."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command = importlib.import_module(f"report.commands.{module}").command
        if not isinstance(command, click.Command):
            raise TypeError(f"report.commands.{module}.command is not a click command")
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            close = difflib.get_close_matches(name, list(COMMANDS), n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            ctx.fail(f"no such command {name!r}.{hint} See 'python -m report --help'.")
        return super().resolve_command(ctx, args)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("claimcheck-report")
    except PackageNotFoundError:
        return "0.1.0"


@click.group(
    cls=CommandGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=(
        "Check an article's quantitative claims against cited data and build a "
        "versioned, reproducible report.\n\nExample: python -m report build"
    ),
)
@click.version_option(_version(), "--version", prog_name="claimcheck-report")
def cli() -> None:
    """The command group."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = cli.main(args, prog_name="python -m report", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return 2
    except click.exceptions.Abort:
        print("interrupted; the output folder is unchanged", file=sys.stderr)
        return 130
    except ReportError as error:
        for line in error.lines():
            click.echo(line, err=True)
        return error.exit_status
    except KeyboardInterrupt:
        print("interrupted; the output folder is unchanged", file=sys.stderr)
        return 130
    return result if isinstance(result, int) else 0
