"""What identifies a build, and its version id: known before any data is read.

Light on imports on purpose: the no-change path of ``build`` uses it before pandas,
Altair or the renderers are imported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from report.settings import Settings
from report.versions.buildinfo import BuildInfo, InputFile
from report.versions.manifest import version_id
from report.versions.provenance import (
    code_sha256,
    git_state,
    locked_packages,
    platform_name,
    python_version,
)


def identify(settings: Settings, inputs: tuple[InputFile, ...], article_sha256: str) -> BuildInfo:
    """Every field that makes a version (inputs, article, code, environment, settings and,
    if asked, the time), with the version id they give."""
    root = settings.project_root
    commit, dirty = git_state(root)
    built_at = (
        dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat() if settings.timestamp else None
    )
    info = BuildInfo(
        version="",
        code_commit=commit,
        code_dirty=dirty,
        code_sha256=code_sha256(root, settings.data_dir),
        python=python_version(),
        packages=locked_packages(root / "requirements.lock"),
        inputs=inputs,
        article_sha256=article_sha256,
        # Where inputs come from (mirror, cache, download, offline) changes no byte of the
        # outputs, since every input is verified by its sha256: it is not part of a version.
        settings={"timestamp": str(settings.timestamp).lower()},
        built_at=built_at,
        platform=platform_name(),
    )
    return replace(info, version=version_id(info))
