"""Where the project reads its inputs and writes its builds.

Every path can be moved by an environment variable, so tests and CI can point the
pipeline at a scratch output folder or another data mirror.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Paths and switches for one run."""

    project_root: Path
    data_dir: Path
    templates_dir: Path
    output_dir: Path
    mirror_dir: Path | None
    cache_dir: Path
    allow_download: bool = True
    quiet: bool = False
    timestamp: bool = False

    def with_changes(self, **changes: object) -> Settings:
        """A copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _origin_checkout(root: Path) -> Path | None:
    """The local folder this checkout was cloned from, if it was cloned from a folder."""
    config = root / ".git" / "config"
    if not config.is_file():
        return None
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    try:
        parser.read(config, encoding="utf-8")
        url = parser.get('remote "origin"', "url", fallback="")
    except configparser.Error:
        return None
    path = Path(url.removeprefix("file://")).expanduser()
    return path.resolve() if url and path.is_absolute() and path.is_dir() else None


def _default_mirror(root: Path) -> Path | None:
    """``$REPORT_DATA_MIRROR``, else ``../shared/data`` beside this checkout or its origin."""
    env = os.environ.get("REPORT_DATA_MIRROR")
    if env:
        return Path(env).expanduser().resolve()
    bases = [root]
    origin = _origin_checkout(root)
    if origin is not None:
        bases.append(origin)
    for base in bases:
        shared = (base.parent / "shared" / "data").resolve()
        if shared.is_dir():
            return shared
    return None


def load_settings(root: Path | None = None) -> Settings:
    """Settings from the environment, with defaults relative to the project root."""
    root = (root or Path(os.environ.get("REPORT_PROJECT_ROOT", PROJECT_ROOT))).resolve()
    cache = os.environ.get("REPORT_DATA_CACHE") or str(Path.home() / ".cache" / "claimcheck-report")
    return Settings(
        project_root=root,
        data_dir=Path(os.environ.get("REPORT_DATA_DIR", root / "data")).resolve(),
        templates_dir=root / "templates",
        output_dir=Path(os.environ.get("REPORT_OUTPUT_DIR", root / "output")).resolve(),
        mirror_dir=_default_mirror(root),
        cache_dir=Path(cache).expanduser().resolve(),
        allow_download=os.environ.get("REPORT_OFFLINE", "") not in {"1", "true", "yes"},
    )
