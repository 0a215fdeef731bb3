"""``python -m report notebook``: an executed notebook of the version this checkout builds."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from report.errors import ConfigError
from report.notebook.cells import notebook_of
from report.notebook.execute import execute, write_atomically
from report.pipeline import Project, compute, open_project
from report.progress import Progress, silent
from report.render.context import report_context
from report.review.versions import LATEST, resolve
from report.settings import Settings
from report.versions.build import build_info


def notebook_name(claim_id: str | None) -> str:
    """``report.ipynb`` for the whole version, ``claim-<id>.ipynb`` for one claim."""
    return "report.ipynb" if claim_id is None else f"claim-{claim_id}.ipynb"


def _commit_of(folder: Path) -> str:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return str(manifest.get("code", {}).get("commit", "")) or "unknown"
    except (OSError, ValueError, AttributeError):
        return "unknown"


def _only(project: Project, claim_id: str | None) -> Project:
    """The project with only ``claim_id``'s plan (all of it for None)."""
    if claim_id is None:
        return project
    return replace(project, plan=[p for p in project.plan if p.claim.id == claim_id])


def write_notebook(
    settings: Settings,
    version: str = LATEST,
    claim_id: str | None = None,
    timeout: int = 600,
    progress: Progress = silent,
) -> Path:
    """Execute the notebook of ``version`` (one claim's if ``claim_id``) and write it beside
    the version's files; returns its path. The version must be the one this checkout builds,
    since the notebook computes from this checkout's code and pinned data."""
    project = open_project(settings)
    folder = resolve(settings.output_dir, version).folder
    info = build_info(project)
    if folder.name != info.version:
        raise ConfigError(
            f"version {folder.name} was built from other inputs or code than this checkout "
            f"(which builds {info.version}); the notebook computes from this checkout, so check "
            f"out that version's commit ({_commit_of(folder)}) or run python -m report build"
        )
    known = [c.id for c in project.claims]
    if claim_id is not None and claim_id not in known:
        raise ConfigError(f"no claim {claim_id!r}; the claims are: {', '.join(known)}")
    progress("computing the ledger")
    ledger = compute(_only(project, claim_id))
    context = report_context(project.article, ledger, info, {})
    notebook = notebook_of(context, ledger, settings.templates_dir, claim_id)
    progress(f"executing {len(notebook.cells)} cells on a Jupyter kernel")
    executed = execute(notebook, settings.project_root, timeout)
    return write_atomically(executed, folder / notebook_name(claim_id))
