"""``python -m report build``: compute the ledger and write ``output/<version>/`` atomically.

Everything goes into a temporary folder beside the versions and is renamed into place in
one step, so a failed or interrupted build leaves ``output/`` as it was, and two builds at
once cannot mix their files: the first rename wins and the second reuses it. A build whose
version already exists is reused, not copied.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from report.errors import BuildError
from report.ledger.cache import Decision, compute_cached
from report.ledger.entry import Ledger
from report.pipeline import Project, open_project
from report.progress import Progress, silent
from report.render.chart_cache import use_chart_cache
from report.render.document import render_documents
from report.settings import Settings
from report.versions.buildinfo import BuildInfo, InputFile
from report.versions.inputs import input_names, verify_inputs
from report.versions.manifest import manifest, version_id
from report.versions.provenance import (
    code_sha256,
    git_state,
    locked_packages,
    platform_name,
    python_version,
    template_hashes,
)

LATEST = "latest"
TEMP_PREFIX = ".tmp-"


@dataclass(frozen=True)
class BuildResult:
    """Where a build landed and whether an existing version was reused."""

    version: str
    folder: Path
    reused: bool
    decisions: tuple[Decision, ...] = ()  # per claim: cached or recomputed, and why


def build_inputs(project: Project) -> tuple[InputFile, ...]:
    """Every file of every dataset some claim reads, sorted, each verified against its lock."""
    names = input_names(project.registry, project.tables_needed())
    return verify_inputs(project.registry, names, project.settings)


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
    version = version_id(inputs, project.article.sha256, code, commit, python, packages, built_at)
    return BuildInfo(
        version=version,
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
    )


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(output_dir: Path) -> None:
    """Delete temporary folders left by builds whose process is gone."""
    for path in output_dir.glob(f"{TEMP_PREFIX}*"):
        pid_text = path.name.removeprefix(TEMP_PREFIX).split("-")[0]
        if _pid_alive(int(pid_text) if pid_text.isdigit() else 0):
            continue
        if path.is_symlink() or path.is_file():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)


def point_latest(output_dir: Path, version: str) -> None:
    """Make ``output/latest`` a symbolic link to ``version``, replacing it atomically."""
    link = output_dir / LATEST
    temporary = output_dir / f"{TEMP_PREFIX}{os.getpid()}-link-{uuid.uuid4().hex[:8]}"
    temporary.symlink_to(version, target_is_directory=True)
    os.replace(temporary, link)


def existing_build(settings: Settings, version: str) -> BuildResult | None:
    """The finished build of ``version``, pointed at by ``latest``, or None if there is none."""
    folder = settings.output_dir / version
    if not (folder / "manifest.json").is_file():
        return None
    point_latest(settings.output_dir, version)
    return BuildResult(version, folder, reused=True)


def write_build(
    project: Project, ledger: Ledger, info: BuildInfo, progress: Progress = silent
) -> BuildResult:
    """Write the build folder of ``info.version`` into a temporary folder, then rename it
    into place and point ``latest`` at it."""
    settings = project.settings
    output_dir = settings.output_dir
    output_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(output_dir)
    final = output_dir / info.version
    temporary = output_dir / f"{TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    temporary.mkdir()
    try:
        render_documents(project.article, ledger, info, temporary, settings.templates_dir, progress)
        document = manifest(
            info, template_hashes(settings.templates_dir), temporary, platform_name()
        )
        (temporary / "manifest.json").write_text(
            json.dumps(document, indent=2, sort_keys=False) + "\n", encoding="utf-8"
        )
        try:
            temporary.rename(final)
        except OSError:
            shutil.rmtree(temporary)
            found = existing_build(settings, info.version)  # a build at the same time won
            if found is None:
                raise
            return found
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    point_latest(output_dir, info.version)
    progress(f"wrote {final}")
    return BuildResult(info.version, final, reused=False)


def build(settings: Settings, progress: Progress = silent, use_cache: bool = True) -> BuildResult:
    """Compute the ledger from ``settings`` and write (or reuse) its build folder.

    ``use_cache=False`` recomputes every claim and redraws every chart, even when the
    version exists (the outputs are the same bytes).
    """
    project = open_project(settings)
    info = build_info(project)
    progress(f"version {info.version}")
    try:
        found = existing_build(settings, info.version) if use_cache else None
        if found is not None:
            progress(f"version {info.version} exists; reused")
            unchanged = tuple(Decision(p.claim.id, True) for p in project.plan)
            return replace(found, decisions=unchanged)
        charts = settings.cache_dir / "charts" if use_cache else None
        with use_chart_cache(charts):
            ledger, decisions = compute_cached(project, progress, use_cache)
            written = write_build(project, ledger, info, progress)
        return replace(written, decisions=tuple(decisions))
    except OSError as error:
        raise BuildError(
            f"could not write the build into {settings.output_dir}: {error}"
        ) from error
