"""Options several commands share, and the settings they make."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from report.settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])

mirror_option = click.option(
    "--mirror",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of raw datasets laid out as <dataset-id>/<file>.",
)
output_option = click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the versioned builds (default output/).",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress output.")


def settings_from(
    mirror: Path | None = None,
    output: Path | None = None,
    quiet: bool = False,
    timestamp: bool = False,
) -> Settings:
    """The environment's settings with the command line's changes."""
    settings = load_settings()
    changes: dict[str, object] = {}
    if output is not None:
        changes["output_dir"] = output.resolve()
    if mirror is not None:
        changes["mirror_dir"] = mirror.resolve()
    if quiet:
        changes["quiet"] = True
    if timestamp:
        changes["timestamp"] = True
    return settings.with_changes(**changes) if changes else settings
