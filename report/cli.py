"""The command line: ``python -m report <command>``.

User mistakes (bad data, bad configuration) print readable lines and exit with a status
(2 for bad input); only bugs show a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from report.errors import ReportError
from report.settings import Settings, load_settings


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    changes: dict[str, object] = {}
    if getattr(args, "output", None):
        changes["output_dir"] = Path(args.output).resolve()
    if getattr(args, "mirror", None):
        changes["mirror_dir"] = Path(args.mirror).resolve()
    if getattr(args, "quiet", False):
        changes["quiet"] = True
    if getattr(args, "timestamp", False):
        changes["timestamp"] = True
    return settings.with_changes(**changes) if changes else settings


def _cmd_claims(args: argparse.Namespace) -> int:
    from report.pipeline import compute, open_project
    from report.render.terminal import print_ledger

    ledger = compute(open_project(_settings(args)))
    print_ledger(ledger, Console(width=args.width) if args.width else None)
    return 0


def _cmd_datasets(args: argparse.Namespace) -> int:
    from report.data.datasets import load_tables
    from report.data.registry import load_registry

    settings = _settings(args)
    registry = load_registry(settings.data_dir)
    console = Console()
    for dataset in registry.datasets.values():
        tables = ", ".join(t.name for t in dataset.tables)
        console.print(
            f"[bold]{dataset.id}[/]  {dataset.title}\n  tables: {tables}; licence: {dataset.licence}"
        )
    if args.verify:
        load_tables(registry.tables, registry, settings)
        console.print(f"verified {len(registry.tables)} tables: hashes and schemas match")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from report.progress import progress_for
    from report.versions.build import build

    settings = _settings(args)
    result = build(settings, progress_for(settings.quiet))
    state = "reused" if result.reused else "built"
    print(f"{state} version {result.version}: {result.folder}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="python -m report", description=__doc__)
    parser.add_argument("--mirror", help="folder holding raw datasets as <dataset-id>/<file>")
    sub = parser.add_subparsers(dest="command", required=True)

    claims = sub.add_parser("claims", help="compute the ledger and print it as a table")
    claims.add_argument("--width", type=int, default=0, help="table width in characters")
    claims.set_defaults(run=_cmd_claims)

    build = sub.add_parser("build", help="compute the ledger and write output/<version>/")
    build.add_argument("--output", help="folder of the versioned builds (default output/)")
    build.add_argument("--quiet", action="store_true", help="no progress lines")
    build.add_argument(
        "--timestamp", action="store_true", help="stamp the build time (makes a new version)"
    )
    build.set_defaults(run=_cmd_build)

    datasets = sub.add_parser("datasets", help="list the registered datasets")
    datasets.add_argument("--verify", action="store_true", help="load and validate every table")
    datasets.set_defaults(run=_cmd_datasets)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except ReportError as error:
        err = Console(stderr=True, highlight=False, soft_wrap=True)
        for line in error.lines():
            err.print(line, markup=False)
        return error.exit_status
    except KeyboardInterrupt:
        print("interrupted; the output folder is unchanged", file=sys.stderr)
        return 130
    return status
