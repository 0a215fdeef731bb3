"""Charts for the AI centralisation claims: the Arena gap between the best proprietary and
the best open model, and the sectors behind notable AI systems by year.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report.ledger.entry import Entry
from report.render.charts.style import ACCENT, PALETTE, WIDTH, titled

_SECTOR_NAMES = {
    "industry_share": "Companies alone",
    "collaboration_share": "Companies with universities",
    "academia_share": "Universities alone",
    "other_share": "Other or unknown",
}
_SECTOR_COLOURS = [PALETTE[0], PALETTE[3], PALETTE[1], PALETTE[8]]


def arena_gap(entry: Entry) -> alt.TopLevelMixin | None:
    """Best proprietary and best open Arena rating per snapshot, with the gap beneath."""
    frontier = entry.assessment.tables.get("frontier")
    if frontier is None or frontier.empty:
        return None
    ratings = frontier.melt(
        id_vars=["date"],
        value_vars=["best_proprietary", "best_open"],
        var_name="series",
        value_name="rating",
    )
    ratings["series"] = ratings["series"].map(
        {"best_proprietary": "Best proprietary model", "best_open": "Best open-weight model"}
    )
    x = alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", tickCount=8))
    top = (
        alt.Chart(ratings)
        .mark_line(interpolate="step-after")
        .encode(
            x=x,
            y=alt.Y(
                "rating:Q", title="Arena Elo (each snapshot's scale)", scale=alt.Scale(zero=False)
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(range=[PALETTE[1], PALETTE[0]]),
            ),
            tooltip=[
                alt.Tooltip("date:T"),
                alt.Tooltip("series:N"),
                alt.Tooltip("rating:Q", format=",.0f"),
            ],
        )
        .properties(width=WIDTH, height=220)
    )
    gap = (
        alt.Chart(frontier)
        .mark_area(interpolate="step-after", color=ACCENT, opacity=0.35, line={"color": ACCENT})
        .encode(
            x=x,
            y=alt.Y("gap:Q", title="Gap, Elo"),
            tooltip=[
                alt.Tooltip("date:T"),
                alt.Tooltip("gap:Q", format=",.0f"),
                alt.Tooltip("proprietary_model:N", title="Proprietary"),
                alt.Tooltip("open_model:N", title="Open"),
            ],
        )
        .properties(width=WIDTH, height=120)
    )
    return titled(
        alt.vconcat(top, gap),
        entry,
        "The best proprietary model's lead fell from {arena_gap_first_mean} to {arena_gap_latest_mean}",
        "Chatbot Arena, best model of each kind per snapshot and the gap between them; lead "
        "averaged over the first and last {window_days} days, trend {arena_gap_slope} a year",
    )


def sectors_by_year(entry: Entry) -> alt.TopLevelMixin | None:
    """Share of notable AI systems by the developers' sector, per publication year."""
    counts = entry.assessment.tables.get("by_year")
    if counts is None or counts.empty:
        return None
    recent = counts[counts["year"] >= 2000]
    long = recent.melt(
        id_vars=["year", "total"],
        value_vars=list(_SECTOR_NAMES),
        var_name="sector",
        value_name="share",
    )
    long["sector"] = long["sector"].map(_SECTOR_NAMES)
    order = list(_SECTOR_NAMES.values())
    long["order"] = long["sector"].map({name: i for i, name in enumerate(order)})
    bars = (
        alt.Chart(pd.DataFrame(long))
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=-90)),
            y=alt.Y("share:Q", title="Share of the year's notable systems, %", stack="zero"),
            color=alt.Color(
                "sector:N",
                title=None,
                sort=order,
                scale=alt.Scale(domain=order, range=_SECTOR_COLOURS),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("year:O"),
                alt.Tooltip("sector:N"),
                alt.Tooltip("share:Q", format=".1f"),
                alt.Tooltip("total:Q", title="Systems that year"),
            ],
        )
        .properties(width=WIDTH, height=300)
    )
    return titled(
        bars,
        entry,
        "Companies alone built {industry_share_latest} of notable AI systems in {latest_year}",
        "Epoch AI notable systems by developers' sector; systems with a company involved lead "
        "in every year from {industry_lead_year}; the last year ends {snapshot_end}",
    )


def open_share_by_year(entry: Entry) -> alt.TopLevelMixin | None:
    """Notable systems with open weights per year, with their share of systems of known access."""
    shares = entry.assessment.tables.get("open_by_year")
    if shares is None or shares.empty:
        return None
    recent = shares[shares["year"] >= 2015]
    bars = (
        alt.Chart(recent)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("open:Q", title="Open-weight notable systems"),
            tooltip=[
                alt.Tooltip("year:O"),
                alt.Tooltip("open:Q", title="Open weights"),
                alt.Tooltip("known:Q", title="Known access"),
                alt.Tooltip("open_share:Q", title="Share of known access, %", format=".1f"),
            ],
        )
        .properties(width=WIDTH, height=260)
    )
    return titled(
        bars,
        entry,
        "Open-weight releases rose from {open_count_base} in {base_year} to {open_count_latest} in {latest_year}",
        "Epoch AI notable systems with downloadable weights; the last year is partial "
        "(to {snapshot_end})",
    )
