"""``manifest.json`` and the version id: what a build was made from.

The version is a content address: the hash of everything the build info holds, the input
files, the article, the code (its content, its commit and whether the work tree was
clean, which the report prints), Python, the platform, the locked package versions and
the settings (and the time, only when a build asks to be stamped). The same inputs
therefore give the same version, and a version never has two contents.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from report.versions.buildinfo import BuildInfo
from report.versions.provenance import file_sha256

VERSION_LENGTH = 12


def version_id(info: BuildInfo) -> str:
    """The build's content address (first characters of a sha256) over every field of
    ``info`` except the version itself."""
    identity = {f.name: getattr(info, f.name) for f in fields(info) if f.name != "version"}
    identity["inputs"] = sorted([i.dataset, i.file, i.sha256, i.address or ""] for i in info.inputs)
    identity["packages"] = dict(info.packages)
    identity["settings"] = dict(info.settings)
    text = json.dumps(identity, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:VERSION_LENGTH]


def manifest(info: BuildInfo, templates: dict[str, str], out_dir: Path) -> dict[str, Any]:
    """The manifest of a finished build folder, with the sha256 of every file in it."""
    outputs = {
        p.relative_to(out_dir).as_posix(): file_sha256(p)
        for p in sorted(out_dir.rglob("*"))
        if p.is_file() and p.name != "manifest.json"
    }
    return {
        "version": info.version,
        "reproduce": {
            "commands": list(info.reproduce_commands),
            "note": "the same inputs, code and package versions give byte-identical "
            "report.html, report.pdf and claims.json",
        },
        "code": {
            "commit": info.code_commit,
            "dirty": info.code_dirty,
            "sha256": info.code_sha256,
        },
        "article": {"sha256": info.article_sha256},
        "inputs": [
            {"dataset": i.dataset, "file": i.file, "sha256": i.sha256, "address": i.address}
            for i in info.inputs
        ],
        "templates": templates,
        "python": info.python,
        "platform": info.platform,
        "packages": dict(info.packages),
        "settings": dict(info.settings),
        "built_at": info.built_at,
        "outputs": outputs,
    }
