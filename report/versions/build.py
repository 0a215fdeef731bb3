"""``python -m report build``: compute the ledger and write ``output/<version>/`` atomically.

Everything goes into a temporary folder beside the versions and is renamed into place in
one step, so a failed or interrupted build leaves ``output/`` as it was, and two builds at
once cannot mix their files: the first rename wins and the second reuses it. A build whose
version already exists is reused, not copied.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from report.data.table_cache import use_table_cache
from report.errors import BuildError
from report.ledger.cache import Decision, compute_cached
from report.ledger.entry import Ledger
from report.pipeline import Project, open_project
from report.progress import Progress, silent
from report.render.chart_cache import use_chart_cache
from report.render.document import render_documents
from report.render.finished_charts import use_finished_charts
from report.render.svg_pool import drawing_processes
from report.settings import Settings, check_output_dir
from report.versions.buildinfo import BuildInfo, InputFile
from report.versions.identity import identify
from report.versions.inputs import input_names, verify_inputs
from report.versions.manifest import manifest
from report.versions.provenance import (
    template_hashes,
)
from report.versions.workspace import workspace


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
    return identify(project.settings, build_inputs(project), project.article.sha256)


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


@contextlib.contextmanager
def build_caches(settings: Settings, use_cache: bool) -> Iterator[None]:
    """The caches a build reads and fills under ``settings.cache_dir`` (none with
    ``use_cache=False``): validated tables, chart SVGs and finished charts."""

    def folder(name: str) -> Path | None:
        return settings.cache_dir / name if use_cache else None

    with (
        use_table_cache(folder("tables")),
        use_chart_cache(folder("charts")),
        use_finished_charts(folder("finished-charts")),
    ):
        yield


def build(settings: Settings, progress: Progress = silent, use_cache: bool = True) -> BuildResult:
    """Compute the ledger from ``settings`` and write (or reuse) its build folder.

    ``use_cache=False`` recomputes every claim and redraws every chart, even when the
    version exists (the outputs are the same bytes).
    """
    check_output_dir(settings)
    project = open_project(settings)
    info = build_info(project)
    progress(f"version {info.version}")
    try:
        found = existing_build(settings, info.version) if use_cache else None
        if found is not None:
            progress(f"version {info.version} exists; reused")
            unchanged = tuple(Decision(p.claim.id, True) for p in project.plan)
            return replace(found, decisions=unchanged)
        with build_caches(settings, use_cache), drawing_processes():
            ledger, decisions = compute_cached(project, progress, use_cache)
            written = write_build(project, ledger, info, progress)
        return replace(written, decisions=tuple(decisions))
    except OSError as error:
        raise BuildError(
            f"could not write the build into {settings.output_dir}: {error}"
        ) from error
