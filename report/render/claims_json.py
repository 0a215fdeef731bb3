"""``claims.json``: the ledger as data, for machines, diffs and sign-off.

The schema is documented in ``docs/claims-json.md`` and versioned by ``format``. Numbers
are rounded to twelve significant digits so that floating-point noise never makes two
builds of the same inputs differ; counts and years are integers, dates ISO 8601 strings
(``2021-01-02``, months ``2021-01``), and every value travels with its unit.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from report.ledger.entry import Entry, Ledger
from report.ledger.prose import fill
from report.render.format import format_value

FORMAT_VERSION = 2
SCHEMA_DOC = "docs/claims-json.md"
INTEGER_UNITS = frozenset({"count", "year"})


def _number(value: float | None) -> float | None:
    if value is None or math.isnan(value):
        return None
    if value == 0:
        return 0.0
    return float(f"{value:.12g}")


def json_value(value: float | None, unit: str) -> float | int | str | None:
    """``value`` as JSON in the representation its unit calls for: a date as an ISO string,
    a whole count or year as an integer, anything else as a number (12 significant digits)."""
    number = _number(value)
    if number is None:
        return None
    if unit == "date":
        return dt.date.fromordinal(int(number)).isoformat()
    if unit == "month":
        return dt.date.fromordinal(int(number)).isoformat()[:7]
    if unit in INTEGER_UNITS and number == int(number):
        return int(number)
    return number


def _margin_json(entry: Entry) -> dict[str, Any] | None:
    """How close the verdict came (None when the claim has no margin)."""
    margin = entry.assessment.margin
    if margin is None:
        return None
    t = margin.threshold
    return {
        "deciding": margin.deciding,
        "deciding_value": json_value(*entry.values().get(margin.deciding, (None, ""))),
        "threshold": {
            "name": t.name,
            "label": t.label,
            "value": json_value(t.value, t.unit),
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
            name: {"value": json_value(s.value, s.unit), "unit": s.unit, "text": s.text}
            for name, s in entry.claim.stated.items()
        },
        "figures": {f.name: json_value(f.value, f.unit) for f in a.figures},
        "figure_details": [
            {
                "name": f.name,
                "label": f.label,
                "value": json_value(f.value, f.unit),
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
                "value": json_value(p.value, p.unit),
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
        "schema": SCHEMA_DOC,
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
