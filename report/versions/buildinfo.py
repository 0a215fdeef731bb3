"""What identifies a build: its inputs, code and environment. Rendered into the report's
"how to reproduce" section and written as ``manifest.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class InputFile:
    """One pinned input file of a build."""

    dataset: str
    file: str
    sha256: str
    address: str | None  # upstream address, or None for files shipped in the repository


@dataclass(frozen=True)
class BuildInfo:
    """Everything a reader needs to reproduce a build, and nothing time-dependent.

    Every field but ``version`` is hashed into ``version``
    (:func:`report.versions.manifest.version_id`): whatever the report or its manifest
    prints from here is part of the version, so one version never has two contents.
    """

    version: str  # content address of the build's inputs, code and environment
    code_commit: str  # git commit of the code, or "unknown"
    code_dirty: bool  # whether the work tree had uncommitted changes
    code_sha256: str  # hash of the code, templates and declarations that shape the output
    python: str
    packages: Mapping[str, str]
    inputs: tuple[InputFile, ...]
    article_sha256: str
    settings: Mapping[str, str] = field(default_factory=dict)
    built_at: str | None = None  # only when the build was asked to stamp the time
    platform: str = ""  # operating system and machine, e.g. "Linux x86_64"

    @property
    def reproduce_commands(self) -> tuple[str, ...]:
        """The shell commands that rebuild this version from its commit."""
        return (f"git checkout {self.code_commit}", "make report")
