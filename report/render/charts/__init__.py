"""Charts: one module per claim family, each exporting ``CHARTS = {claim_id: function}``.

A chart function takes a ledger :class:`~report.ledger.entry.Entry` and returns an Altair chart
(or None when the data are not there). Titles state the finding and are filled from the
entry's figures, never typed. Saving to SVG is :mod:`report.render.svg`'s business.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from functools import cache

import altair as alt

from report.ledger.entry import Entry

ChartFunction = Callable[[Entry], alt.TopLevelMixin | None]


@cache
def chart_functions() -> dict[str, ChartFunction]:
    """Every chart function of every module in this package, by claim id."""
    found: dict[str, ChartFunction] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "style":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for claim_id, function in getattr(module, "CHARTS", {}).items():
            if claim_id in found:
                raise ValueError(f"two chart modules define a chart for {claim_id!r}")
            found[claim_id] = function
    return found


def chart_for(entry: Entry) -> alt.TopLevelMixin | None:
    """The chart of ``entry``'s claim, or None when it has none."""
    function = chart_functions().get(entry.claim.id)
    return function(entry) if function is not None else None
