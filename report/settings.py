"""Where the project reads its inputs and writes its builds.

Every path can be moved by an environment variable, so tests and CI can point the
pipeline at a scratch output folder or another data mirror.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, replace
from pathlib import Path

from report.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_YES = frozenset({"1", "true", "yes"})
_NO = frozenset({"", "0", "false", "no"})


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


def env_value(name: str) -> str | None:
    """The variable's value, None when unset; set but empty is a mistake, not a default."""
    value = os.environ.get(name)
    if value is None:
        return None
    if not value.strip():
        raise ConfigError(
            f"{name} is set but empty; unset it (unset {name}) to use the default, or name a folder"
        )
    return value


def _env_folder(name: str, default: Path, must_hold: tuple[str, ...] = ()) -> Path:
    value = env_value(name)
    folder = Path(value).expanduser().resolve() if value is not None else default.resolve()
    source = f"{name}={value}" if value is not None else f"the default {folder}"
    if not folder.is_dir():
        raise ConfigError(f"{source}: {folder} is not a folder")
    missing = [part for part in must_hold if not (folder / part).exists()]
    if missing:
        raise ConfigError(
            f"{source}: {folder} holds no {', '.join(missing)}; is it the right folder?"
        )
    return folder


def _default_mirror(root: Path) -> Path | None:
    """``$REPORT_DATA_MIRROR``, else ``../shared/data`` beside this checkout or its origin."""
    env = env_value("REPORT_DATA_MIRROR")
    if env is not None:
        mirror = Path(env).expanduser().resolve()
        if not mirror.is_dir():
            raise ConfigError(f"REPORT_DATA_MIRROR={env}: {mirror} is not a folder")
        return mirror
    bases = [root]
    origin = _origin_checkout(root)
    if origin is not None:
        bases.append(origin)
    for base in bases:
        shared = (base.parent / "shared" / "data").resolve()
        if shared.is_dir():
            return shared
    return None


def _offline() -> bool:
    raw = os.environ.get("REPORT_OFFLINE", "")
    value = raw.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ConfigError(f"REPORT_OFFLINE={raw}: expected one of 1, true, yes, 0, false, no")


def _output_dir(root: Path) -> Path:
    value = env_value("REPORT_OUTPUT_DIR")
    return Path(value).expanduser().resolve() if value is not None else root / "output"


def load_settings(root: Path | None = None) -> Settings:
    """Settings from the environment, with defaults relative to the project root; a
    variable that is set but empty or names the wrong folder is a :class:`ConfigError`."""
    if root is None:
        root = _env_folder("REPORT_PROJECT_ROOT", PROJECT_ROOT, ("templates", "requirements.lock"))
    root = root.resolve()
    cache = env_value("REPORT_DATA_CACHE")
    cache_dir = Path(cache).expanduser().resolve() if cache else _default_cache()
    if cache_dir.exists() and not cache_dir.is_dir():
        raise ConfigError(f"REPORT_DATA_CACHE: {cache_dir} exists and is not a folder")
    return Settings(
        project_root=root,
        data_dir=_env_folder("REPORT_DATA_DIR", root / "data", ("datasets",)),
        templates_dir=root / "templates",
        output_dir=_output_dir(root),
        mirror_dir=_default_mirror(root),
        cache_dir=cache_dir,
        allow_download=not _offline(),
    )


def _default_cache() -> Path:
    return (Path.home() / ".cache" / "claimcheck-report").resolve()


def check_output_dir(settings: Settings) -> None:
    """Refuse an output folder a build cannot use, before anything is written: a file, a
    folder of the project's own sources, an unwritable place, or a ``latest`` that is not
    a symbolic link."""
    output = settings.output_dir
    protected = {settings.project_root, settings.data_dir, settings.templates_dir}
    for folder in protected:
        if output == folder or output in folder.parents:
            raise ConfigError(
                f"output folder {output} would write builds into {folder}; "
                "set REPORT_OUTPUT_DIR or --output to a folder of its own"
            )
    if output.exists() and not output.is_dir():
        raise ConfigError(f"output folder {output} is a file; name a folder")
    latest = output / "latest"
    if latest.exists() and not latest.is_symlink():
        raise ConfigError(
            f"{latest} is a real file or folder, not the link a build points at its newest "
            "version; move it away"
        )
    existing = next(p for p in (output, *output.parents) if p.exists())
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ConfigError(f"output folder {output}: {existing} is not writable")
