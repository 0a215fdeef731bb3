"""``python -m report build``: compute the ledger and write ``output/<version>/`` atomically.

Everything goes into a temporary folder beside the versions and is renamed into place in
one step, so a failed or interrupted build leaves ``output/`` as it was, and two builds at
once cannot mix their files: the first rename wins and the second reuses it. A build whose
version already exists is reused, not copied.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from pathlib import Path

from report.errors import BuildError
from report.ledger.entry import Ledger
from report.pipeline import Project, compute, open_project
from report.progress import Progress, silent
from report.render.document import render_documents
from report.settings import Settings, check_output_dir
from report.versions.buildinfo import BuildInfo, InputFile
from report.versions.manifest import manifest, version_id
from report.versions.provenance import (
    code_sha256,
    git_state,
    locked_packages,
    platform_name,
    python_version,
    template_hashes,
)
from report.versions.workspace import workspace


@dataclass(frozen=True)
class BuildResult:
    """Where a build landed and whether an existing version was reused."""

    version: str
    folder: Path
    reused: bool


def build_inputs(project: Project) -> tuple[InputFile, ...]:
    """Every pinned file of every dataset some claim reads, sorted (known before computing)."""
    datasets = {d.id: d for d in map(project.registry.dataset_of, project.tables_needed())}
    return tuple(
        InputFile(d.id, f.name, f.sha256, f.url)
        for _, d in sorted(datasets.items())
        for f in d.files
    )


def build_info(project: Project) -> BuildInfo:
    """What identifies this build: inputs, code, environment and (if asked) the time.

    Everything here is known before any data is read, so an existing version is found
    without computing the ledger again.
    """
    settings = project.settings
    root = settings.project_root
    inputs = build_inputs(project)
    commit, dirty = git_state(root)
    code = code_sha256(root)
    python = python_version()
    packages = locked_packages(root / "requirements.lock")
    built_at = (
        dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat() if settings.timestamp else None
    )
    info = BuildInfo(
        version="",
        code_commit=commit,
        code_dirty=dirty,
        code_sha256=code,
        python=python,
        packages=packages,
        inputs=inputs,
        article_sha256=project.article.sha256,
        settings={
            "timestamp": str(settings.timestamp).lower(),
            "allow_download": str(settings.allow_download).lower(),
        },
        built_at=built_at,
        platform=platform_name(),
    )
    return replace(info, version=version_id(info))


def existing_build(settings: Settings, version: str) -> BuildResult | None:
    """The finished build of ``version``, pointed at by ``latest``, or None if there is none."""
    folder = settings.output_dir / version
    if not (folder / "manifest.json").is_file():
        return None
    with workspace(settings.output_dir) as space:
        space.point_latest(version)
    return BuildResult(version, folder, reused=True)


def write_build(
    project: Project, ledger: Ledger, info: BuildInfo, progress: Progress = silent
) -> BuildResult:
    """Write the build folder of ``info.version`` in a workspace, then rename it into place
    and point ``latest`` at it."""
    settings = project.settings
    final = settings.output_dir / info.version
    with workspace(settings.output_dir) as space:
        temporary = space.content
        temporary.mkdir()
        render_documents(project.article, ledger, info, temporary, settings.templates_dir, progress)
        document = manifest(info, template_hashes(settings.templates_dir), temporary)
        (temporary / "manifest.json").write_text(
            json.dumps(document, indent=2, sort_keys=False) + "\n", encoding="utf-8"
        )
        if not space.publish(info.version):  # a build at the same time won
            if not (final / "manifest.json").is_file():
                raise BuildError(f"{final} exists but is not a finished build; move it away")
            space.point_latest(info.version)
            return BuildResult(info.version, final, reused=True)
        space.point_latest(info.version)
    progress(f"wrote {final}")
    return BuildResult(info.version, final, reused=False)


def build(settings: Settings, progress: Progress = silent) -> BuildResult:
    """Compute the ledger from ``settings`` and write (or reuse) its build folder."""
    check_output_dir(settings)
    project = open_project(settings)
    info = build_info(project)
    progress(f"version {info.version}")
    try:
        found = existing_build(settings, info.version)
        if found is not None:
            progress(f"version {info.version} exists; reused")
            return found
        ledger = compute(project, progress)
        return write_build(project, ledger, info, progress)
    except OSError as error:
        raise BuildError(
            f"could not write the build into {settings.output_dir}: {error}"
        ) from error
