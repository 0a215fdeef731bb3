"""Small hand-made version folders for the review and publish tests (no build needed)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def claim(
    claim_id: str,
    figures: dict[str, float | None] | None = None,
    verdict: str = "supported",
    method: str = "Divide {a} by {b}.",
    sources: tuple[str, ...] = ("ds",),
    quote: str = "A quote.",
) -> dict[str, Any]:
    figures = {"share": 40.0} if figures is None else figures
    return {
        "id": claim_id,
        "title": f"Title of {claim_id}",
        "quote": quote,
        "verdict": verdict,
        "stated": {},
        "figures": figures,
        "figure_details": [
            {
                "name": n,
                "label": f"Label {n}",
                "value": v,
                "unit": "percent",
                "formatted": "n/a" if v is None else f"{v:.1f}%",
            }
            for n, v in figures.items()
        ],
        "method": method,
        "limits": "",
        "needs": "",
        "sources": list(sources),
    }


def make_version(
    output: Path,
    version_id: str,
    claims: list[dict[str, Any]],
    inputs: dict[str, str] | None = None,
    mtime: int = 0,
    latest: bool = True,
) -> Path:
    """Write ``output/<version_id>/`` with claims.json, manifest.json and a report page."""
    folder = output / version_id
    (folder / "charts").mkdir(parents=True)
    inputs = {"ds": "a" * 64} if inputs is None else inputs
    document = {
        "format": 1,
        "version": version_id,
        "claims": claims,
        "datasets": {"ds": {"retrieved": "2026-11-25"}},
    }
    (folder / "claims.json").write_text(json.dumps(document), encoding="utf-8")
    articles = "".join(
        f'<article class="claim" id="claim-{c["id"]}"><h2>{c["title"]}</h2>'
        f'<p class="verdict-line"><span class="verdict">{c["verdict"]}</span> '
        f'<span class="claim-id">{c["id"]}</span></p></article>'
        for c in claims
    )
    page = (
        f'<!DOCTYPE html><html lang="en"><head><title>Fake report</title></head><body>'
        f'<header class="masthead"><h1>Fake</h1></header><main>{articles}</main></body></html>'
    )
    (folder / "report.html").write_text(page, encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.7 fake")
    manifest = {
        "version": version_id,
        "inputs": [{"dataset": d, "file": "f.csv", "sha256": s} for d, s in inputs.items()],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    if mtime:
        os.utime(folder / "manifest.json", (mtime, mtime))
    if latest:
        link = output / "latest"
        link.unlink(missing_ok=True)
        link.symlink_to(version_id, target_is_directory=True)
    return folder
