"""A claim's fingerprint: one hash over everything an editor saw when signing it off.

The parts are the quote, the stated values, every figure, the verdict, the method text,
the chart (its Vega-Lite spec and the drawn SVG) and the sha256 of every input file the
claim reads. Each part is hashed on its own too, so a lapsed sign-off can say what moved.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from report.review.versions import Version

PARTS = ("quote", "stated", "figures", "verdict", "method", "wording", "chart", "inputs")
NUMBER = re.compile(r"[−+-]?\d[\d,.]*")

# Why a claim needs an editor, by the part that changed since its last sign-off.
REASONS = {
    "quote": "wording changed",
    "wording": "wording changed",
    "method": "figures changed",  # the method text moved, its words did not: its numbers did
    "stated": "stated values changed",
    "figures": "figures changed",
    "verdict": "verdict flipped",
    "chart": "chart changed",
    "inputs": "inputs changed",
}


@dataclass(frozen=True)
class Fingerprint:
    """The hash of each part and of them all."""

    claim: str
    parts: dict[str, str]

    @property
    def digest(self) -> str:
        return _sha256(self.parts)

    def changed_parts(self, before: dict[str, str]) -> list[str]:
        """The parts whose hash differs from ``before`` (a recorded sign-off's parts); the
        method counts as reworded only when its words changed, not just its numbers."""
        changed = [p for p in PARTS if before.get(p) != self.parts.get(p)]
        return [p for p in changed if not (p == "method" and "wording" in changed)]


def _sha256(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def words(text: str) -> str:
    """``text`` with every number replaced by ``#``: what is left changes only when the
    wording does."""
    return NUMBER.sub("#", text)


def chart_specs(html: str) -> dict[str, str]:
    """The chart spec JSON of each claim section of a report page, by claim id."""
    specs: dict[str, str] = {}
    for chunk in html.split('<article class="claim" id="claim-')[1:]:
        claim_id = chunk.split('"', 1)[0]
        section = chunk.split("</article>", 1)[0]
        found = re.search(
            r'<script type="application/json" class="chart-spec">(.*?)</script>', section, re.S
        )
        if found:
            specs[claim_id] = found.group(1)
    return specs


def _chart_part(version: Version, claim_id: str, specs: dict[str, str]) -> dict[str, Any]:
    svg = version.folder / "charts" / f"{claim_id}.svg"
    drawn = hashlib.sha256(svg.read_bytes()).hexdigest() if svg.is_file() else None
    return {"spec": specs.get(claim_id), "svg": drawn}


def fingerprint(
    version: Version, claim_id: str, specs: dict[str, str] | None = None
) -> Fingerprint:
    """The fingerprint of one claim of ``version``."""
    claim = version.claims[claim_id]
    specs = chart_specs(version.html) if specs is None else specs
    hashes = version.input_hashes
    inputs = {d: hashes.get(d, {}) for d in sorted(claim.get("sources", []))}
    values: dict[str, Any] = {
        "quote": claim.get("quote", ""),
        "stated": claim.get("stated", {}),
        "figures": claim.get("figures", {}),
        "verdict": claim.get("verdict", ""),
        "method": claim.get("method", ""),
        "wording": [
            words(claim.get(f, "")) for f in ("title", "quote", "method", "limits", "needs")
        ],
        "chart": _chart_part(version, claim_id, specs),
        "inputs": inputs,
    }
    return Fingerprint(claim_id, {p: _sha256(values[p]) for p in PARTS})


def fingerprints(version: Version) -> dict[str, Fingerprint]:
    """Every claim's fingerprint, in report order."""
    specs = chart_specs(version.html)
    return {c: fingerprint(version, c, specs) for c in version.claims}
