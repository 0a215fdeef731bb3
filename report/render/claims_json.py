"""``claims.json``: the ledger as data, for machines, diffs and sign-off.

Numbers are rounded to twelve significant digits so that floating-point noise never
makes two builds of the same inputs differ.
"""

from __future__ import annotations

import json
import math
from typing import Any

from report.ledger.entry import Entry, Ledger
from report.ledger.prose import fill
from report.render.format import format_value

FORMAT_VERSION = 1


def _number(value: float | None) -> float | None:
    if value is None or math.isnan(value):
        return None
    if value == 0:
        return 0.0
    return float(f"{value:.12g}")


def _margin_json(entry: Entry) -> dict[str, Any] | None:
    """How close the verdict came (None when the claim has no margin)."""
    margin = entry.assessment.margin
    if margin is None:
        return None
    t = margin.threshold
    return {
        "deciding": margin.deciding,
        "deciding_value": _number(entry.value(margin.deciding)),
        "threshold": {
            "name": t.name,
            "label": t.label,
            "value": _number(t.value),
            "unit": t.unit,
            "formatted": format_value(t.value, t.unit),
        },
        "direction": margin.direction,
        "flips_to": margin.flips_to.value,
        "sentence": fill(margin.sentence, entry.values()),
    }


def entry_json(entry: Entry) -> dict[str, Any]:
    """One claim as a JSON-ready dict."""
    a = entry.assessment
    values = entry.values()
    return {
        "id": entry.claim.id,
        "title": entry.claim.title,
        "quote": entry.claim.quote,
        "verdict": a.verdict.value,
        "stated": {
            name: {"value": _number(s.value), "unit": s.unit, "text": s.text}
            for name, s in entry.claim.stated.items()
        },
        "figures": {f.name: _number(f.value) for f in a.figures},
        "figure_details": [
            {
                "name": f.name,
                "label": f.label,
                "value": _number(f.value),
                "unit": f.unit,
                "formatted": format_value(f.value, f.unit),
            }
            for f in a.figures
        ],
        "summary": fill(a.summary, values),
        "method": fill(a.method, values),
        "limits": fill(a.limits, values),
        "needs": fill(a.needs, values),
        "margin": _margin_json(entry),
        "assessed_by": entry.claim.assess,
        "inputs": list(entry.tables),
        "sources": list(entry.datasets),
        "citations": [
            {"title": c.title, "address": c.address, "excerpt": c.excerpt, "note": c.note}
            for c in a.citations
        ],
        "parameters": {
            p.name: {
                "value": _number(p.value),
                "unit": p.unit,
                "label": p.label,
                "source": p.source,
                "address": p.address,
            }
            for p in entry.parameters
        },
    }


def ledger_json(ledger: Ledger, version: str) -> dict[str, Any]:
    """The whole ledger with the datasets it used."""
    return {
        "format": FORMAT_VERSION,
        "version": version,
        "claims": [entry_json(e) for e in ledger.entries],
        "datasets": {
            d.id: {
                "title": d.title,
                "address": d.address,
                "licence": d.licence,
                "retrieved": d.retrieved,
                "files": {f.name: f.sha256 for f in d.files},
            }
            for d in ledger.datasets.values()
        },
    }


def dumps(document: object) -> str:
    """Stable JSON text: insertion order kept (it is deterministic), fixed indent, UTF-8."""
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
