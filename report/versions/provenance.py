"""Where the code and environment of a build come from: git state, code hash, packages."""

from __future__ import annotations

import hashlib
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

# Everything that shapes an output besides the input data.
CODE_GLOBS = (
    "analysis/**/*.py",
    "report/**/*.py",
    "templates/**/*",
    "data/**/*.toml",
    "data/curated/*.csv",
    "pyproject.toml",
    "requirements.lock",
)


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=True, timeout=20
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def git_state(root: Path) -> tuple[str, bool]:
    """The commit of ``root`` and whether tracked or untracked files differ from it."""
    commit = _git(root, "rev-parse", "HEAD")
    if commit is None:
        return "unknown", False
    status = _git(root, "status", "--porcelain", "--untracked-files=normal", "--", ".", ":!output")
    return commit, bool(status)


def code_files(root: Path) -> list[Path]:
    """The files whose content the code hash covers, sorted."""
    found = {
        p
        for pattern in CODE_GLOBS
        for p in root.glob(pattern)
        if p.is_file() and "__pycache__" not in p.parts
    }
    return sorted(found)


def file_sha256(path: Path) -> str:
    """The hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


# The declarations of a data folder set with REPORT_DATA_DIR: claims, registry, parameters,
# the article's record and the curated tables (raw inputs are pinned by the lock).
DATA_GLOBS = ("**/*.toml", "curated/*.csv")


def code_sha256(root: Path, data_dir: Path | None = None) -> str:
    """One hash over the paths and contents of every code file, and of the declarations of
    ``data_dir`` when it is not the project's own ``data/`` (whose files are code files)."""
    digest = hashlib.sha256()
    for path in code_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    if data_dir is not None and data_dir.resolve() != (root / "data").resolve():
        digest.update(b"data folder\0")
        found = {p for g in DATA_GLOBS for p in data_dir.glob(g) if p.is_file()}
        for path in sorted(found):
            digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def template_hashes(templates_dir: Path) -> dict[str, str]:
    """sha256 of every template file, by path relative to the templates folder."""
    return {
        p.relative_to(templates_dir).as_posix(): file_sha256(p)
        for p in sorted(templates_dir.rglob("*"))
        if p.is_file()
    }


def locked_packages(lock: Path) -> dict[str, str]:
    """Installed versions of the packages named in the lock file."""
    names = [
        line.split("==")[0].strip()
        for line in lock.read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.lstrip().startswith("#")
    ]
    versions: dict[str, str] = {}
    for name in sorted(names, key=str.lower):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def python_version() -> str:
    """Interpreter name and version, e.g. ``CPython 3.11.7``."""
    return f"{platform.python_implementation()} {sys.version.split()[0]}"


def platform_name() -> str:
    """Operating system and machine, e.g. ``Linux x86_64``."""
    return f"{platform.system()} {platform.machine()}"
