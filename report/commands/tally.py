"""The verdict tally a build ends with, read back from the ``claims.json`` it wrote (a
reused version was not computed again, so the file is the one record of its verdicts)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ORDER = ("supported", "partly supported", "contradicted", "not checkable")


def tally_line(claims_json: Path) -> str:
    """``32 claims: 14 supported, 12 partly supported, 2 contradicted, 4 not checkable``."""
    document = json.loads(claims_json.read_text(encoding="utf-8"))
    counts = Counter(str(c["verdict"]) for c in document["claims"])
    parts = [f"{counts[v]} {v}" for v in ORDER if counts[v]]
    parts += [f"{n} {v}" for v, n in sorted(counts.items()) if v not in ORDER]
    return f"{sum(counts.values())} claims: " + ", ".join(parts)
