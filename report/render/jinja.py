"""The Jinja2 settings both report templates share; each renderer adds its own escaping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2


def template_environment(
    templates_dir: Path, autoescape: bool, finalize: Callable[[object], object] | None = None
) -> jinja2.Environment:
    """An environment over ``templates_dir`` that fails on an undefined name and keeps the
    output's whitespace as the template writes it."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=autoescape,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
