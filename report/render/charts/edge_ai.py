"""Charts for the edge-AI market claims."""

from __future__ import annotations

import altair as alt

from report.ledger.entry import Entry
from report.render.charts.style import WIDTH, titled


def market_path(entry: Entry) -> alt.TopLevelMixin | None:
    """The market path the article's figures imply, year by year."""
    path = entry.assessment.tables.get("path")
    if path is None or path.empty:
        return None
    line = (
        alt.Chart(path)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title="Market size, USD billion"),
            tooltip=[alt.Tooltip("year:O"), alt.Tooltip("value:Q", format=",.1f")],
        )
        .properties(width=WIDTH, height=260)
    )
    return titled(
        line,
        entry,
        "The article's figures imply {article_implied_cagr} growth a year",
        "Edge-AI market, USD billion, compounding the stated values",
    )
