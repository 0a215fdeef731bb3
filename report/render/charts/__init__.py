"""Charts: one module per claim family; each claim names its chart function in its TOML
(``chart = "pools.effective_pools"``) or says it has none (``chart = false``).

A chart function takes a ledger :class:`~report.ledger.entry.Entry` and returns an Altair chart
(or None when the data are not there). Titles state the finding and are filled from the
entry's figures, never typed. Saving to SVG is :mod:`report.render.svg`'s business.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from report.render.altair_import import skip_unused_format_checkers

skip_unused_format_checkers()

import altair as alt  # noqa: E402

from report.errors import ConfigError  # noqa: E402
from report.ledger.entry import Entry  # noqa: E402

ChartFunction = Callable[[Entry], alt.TopLevelMixin | None]


def chart_function(dotted: str) -> ChartFunction:
    """The chart function ``"<module>.<function>"`` of this package."""
    module_name, _, name = dotted.partition(".")
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
        function: ChartFunction = getattr(module, name)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"no chart function {dotted!r} in report/render/charts: {exc}") from None
    return function


def chart_for(entry: Entry) -> alt.TopLevelMixin | None:
    """The chart of ``entry``'s claim, or None when it has none."""
    if entry.claim.chart is None:
        return None
    return chart_function(entry.claim.chart)(entry)
