"""Name a built version on the command line: its id, a unique prefix of it, or ``latest``."""

from __future__ import annotations

import re
from pathlib import Path

from report.errors import ConfigError

LATEST = "latest"
_VERSION_ID = re.compile(r"[0-9a-f]{4,64}")


def built_versions(output_dir: Path) -> list[str]:
    """The ids of the finished versions in ``output_dir``."""
    if not output_dir.is_dir():
        return []
    return sorted(
        p.name
        for p in output_dir.iterdir()
        if _VERSION_ID.fullmatch(p.name) and (p / "manifest.json").is_file()
    )


def find_version(output_dir: Path, name: str = LATEST) -> Path:
    """The folder of the version ``name``; anything that is not a version is refused."""
    if name == LATEST:
        link = output_dir / LATEST
        if not (link / "manifest.json").is_file():
            raise ConfigError(
                f"no version is built in {output_dir} yet: run python -m report build first"
            )
        return link.resolve()
    if not _VERSION_ID.fullmatch(name):
        raise ConfigError(
            f"{name!r} is not a version: name one by its id or a unique prefix of at least four "
            "hex digits (python -m report build prints it), or 'latest'"
        )
    matches = [v for v in built_versions(output_dir) if v.startswith(name)]
    if not matches:
        raise ConfigError(f"no built version starts with {name!r} in {output_dir}")
    if len(matches) > 1:
        raise ConfigError(f"{name!r} names more than one version: {', '.join(matches)}")
    return output_dir / matches[0]
