"""The no-change path of ``build``: confirm the latest version from hashes alone.

When the code hash, the environment and every input's verified hash are those the latest
manifest records, the version it names is what a full build would make, and the build
ends there, before pandas, Altair or the renderers are imported. Anything different
(or unreadable) hands over to the full build, which decides again from scratch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from report.data.article import load_article
from report.data.lock import locked_registry
from report.settings import Settings
from report.versions.identity import identify
from report.versions.inputs import verify_inputs
from report.versions.provenance import code_sha256, git_state, locked_packages, python_version

LATEST = "latest"


@dataclass(frozen=True)
class Confirmed:
    """The latest version, confirmed unchanged."""

    version: str
    folder: Path


def _latest_manifest(output_dir: Path) -> dict[str, object] | None:
    try:
        document = json.loads((output_dir / LATEST / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def _names(document: dict[str, object]) -> list[tuple[str, str]] | None:
    inputs = document.get("inputs")
    if not isinstance(inputs, list):
        return None
    names: list[tuple[str, str]] = []
    for item in inputs:
        if not (isinstance(item, dict) and {"dataset", "file"} <= item.keys()):
            return None
        names.append((str(item["dataset"]), str(item["file"])))
    return names


def confirm_latest(settings: Settings) -> Confirmed | None:
    """The latest version if nothing that makes a version has changed since, else None.

    Inputs are verified here as in any build: a changed or missing file raises
    :class:`report.errors.DataError` rather than being vouched for.
    """
    if settings.timestamp:
        return None
    document = _latest_manifest(settings.output_dir)
    if document is None:
        return None
    code = document.get("code")
    names = _names(document)
    root = settings.project_root
    if (
        not isinstance(code, dict)
        or names is None
        or code.get("sha256") != code_sha256(root, settings.data_dir)
    ):
        return None
    commit, _dirty = git_state(root)
    python = python_version()
    packages = locked_packages(root / "requirements.lock")
    if (commit, python, packages) != (
        code.get("commit"),
        document.get("python"),
        document.get("packages"),
    ):
        return None
    inputs = verify_inputs(locked_registry(settings.data_dir), names, settings)
    article = load_article(settings)
    version = identify(settings, inputs, article.sha256).version
    if version != document.get("version"):
        return None
    return Confirmed(version, settings.output_dir / version)
